import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { inRegion } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { membershipAreas, membershipOrganisers, membershipVisitPhotos, membershipVisits } from '../tables.js';

// Outreach visits and their photos: a visit with its names, a page of them (an organiser's own,
// or a region's), the locked visit a photo is added under, and a photo's bytes.

export type VisitInsert = typeof membershipVisits.$inferInsert;

const visitColumns = {
  id: membershipVisits.id,
  organiserId: membershipVisits.organiserId,
  organiserName: membershipOrganisers.name,
  areaId: membershipVisits.areaId,
  areaName: membershipAreas.name,
  regionCode: membershipVisits.regionCode,
  visitedAt: membershipVisits.visitedAt,
  place: membershipVisits.place,
  lat: membershipVisits.lat,
  lng: membershipVisits.lng,
  workersMet: membershipVisits.workersMet,
  sites: membershipVisits.sites,
  notes: membershipVisits.notes,
  createdAt: membershipVisits.createdAt,
};
export type VisitRecord = NonNullable<Awaited<ReturnType<typeof visitRepo.byId>>>;

export interface VisitFilter {
  /** The region of the visits (staff); undefined with an organiser's own list. */
  scope?: string | null;
  organiserId?: string;
  areaId?: string;
  start?: Date;
  end?: Date;
}

const where = (f: VisitFilter): SQL | undefined =>
  and(
    f.scope === undefined ? undefined : inRegion(membershipVisits.regionCode, f.scope),
    f.organiserId ? eq(membershipVisits.organiserId, f.organiserId) : undefined,
    f.areaId ? eq(membershipVisits.areaId, f.areaId) : undefined,
    f.start ? gte(membershipVisits.visitedAt, f.start) : undefined,
    f.end ? lt(membershipVisits.visitedAt, f.end) : undefined,
  );

export const visitRepo = {
  async insert(db: DbOrTx, values: VisitInsert) {
    const [row] = await db.insert(membershipVisits).values(values).returning();
    return row!;
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await db
      .select(visitColumns)
      .from(membershipVisits)
      .innerJoin(membershipOrganisers, eq(membershipOrganisers.id, membershipVisits.organiserId))
      .leftJoin(membershipAreas, eq(membershipAreas.id, membershipVisits.areaId))
      .where(eq(membershipVisits.id, id));
    return row ?? null;
  },
  /** Newest visit first. */
  async page(db: DbOrTx, f: VisitFilter, limit: number, offset: number) {
    const items = await db
      .select(visitColumns)
      .from(membershipVisits)
      .innerJoin(membershipOrganisers, eq(membershipOrganisers.id, membershipVisits.organiserId))
      .leftJoin(membershipAreas, eq(membershipAreas.id, membershipVisits.areaId))
      .where(where(f))
      .orderBy(desc(membershipVisits.visitedAt), desc(membershipVisits.id))
      .limit(limit)
      .offset(offset);
    const [n] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(membershipVisits)
      .where(where(f));
    return { items, total: n?.n ?? 0 };
  },
  /** The visit's row locked, so that photos added at once are counted one after the other. */
  async lock(db: DbOrTx, id: string) {
    const [row] = await db
      .select({ id: membershipVisits.id })
      .from(membershipVisits)
      .where(eq(membershipVisits.id, id))
      .for('update');
    return row ?? null;
  },
  /** The photos of these visits, without their bytes, in the order they were added. */
  photosOf(db: DbOrTx, visitIds: string[]) {
    if (visitIds.length === 0) return Promise.resolve([]);
    return db
      .select({
        id: membershipVisitPhotos.id,
        visitId: membershipVisitPhotos.visitId,
        mime: membershipVisitPhotos.mime,
        bytes: membershipVisitPhotos.bytes,
      })
      .from(membershipVisitPhotos)
      .where(inArray(membershipVisitPhotos.visitId, visitIds))
      .orderBy(asc(membershipVisitPhotos.createdAt), asc(membershipVisitPhotos.id));
  },
  async photoCount(db: DbOrTx, visitId: string) {
    const [n] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(membershipVisitPhotos)
      .where(eq(membershipVisitPhotos.visitId, visitId));
    return n?.n ?? 0;
  },
  async insertPhoto(db: DbOrTx, values: typeof membershipVisitPhotos.$inferInsert) {
    const [row] = await db.insert(membershipVisitPhotos).values(values).returning({
      id: membershipVisitPhotos.id,
      mime: membershipVisitPhotos.mime,
      bytes: membershipVisitPhotos.bytes,
    });
    return row!;
  },
  /** The photo's description as it was, or null when it is not (or no longer) the visit's. */
  async deletePhoto(db: DbOrTx, visitId: string, photoId: string) {
    const [row] = await db
      .delete(membershipVisitPhotos)
      .where(and(eq(membershipVisitPhotos.id, photoId), eq(membershipVisitPhotos.visitId, visitId)))
      .returning({
        id: membershipVisitPhotos.id,
        mime: membershipVisitPhotos.mime,
        bytes: membershipVisitPhotos.bytes,
      });
    return row ?? null;
  },
  async photo(db: DbOrTx, visitId: string, photoId: string) {
    const [row] = await db
      .select()
      .from(membershipVisitPhotos)
      .where(and(eq(membershipVisitPhotos.id, photoId), eq(membershipVisitPhotos.visitId, visitId)));
    return row ?? null;
  },
};
