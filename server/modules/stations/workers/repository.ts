import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { people } from '../../people/tables.js';
import { phoneAccessOf } from '../../limits/phone-access-repository.js';
import { stations, stationVisits, stationWorkers } from '../tables.js';

// Registered workers and the phone codes and sessions of the no-login pages (hashes only).

export type StationWorkerInsert = typeof stationWorkers.$inferInsert;

const workerColumns = {
  id: stationWorkers.id,
  personId: stationWorkers.personId,
  name: people.name,
  phone: stationWorkers.phone,
  pin: stationWorkers.pin,
  occupation: stationWorkers.occupation,
  platform: stationWorkers.platform,
  passSerial: stationWorkers.passSerial,
  hasFacePhoto: sql<boolean>`${stationWorkers.facePhoto} is not null`,
  createdAt: stationWorkers.createdAt,
  registeredStationId: stationWorkers.registeredStationId,
  registeredStationCode: stations.code,
  registeredStationName: stations.name,
  version: stationWorkers.version,
};

const workerQuery = (db: DbOrTx) =>
  db
    .select(workerColumns)
    .from(stationWorkers)
    .innerJoin(people, eq(people.id, stationWorkers.personId))
    .innerJoin(stations, eq(stations.id, stationWorkers.registeredStationId));

export const workerRepo = {
  async byPhone(db: DbOrTx, phone: string) {
    const [row] = await workerQuery(db).where(eq(stationWorkers.phone, phone));
    return row ?? null;
  },
  async byPin(db: DbOrTx, pin: number) {
    const [row] = await workerQuery(db).where(eq(stationWorkers.pin, pin));
    return row ?? null;
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await workerQuery(db).where(eq(stationWorkers.id, id));
    return row ?? null;
  },
  async insert(db: DbOrTx, values: StationWorkerInsert) {
    const [row] = await db.insert(stationWorkers).values(values).onConflictDoNothing().returning();
    return row ?? null;
  },
  async update(db: DbOrTx, id: string, values: Partial<StationWorkerInsert>) {
    await db.update(stationWorkers).set(values).where(eq(stationWorkers.id, id));
  },
  /** The face photo and its consent, set together or cleared together (a check keeps them so). */
  async setFace(db: DbOrTx, id: string, face: { photo: Buffer; consentedAt: Date } | null, at: Date) {
    await db
      .update(stationWorkers)
      .set({
        facePhoto: face?.photo ?? null,
        faceConsentedAt: face?.consentedAt ?? null,
        version: sql`${stationWorkers.version} + 1`,
        updatedAt: at,
      })
      .where(eq(stationWorkers.id, id));
  },
  async recentVisits(db: DbOrTx, workerId: string, limit: number) {
    return db
      .select({ stationName: stations.name, occurredAt: stationVisits.occurredAt, method: stationVisits.method })
      .from(stationVisits)
      .innerJoin(stations, eq(stations.id, stationVisits.stationId))
      .where(eq(stationVisits.workerId, workerId))
      .orderBy(desc(stationVisits.occurredAt))
      .limit(limit);
  },
};

/** The station pages' texted codes and the phone's sessions (the platform's table, by purpose). */
export const phoneAccessRepo = phoneAccessOf('stations');
