import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { regionPrefix } from '../../../contracts/regions.js';
import { inRegion } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { regions } from '../regions/tables.js';
import type { LaborParamKind } from '../../../contracts/labor-law/api.js';
import { REFERENCE_FIGURES } from './reference-figures.js';
import { figureInForce } from './rules/local-figures.js';
import { laborParams } from './tables.js';

/** The region itself, then its city, then its province: the most local figure wins. */
export function regionChain(code: string): string[] {
  const chain = [code];
  const prefix = regionPrefix(code);
  if (prefix.length === 6) chain.push(`${code.slice(0, 4)}00`);
  if (prefix.length >= 4) chain.push(`${code.slice(0, 2)}0000`);
  return [...new Set(chain)];
}

export const laborParamRepo = {
  async inForce(db: DbOrTx, regionCode: string, kind: LaborParamKind, onDate: string) {
    const chain = regionChain(regionCode);
    const rows = await db
      .select()
      .from(laborParams)
      .where(
        and(eq(laborParams.kind, kind), inArray(laborParams.regionCode, chain), lte(laborParams.effectiveFrom, onDate)),
      )
      .orderBy(desc(laborParams.effectiveFrom));
    // Most local region first; within it, the latest effective date.
    for (const code of chain) {
      const hit = figureInForce(
        rows.filter((r) => r.regionCode === code),
        kind,
        onDate,
      );
      if (hit) return hit;
    }
    return null;
  },
  async list(db: DbOrTx, scope: string | null, regionCode: string | undefined, limit: number, offset: number) {
    const where = and(
      inRegion(laborParams.regionCode, scope),
      regionCode ? inArray(laborParams.regionCode, regionChain(regionCode)) : undefined,
    );
    const items = await db
      .select({ ...COLUMNS })
      .from(laborParams)
      .leftJoin(regions, eq(regions.code, laborParams.regionCode))
      .where(where)
      .orderBy(asc(laborParams.regionCode), asc(laborParams.kind), desc(laborParams.effectiveFrom))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(laborParams)
      .where(where);
    return { items, total: count?.n ?? 0 };
  },
  async raw(db: DbOrTx, id: string) {
    const [row] = await db.select().from(laborParams).where(eq(laborParams.id, id));
    return row ?? null;
  },
  /** A figure as lists show it (with its region's name). */
  async byId(db: DbOrTx, id: string) {
    const [row] = await db
      .select({ ...COLUMNS })
      .from(laborParams)
      .leftJoin(regions, eq(regions.code, laborParams.regionCode))
      .where(eq(laborParams.id, id));
    return row ?? null;
  },
  /** Null when the region already has a figure of this kind from this date. */
  async insertNew(tx: DbOrTx, values: LaborParamInsert) {
    const [row] = await tx.insert(laborParams).values(values).onConflictDoNothing().returning();
    return row ?? null;
  },
  async update(tx: DbOrTx, id: string, values: Partial<LaborParamInsert>) {
    const [row] = await tx.update(laborParams).set(values).where(eq(laborParams.id, id)).returning();
    return row ?? null;
  },
  /** Idempotent: published figures are added once and never overwrite local edits. */
  async insertReferenceFigures(db: DbOrTx): Promise<void> {
    await db.insert(laborParams).values(REFERENCE_FIGURES).onConflictDoNothing();
  },
};

export type LaborParamInsert = typeof laborParams.$inferInsert;

const COLUMNS = {
  id: laborParams.id,
  regionCode: laborParams.regionCode,
  regionName: regions.fullName,
  kind: laborParams.kind,
  effectiveFrom: laborParams.effectiveFrom,
  amountFen: laborParams.amountFen,
  source: laborParams.source,
};
