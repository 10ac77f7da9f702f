import { and, asc, eq, getTableColumns, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { SizeClassFilter } from '../../../../contracts/fee-refunds.js';
import { inRegion, likeText } from '../../../core/scope.js';
import { bulkInsert, type BulkColumn } from '../../../db/bulk.js';
import type { DbOrTx } from '../../../db/client.js';
import { orderedId } from '../../../db/ordered-id.js';
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

/** The profile of one code with its identity (a query still open to `.for(…)`). */
const profileOfCode = (db: DbOrTx, uscc: string) =>
  db
    .select(withIdentity)
    .from(feeEnterprises)
    .innerJoin(employers, eq(employers.id, feeEnterprises.employerId))
    .leftJoin(regions, eq(regions.code, feeEnterprises.regionCode))
    .where(eq(employers.uscc, uscc));

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
    const [row] = await profileOfCode(db, uscc);
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
  /**
   * New profiles in one statement (COPY, or a few unnest inserts on PGlite), their ids made here:
   * a multi-row VALUES list has a parameter per cell, which costs seconds at a registry's size.
   */
  async insertMany(tx: DbOrTx, rows: FeeEnterpriseInsert[]): Promise<{ id: string; employerId: string }[]> {
    const withIds = rows.map((r) => ({ ...r, id: r.id ?? orderedId() }));
    const E = feeEnterprises;
    const column = (c: AnyPgColumn, type: BulkColumn<FeeEnterpriseInsert>['type'], key: keyof FeeEnterpriseInsert) => ({
      name: c.name,
      type,
      value: (r: FeeEnterpriseInsert) => r[key] ?? null,
    });
    await bulkInsert(
      tx,
      'fee_enterprises',
      [
        column(E.id, 'uuid', 'id'),
        column(E.employerId, 'uuid', 'employerId'),
        column(E.regionCode, 'text', 'regionCode'),
        column(E.industryCode, 'text', 'industryCode'),
        column(E.employees, 'int4', 'employees'),
        column(E.revenueFen, 'int8', 'revenueFen'),
        column(E.assetsFen, 'int8', 'assetsFen'),
        column(E.hasUnion, 'bool', 'hasUnion'),
        column(E.unionEstablishedOn, 'date', 'unionEstablishedOn'),
        column(E.unionBankCode, 'text', 'unionBankCode'),
        column(E.unionAccountNo, 'text', 'unionAccountNo'),
        column(E.unionAccountName, 'text', 'unionAccountName'),
        column(E.payingBankCode, 'text', 'payingBankCode'),
        column(E.payingAccountNo, 'text', 'payingAccountNo'),
        column(E.payingAccountName, 'text', 'payingAccountName'),
        column(E.sizeClass, 'text', 'sizeClass'),
        column(E.sizeCategory, 'text', 'sizeCategory'),
        { name: E.sizeNotes.name, type: 'jsonb', value: (r) => r.sizeNotes ?? [] },
        column(E.sizeStandard, 'text', 'sizeStandard'),
        column(E.employerRegisteredBy, 'uuid', 'employerRegisteredBy'),
        { name: E.version.name, type: 'int4', value: (r) => r.version ?? 1 },
        column(E.createdAt, 'timestamptz', 'createdAt'),
        column(E.updatedAt, 'timestamptz', 'updatedAt'),
      ] satisfies BulkColumn<FeeEnterpriseInsert>[],
      withIds,
    );
    return withIds.map((r) => ({ id: r.id, employerId: r.employerId }));
  },
  /** The profile of this code, locked to the end of the transaction (SELECT … FOR UPDATE). */
  async lockByUscc(tx: DbOrTx, uscc: string) {
    const [row] = await profileOfCode(tx, uscc).for('update', { of: feeEnterprises });
    return row ?? null;
  },
  async update(tx: DbOrTx, id: string, values: Partial<FeeEnterpriseInsert>) {
    await tx.update(feeEnterprises).set(values).where(eq(feeEnterprises.id, id));
  },
  async deleteByIds(tx: DbOrTx, ids: string[]) {
    if (ids.length) await tx.delete(feeEnterprises).where(inArray(feeEnterprises.id, ids));
  },
};
