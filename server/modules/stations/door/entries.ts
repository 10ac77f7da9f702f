import type { EntryMethod } from '../../../../contracts/stations/codes.js';
import type { FieldCipher } from '../../../core/crypto.js';
import type { DbOrTx } from '../../../db/client.js';
import { workerOfPass } from '../workers/service.js';
import { workerRepo } from '../workers/repository.js';
import { visitRepo } from './repository.js';

/** A terminal as a door event finds it. */
export interface DoorDevice {
  id: string;
  serial: string;
  stationId: string;
}

export type EntryOutcome = 'created' | 'duplicate' | 'unknown_person';

/**
 * One person let in: a visit, once per source key (a terminal that resends counts once). A PIN or
 * pass that names nobody registered is logged against the station and counted, never refused to
 * the terminal: the door has already opened or not by then.
 */
export async function recordEntry(
  db: DbOrTx,
  cipher: FieldCipher,
  device: DoorDevice,
  entry: { pin?: string; passCode?: string; occurredAt: Date; method: EntryMethod; sourceKey: string },
): Promise<EntryOutcome> {
  const worker = entry.passCode
    ? await workerOfPass(db, cipher, entry.passCode)
    : entry.pin && /^\d{1,9}$/.test(entry.pin)
      ? await workerRepo.byPin(db, Number(entry.pin))
      : null;
  if (!worker) {
    await visitRepo.reject(db, {
      stationId: device.stationId,
      deviceSerial: device.serial,
      reason: 'unknown_person',
      // The PIN as the terminal sent it (cut short); a pass is not kept, it is a credential.
      detail: {
        pin: entry.pin?.slice(0, 24) ?? null,
        pass: entry.passCode ? 'given' : null,
        at: entry.occurredAt.toISOString(),
      },
    });
    return 'unknown_person';
  }
  const created = await visitRepo.insert(db, {
    stationId: device.stationId,
    workerId: worker.id,
    deviceId: device.id,
    occurredAt: entry.occurredAt,
    method: entry.method,
    sourceKey: entry.sourceKey,
  });
  return created ? 'created' : 'duplicate';
}
