import crypto from 'node:crypto';
import { doorEventSchema } from '../../../../contracts/stations/api.js';
import type { Deps } from '../../../core/deps.js';
import { AppError } from '../../../core/errors.js';
import { recordEntry, type EntryOutcome } from './entries.js';
import { deviceRepo, signatureRepo, visitRepo } from './repository.js';

/*
 * The signed JSON webhook for door terminals of other vendors: X-Device-Serial, X-Timestamp (Unix
 * seconds) and X-Signature, the hex HMAC-SHA256 of `timestamp + "." + body` under the device's
 * secret. Older than five minutes (or as far ahead), or a signature seen before, is refused; every
 * refusal is logged against the station and counted.
 */

const MAX_SKEW_MS = 5 * 60_000;
/** Signatures are remembered longer than the skew allowed, so none can come back in time. */
const REMEMBER_MS = 2 * MAX_SKEW_MS;

export interface SignedRequest {
  serial: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
}

const refused = (zh: string, en: string) => new AppError('UNAUTHENTICATED', zh, en, 'signature');

export function signDoorEvent(secret: string, timestamp: string, body: string): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export async function receiveDoorEvent(
  deps: Deps,
  req: SignedRequest,
): Promise<{ accepted: boolean; visit: EntryOutcome }> {
  const now = deps.now();
  const serial = req.serial?.trim() ?? '';
  const device = serial && serial.length <= 64 ? await deviceRepo.bySerial(deps.db, serial) : null;
  const reject = (
    reason: 'unknown_device' | 'bad_signature' | 'stale' | 'replayed' | 'device_disabled' | 'bad_record',
    detail: Record<string, string | number | null> = {},
  ) =>
    visitRepo.reject(deps.db, {
      stationId: device?.stationId ?? null,
      deviceSerial: serial.slice(0, 64) || null,
      reason,
      detail,
    });
  if (!device || device.kind !== 'door_webhook') {
    await reject('unknown_device');
    throw refused('设备未登记', 'Unknown device');
  }
  if (!device.enabled) {
    await reject('device_disabled');
    throw new AppError('FORBIDDEN', '设备已停用', 'The device is disabled');
  }
  const timestamp = req.timestamp ?? '';
  const signature = (req.signature ?? '').toLowerCase();
  const expected = signDoorEvent(deps.cipher.decrypt(device.secretEnc), timestamp, req.body);
  if (
    !/^\d{9,11}$/.test(timestamp) ||
    !/^[0-9a-f]{64}$/.test(signature) ||
    !crypto.timingSafeEqual(Buffer.from(signature, 'hex'), Buffer.from(expected, 'hex'))
  ) {
    await reject('bad_signature');
    throw refused('签名不正确', 'The signature does not match');
  }
  const sentAt = Number(timestamp) * 1000;
  if (Math.abs(now.getTime() - sentAt) > MAX_SKEW_MS) {
    await reject('stale', { timestamp });
    throw refused(
      '请求已过期（时间戳与服务器相差超过 5 分钟）',
      'The request is stale (more than 5 minutes from the server’s clock)',
    );
  }
  if (!(await signatureRepo.remember(deps.db, signature, now, new Date(now.getTime() - REMEMBER_MS)))) {
    await reject('replayed');
    throw new AppError(
      'CONFLICT',
      '重复的请求（签名已使用）',
      'A replayed request (the signature was used before)',
      'signature',
    );
  }
  let parsed;
  try {
    parsed = doorEventSchema.safeParse(JSON.parse(req.body));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) {
    await reject('bad_record', { issue: parsed ? (parsed.error.issues[0]?.path.join('.') ?? '') : 'json' });
    throw new AppError(
      'VALIDATION',
      '事件格式不正确',
      'The event is not in the expected form',
      parsed?.error.issues[0]?.path.join('.') || 'body',
    );
  }
  const event = parsed.data;
  const visit = await deps.db.transaction(async (tx) => {
    await deviceRepo.seen(tx, device.id, now);
    return recordEntry(tx, deps.cipher, device, {
      pin: event.pin === undefined ? undefined : String(event.pin),
      passCode: event.passCode,
      occurredAt: new Date(event.occurredAt),
      method: event.method,
      sourceKey: `webhook:${device.serial}:${event.eventId}`,
    });
  });
  return { accepted: true, visit };
}
