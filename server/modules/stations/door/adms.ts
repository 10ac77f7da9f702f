import type { Deps } from '../../../core/deps.js';
import {
  commandLine,
  countDataLines,
  deviceLocalToUtc,
  getRequestAnswer,
  handshakeAnswer,
  parseAttlog,
  parseDeviceCmdResults,
  tableCountAnswer,
} from './adms-protocol.js';
import { recordEntry } from './entries.js';
import { commandRepo, deviceRepo, visitRepo } from './repository.js';

/*
 * ZKTeco ADMS ("push"): the terminal calls us. A handshake gets its options, uploads of the
 * attendance log become visits, the heartbeat collects pending commands (enrol or remove a
 * worker), and the terminal reports each command's result. The protocol has no signature: a
 * terminal is known by its registered serial number (and should sit on the station's own network).
 * An unknown serial is logged and counted, and answered without detail.
 */

/** Terminals keep China's wall clock (we tell them TimeZone=8). */
const CHINA_OFFSET_MINUTES = 8 * 60;
const COMMANDS_PER_HEARTBEAT = 20;

export class UnknownTerminal extends Error {}

async function knownTerminal(deps: Deps, serial: string | undefined) {
  const sn = (serial ?? '').trim();
  const device = sn && sn.length <= 64 ? await deviceRepo.bySerial(deps.db, sn) : null;
  if (!device || device.kind !== 'door_adms' || !device.enabled) {
    await visitRepo.reject(deps.db, {
      stationId: device?.stationId ?? null,
      deviceSerial: sn.slice(0, 64) || null,
      reason: device && !device.enabled ? 'device_disabled' : 'unknown_device',
      detail: {},
    });
    throw new UnknownTerminal();
  }
  return device;
}

/** GET /iclock/cdata?SN=…&options=all */
export async function admsHandshake(deps: Deps, serial: string | undefined): Promise<string> {
  const device = await knownTerminal(deps, serial);
  await deviceRepo.seen(deps.db, device.id, deps.now());
  return handshakeAnswer(device.serial, {
    attlogStamp: device.attlogStamp,
    operlogStamp: device.operlogStamp,
    timeZoneHours: CHINA_OFFSET_MINUTES / 60,
    delaySeconds: 10,
  });
}

/**
 * POST /iclock/cdata?SN=…&table=…: ATTLOG lines become visits in one transaction; other tables
 * are acknowledged and not kept. The answer counts every line handled, the broken ones too, so
 * the terminal does not send them again and again; those are logged and counted.
 */
export async function admsUpload(
  deps: Deps,
  q: { serial: string | undefined; table: string | undefined; stamp: string | undefined },
  body: string,
): Promise<string> {
  const device = await knownTerminal(deps, q.serial);
  const now = deps.now();
  if (q.table !== 'ATTLOG') {
    await deviceRepo.seen(
      deps.db,
      device.id,
      now,
      q.table === 'OPERLOG' && q.stamp ? { operlogStamp: q.stamp.slice(0, 32) } : undefined,
    );
    return tableCountAnswer(countDataLines(body));
  }
  const { records, rejected } = parseAttlog(body);
  await deps.db.transaction(async (tx) => {
    for (const r of records) {
      await recordEntry(tx, deps.cipher, device, {
        pin: r.pin,
        occurredAt: deviceLocalToUtc(r.localTime, CHINA_OFFSET_MINUTES),
        method: r.method,
        sourceKey: `adms:${device.serial}:${r.pin}:${r.localTime}`,
      });
    }
    for (const bad of rejected)
      await visitRepo.reject(tx, {
        stationId: device.stationId,
        deviceSerial: device.serial,
        reason: 'bad_record',
        detail: { table: 'ATTLOG', line: bad.line, reason: bad.en },
      });
    await deviceRepo.seen(tx, device.id, now, q.stamp ? { attlogStamp: q.stamp.slice(0, 32) } : undefined);
  });
  return tableCountAnswer(records.length + rejected.length);
}

/** GET /iclock/getrequest?SN=… — the heartbeat, which also carries the pending commands. */
export async function admsHeartbeat(deps: Deps, serial: string | undefined): Promise<string> {
  const device = await knownTerminal(deps, serial);
  const now = deps.now();
  const due = await deps.db.transaction(async (tx) => {
    await deviceRepo.seen(tx, device.id, now);
    return commandRepo.takeDue(tx, device.id, now, COMMANDS_PER_HEARTBEAT);
  });
  const lines: string[] = [];
  for (const c of due.sort((a, b) => a.id - b.id)) {
    try {
      lines.push(commandLine(c.id, c.command));
    } catch (err) {
      // A stored command the protocol cannot carry must not stop the terminal's other commands.
      deps.logger.error({ err, command: c.id, kind: c.command.kind }, 'ADMS command given up');
      await commandRepo.giveUp(deps.db, c.id);
    }
  }
  return getRequestAnswer(lines);
}

/** POST /iclock/devicecmd?SN=… — results of the commands this terminal was given. */
export async function admsCommandResults(deps: Deps, serial: string | undefined, body: string): Promise<string> {
  const device = await knownTerminal(deps, serial);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    for (const r of parseDeviceCmdResults(body)) await commandRepo.answer(tx, device.id, r.id, r.returnCode, now);
    await deviceRepo.seen(tx, device.id, now);
  });
  return 'OK';
}
