import { and, asc, eq, getTableColumns, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { SizeClassFilter } from '../../../../contracts/fee-refunds.js';
import { inRegion, likeText } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { employers } from '../../employers/tables.js';
import { regions } from '../../regions/tables.js';
import { feeEnterprises } from '../tables.js';

export type FeeEnterpriseRow = typeof feeEnterprises.$inferSelect;
export type FeeEnterpriseInsert = typeof feeEnterprises.$inferInsert;

/** A profile with the identity the employers register keeps for it. */
const withIdentity = {
  ...getTableColumns(feeEnterprises),
  uscc: employers.uscc,
  usccCheckWarning: employers.usccCheckWarning,
  name: employers.name,
  regionName: regions.fullName,
};

export interface FeeEnterpriseListFilter {
  /** The caller's region (null: the whole country). */
  scope: string | null;
  q?: string;
  regionCode?: string;
  sizeClass?: SizeClassFilter;
  hasUnion?: boolean;
}

function where(f: FeeEnterpriseListFilter): SQL | undefined {
  return and(
    inRegion(feeEnterprises.regionCode, f.scope),
    inRegion(feeEnterprises.regionCode, f.regionCode),
    f.q ? or(ilike(employers.name, likeText(f.q)), eq(employers.uscc, f.q.toUpperCase())) : undefined,
    f.sizeClass === 'unknown'
      ? isNull(feeEnterprises.sizeClass)
      : f.sizeClass
        ? eq(feeEnterprises.sizeClass, f.sizeClass)
        : undefined,
    f.hasUnion === undefined ? undefined : eq(feeEnterprises.hasUnion, f.hasUnion),
  );
}

const arrayOf = <T>(values: T[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

export const feeEnterpriseRepo = {
  async list(db: DbOrTx, f: FeeEnterpriseListFilter, limit: number, offset: number) {
    const items = await db
      .select(withIdentity)
      .from(feeEnterprises)
      .innerJoin(employers, eq(employers.id, feeEnterprises.employerId))
      .leftJoin(regions, eq(regions.code, feeEnterprises.regionCode))
      .where(where(f))
      .orderBy(asc(feeEnterprises.regionCode), asc(employers.name), asc(feeEnterprises.id))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(feeEnterprises)
      .innerJoin(employers, eq(employers.id, feeEnterprises.employerId))
      .where(where(f));
    return { items, total: count?.n ?? 0 };
  },
  async byUscc(db: DbOrTx, uscc: string) {
    const [row] = await db
      .select(withIdentity)
      .from(feeEnterprises)
      .innerJoin(employers, eq(employers.id, feeEnterprises.employerId))
      .leftJoin(regions, eq(regions.code, feeEnterprises.regionCode))
      .where(eq(employers.uscc, uscc));
    return row ?? null;
  },
  /** The profiles of these employers (one array parameter, whatever the batch size). */
  async byEmployerIds(db: DbOrTx, ids: string[]): Promise<FeeEnterpriseRow[]> {
    if (!ids.length) return [];
    return db
      .select()
      .from(feeEnterprises)
      .where(sql`${feeEnterprises.employerId} = any(${arrayOf(ids, 'uuid')})`);
  },
  /** Profiles by id, with the USCC their refusals name. */
  async byIds(db: DbOrTx, ids: string[]): Promise<(FeeEnterpriseRow & { uscc: string })[]> {
    if (!ids.length) return [];
    return db
      .select({ ...getTableColumns(feeEnterprises), uscc: employers.uscc })
      .from(feeEnterprises)
      .innerJoin(employers, eq(employers.id, feeEnterprises.employerId))
      .where(sql`${feeEnterprises.id} = any(${arrayOf(ids, 'uuid')})`);
  },
  /** Which of these region codes exist. */
  async knownRegions(db: DbOrTx, codes: string[]): Promise<Set<string>> {
    if (!codes.length) return new Set();
    const rows = await db
      .select({ code: regions.code })
      .from(regions)
      .where(sql`${regions.code} = any(${arrayOf(codes, 'text')})`);
    return new Set(rows.map((r) => r.code));
  },
  /** New profiles, a few hundred rows per statement (24 parameters a row). */
  async insertMany(tx: DbOrTx, rows: FeeEnterpriseInsert[]): Promise<{ id: string; employerId: string }[]> {
    const out: { id: string; employerId: string }[] = [];
    for (let i = 0; i < rows.length; i += 1000) {
      out.push(
        ...(await tx
          .insert(feeEnterprises)
          .values(rows.slice(i, i + 1000))
          .returning({ id: feeEnterprises.id, employerId: feeEnterprises.employerId })),
      );
    }
    return out;
  },
  async update(tx: DbOrTx, id: string, values: Partial<FeeEnterpriseInsert>) {
    await tx.update(feeEnterprises).set(values).where(eq(feeEnterprises.id, id));
  },
  async deleteByIds(tx: DbOrTx, ids: string[]) {
    if (ids.length) await tx.delete(feeEnterprises).where(inArray(feeEnterprises.id, ids));
  },
};
