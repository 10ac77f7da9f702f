import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DoorRejectReason, EntryMethod } from '../../../../contracts/stations/codes.js';
import type { DbOrTx } from '../../../db/client.js';
import { people } from '../../people/tables.js';
import {
  stationDeviceCommands,
  stationDevices,
  stationDoorRejects,
  stations,
  stationVisits,
  stationWebhookSignatures,
  stationWorkers,
} from '../tables.js';
import type { AdmsCommand } from './adms-protocol.js';

// Door terminals, what they report (visits and rejects) and what they are told (commands).

export type DeviceInsert = typeof stationDevices.$inferInsert;

export const deviceRepo = {
  /** The device by serial with its station's code and region (a door event's first read). */
  async bySerial(db: DbOrTx, serial: string) {
    const [row] = await db
      .select({
        id: stationDevices.id,
        serial: stationDevices.serial,
        kind: stationDevices.kind,
        secretEnc: stationDevices.secretEnc,
        enabled: stationDevices.enabled,
        attlogStamp: stationDevices.attlogStamp,
        operlogStamp: stationDevices.operlogStamp,
        stationId: stationDevices.stationId,
        stationCode: stations.code,
        regionCode: stations.regionCode,
      })
      .from(stationDevices)
      .innerJoin(stations, eq(stations.id, stationDevices.stationId))
      .where(eq(stationDevices.serial, serial));
    return row ?? null;
  },
  async insert(db: DbOrTx, values: DeviceInsert) {
    const [row] = await db.insert(stationDevices).values(values).onConflictDoNothing().returning();
    return row ?? null;
  },
  async listByStation(db: DbOrTx, stationId: string) {
    return db
      .select({
        id: stationDevices.id,
        serial: stationDevices.serial,
        kind: stationDevices.kind,
        enabled: stationDevices.enabled,
        lastSeenAt: stationDevices.lastSeenAt,
        // Spelled out: inside the subquery a bare "id" would be the command's own id.
        pendingCommands: sql<number>`(select count(*)::int from station_device_commands c where c.device_id = "station_devices"."id" and c.status in ('pending', 'sent'))`,
      })
      .from(stationDevices)
      .where(eq(stationDevices.stationId, stationId))
      .orderBy(asc(stationDevices.serial));
  },
  async seen(db: DbOrTx, id: string, at: Date, stamps?: { attlogStamp?: string; operlogStamp?: string }) {
    await db
      .update(stationDevices)
      .set({ lastSeenAt: at, ...stamps })
      .where(eq(stationDevices.id, id));
  },
  /** The ADMS terminals of a station: they get the station's enrolment commands. */
  async admsOfStation(db: DbOrTx, stationId: string) {
    return db
      .select({ id: stationDevices.id })
      .from(stationDevices)
      .where(
        and(
          eq(stationDevices.stationId, stationId),
          eq(stationDevices.kind, 'door_adms'),
          eq(stationDevices.enabled, true),
        ),
      );
  },
};

export const visitRepo = {
  /** A visit once per source key: a terminal that resends its upload adds nothing. */
  async insert(
    db: DbOrTx,
    values: {
      stationId: string;
      workerId: string;
      deviceId: string | null;
      occurredAt: Date;
      method: EntryMethod;
      sourceKey: string;
    },
  ): Promise<boolean> {
    const rows = await db
      .insert(stationVisits)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: stationVisits.id });
    return rows.length === 1;
  },
  async reject(
    db: DbOrTx,
    values: {
      stationId: string | null;
      deviceSerial: string | null;
      reason: DoorRejectReason;
      detail: Record<string, string | number | null>;
    },
  ) {
    await db.insert(stationDoorRejects).values(values);
  },
  async listOfStation(db: DbOrTx, stationId: string, limit: number, offset: number) {
    const items = await db
      .select({
        id: stationVisits.id,
        occurredAt: stationVisits.occurredAt,
        method: stationVisits.method,
        workerName: people.name,
        occupation: stationWorkers.occupation,
        deviceSerial: stationDevices.serial,
      })
      .from(stationVisits)
      .innerJoin(stationWorkers, eq(stationWorkers.id, stationVisits.workerId))
      .innerJoin(people, eq(people.id, stationWorkers.personId))
      .leftJoin(stationDevices, eq(stationDevices.id, stationVisits.deviceId))
      .where(eq(stationVisits.stationId, stationId))
      .orderBy(desc(stationVisits.occurredAt), desc(stationVisits.id))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(stationVisits)
      .where(eq(stationVisits.stationId, stationId));
    return { items, total: count?.n ?? 0 };
  },
};

export const commandRepo = {
  /**
   * The photo leaves the command queue too: an undelivered upload is withdrawn, and a delivered
   * one keeps its record without the picture.
   */
  async forgetFace(db: DbOrTx, pin: string) {
    const ofPin = sql`${stationDeviceCommands.command}->>'kind' = 'set_face' and ${stationDeviceCommands.command}->>'pin' = ${pin}`;
    await db.delete(stationDeviceCommands).where(and(ofPin, eq(stationDeviceCommands.status, 'pending')));
    // One sent and not yet answered is not sent again (it would carry no picture now).
    await db
      .update(stationDeviceCommands)
      .set({ status: 'failed' })
      .where(and(ofPin, eq(stationDeviceCommands.status, 'sent')));
    await db
      .update(stationDeviceCommands)
      .set({ command: sql`jsonb_set(${stationDeviceCommands.command}, '{jpegBase64}', '""'::jsonb)` })
      .where(ofPin);
  },
  /** The terminals a worker's face was sent to: they must be told to forget it. */
  async devicesGivenFace(db: DbOrTx, pin: string) {
    const rows = await db
      .selectDistinct({ deviceId: stationDeviceCommands.deviceId })
      .from(stationDeviceCommands)
      .where(
        sql`${stationDeviceCommands.command}->>'kind' = 'set_face' and ${stationDeviceCommands.command}->>'pin' = ${pin}`,
      );
    return rows.map((r) => r.deviceId);
  },
  async queue(db: DbOrTx, deviceIds: string[], command: AdmsCommand) {
    if (deviceIds.length)
      await db.insert(stationDeviceCommands).values(deviceIds.map((deviceId) => ({ deviceId, command })));
  },
  /**
   * The device's commands not yet acknowledged, oldest first, marked sent. A command sent but not
   * answered goes again at the next heartbeat: enrolling or deleting a user twice does no harm.
   */
  async takeDue(db: DbOrTx, deviceId: string, at: Date, limit: number) {
    return db
      .update(stationDeviceCommands)
      .set({ status: 'sent', sentAt: at })
      .where(
        inArray(
          stationDeviceCommands.id,
          db
            .select({ id: stationDeviceCommands.id })
            .from(stationDeviceCommands)
            .where(
              and(
                eq(stationDeviceCommands.deviceId, deviceId),
                inArray(stationDeviceCommands.status, ['pending', 'sent']),
              ),
            )
            .orderBy(asc(stationDeviceCommands.id))
            .limit(limit),
        ),
      )
      .returning({ id: stationDeviceCommands.id, command: stationDeviceCommands.command });
  },
  /** A command that cannot be written for the terminal is given up, not sent again at each heartbeat. */
  async giveUp(db: DbOrTx, id: number) {
    await db.update(stationDeviceCommands).set({ status: 'failed' }).where(eq(stationDeviceCommands.id, id));
  },
  /** The device's answer to one of its own commands (another device's ids are ignored). */
  async answer(db: DbOrTx, deviceId: string, id: number, returnCode: number, at: Date) {
    const rows = await db
      .update(stationDeviceCommands)
      .set({ status: returnCode >= 0 ? 'done' : 'failed', returnCode, doneAt: at })
      .where(and(eq(stationDeviceCommands.id, id), eq(stationDeviceCommands.deviceId, deviceId)))
      .returning({ id: stationDeviceCommands.id });
    return rows.length === 1;
  },
};

export const signatureRepo = {
  /** False when the signature was seen before (a replay); old ones are let go as new ones come. */
  async remember(db: DbOrTx, signature: string, at: Date, forgetBefore: Date): Promise<boolean> {
    await db.delete(stationWebhookSignatures).where(lt(stationWebhookSignatures.receivedAt, forgetBefore));
    const rows = await db
      .insert(stationWebhookSignatures)
      .values({ signature, receivedAt: at })
      .onConflictDoNothing()
      .returning({ signature: stationWebhookSignatures.signature });
    return rows.length === 1;
  },
};
