import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { inRegion, likeText } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { accounts } from '../accounts/tables.js';
import { disputeCases } from '../disputes/tables.js';
import { regions } from '../regions/tables.js';
import { employers } from './tables.js';

const columns = {
  id: employers.id,
  uscc: employers.uscc,
  usccCheckWarning: employers.usccCheckWarning,
  name: employers.name,
  regionCode: employers.regionCode,
  regionName: regions.fullName,
  industryCode: employers.industryCode,
  address: employers.address,
  contactName: employers.contactName,
  contactPhone: employers.contactPhone,
  contactEmail: employers.contactEmail,
};

export interface EmployerFilter {
  scope: string | null;
  onlyId?: string | null;
  q?: string;
  regionCode?: string;
  industryCode?: string;
}

function where(f: EmployerFilter): SQL | undefined {
  return and(
    inRegion(employers.regionCode, f.scope),
    inRegion(employers.regionCode, f.regionCode),
    f.onlyId ? eq(employers.id, f.onlyId) : undefined,
    f.q ? or(ilike(employers.name, likeText(f.q)), eq(employers.uscc, f.q.toUpperCase())) : undefined,
    f.industryCode ? eq(employers.industryCode, f.industryCode) : undefined,
  );
}

export const employerRepo = {
  /** How many in the region `scope` (null: the whole country). */
  async count(db: DbOrTx, scope: string | null) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(employers)
      .where(inRegion(employers.regionCode, scope));
    return row?.n ?? 0;
  },
  async list(db: DbOrTx, f: EmployerFilter, limit: number, offset: number) {
    const items = await db
      .select(columns)
      .from(employers)
      .leftJoin(regions, eq(regions.code, employers.regionCode))
      .where(where(f))
      .orderBy(asc(employers.name))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(employers)
      .where(where(f));
    return { items, total: count?.n ?? 0 };
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await db
      .select(columns)
      .from(employers)
      .leftJoin(regions, eq(regions.code, employers.regionCode))
      .where(eq(employers.id, id));
    return row ?? null;
  },
  async byUscc(db: DbOrTx, uscc: string) {
    const [row] = await db.select().from(employers).where(eq(employers.uscc, uscc));
    return row ?? null;
  },
  async raw(db: DbOrTx, id: string) {
    const [row] = await db.select().from(employers).where(eq(employers.id, id));
    return row ?? null;
  },
  async insert(tx: DbOrTx, values: EmployerInsert) {
    const [row] = await tx.insert(employers).values(values).returning();
    return row ?? null;
  },
  async update(tx: DbOrTx, id: string, values: Partial<EmployerInsert>) {
    const [row] = await tx.update(employers).set(values).where(eq(employers.id, id)).returning();
    return row ?? null;
  },
};

export type EmployerInsert = typeof employers.$inferInsert;
export type EmployerRow = typeof employers.$inferSelect;

/** The columns an import writes, in the order of the arrays below. */
export interface EmployerImportValues {
  uscc: string;
  usccCheckWarning: boolean;
  name: string;
  regionCode: string;
  industryCode: string;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}

const arrayOf = <T>(values: T[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

function columnsOf(rows: EmployerImportValues[]) {
  return sql.join(
    [
      arrayOf(
        rows.map((r) => r.uscc),
        'text',
      ),
      arrayOf(
        rows.map((r) => r.usccCheckWarning),
        'bool',
      ),
      arrayOf(
        rows.map((r) => r.name),
        'text',
      ),
      arrayOf(
        rows.map((r) => r.regionCode),
        'text',
      ),
      arrayOf(
        rows.map((r) => r.industryCode),
        'text',
      ),
      arrayOf(
        rows.map((r) => r.address),
        'text',
      ),
      arrayOf(
        rows.map((r) => r.contactName),
        'text',
      ),
      arrayOf(
        rows.map((r) => r.contactPhone),
        'text',
      ),
      arrayOf(
        rows.map((r) => r.contactEmail),
        'text',
      ),
    ],
    sql`, `,
  );
}

/**
 * Bulk writes of an import, a batch of thousands at once: one statement per batch with the
 * values as arrays (unnest), so the statement has ten parameters whatever the batch size.
 */
export const employerBulkRepo = {
  async byUsccs(db: DbOrTx, usccs: string[]): Promise<EmployerRow[]> {
    if (!usccs.length) return [];
    // One array parameter rather than thousands (an IN list): less to bind and to plan.
    return db
      .select()
      .from(employers)
      .where(sql`${employers.uscc} = any(${arrayOf(usccs, 'text')})`);
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
  async insertMany(tx: DbOrTx, rows: EmployerImportValues[], now: Date): Promise<{ id: string; uscc: string }[]> {
    if (!rows.length) return [];
    // Both drivers answer { rows }; the common Db type leaves the result untyped.
    const result = (await tx.execute(sql`
      insert into employers (uscc, uscc_check_warning, name, region_code, industry_code, address,
        contact_name, contact_phone, contact_email, created_at, updated_at)
      select v.*, ${now}::timestamptz, ${now}::timestamptz from unnest(${columnsOf(rows)}) as v
      returning id, uscc`)) as { rows: { id: string; uscc: string }[] };
    return result.rows;
  },
  /**
   * Sets the imported columns of existing employers (by id) to the given values, and their
   * change time to `now`, or to each row's own `updatedAt` (a rollback restores the earlier one).
   */
  async updateMany(
    tx: DbOrTx,
    rows: (EmployerImportValues & { id: string; updatedAt?: Date })[],
    now: Date,
  ): Promise<void> {
    if (!rows.length) return;
    const times = rows.map((r) => (r.updatedAt ?? now).toISOString());
    await tx.execute(sql`
      update employers e set uscc = v.uscc, uscc_check_warning = v.w, name = v.name, region_code = v.region_code,
        industry_code = v.industry_code, address = v.address, contact_name = v.contact_name,
        contact_phone = v.contact_phone, contact_email = v.contact_email, updated_at = v.updated_at
      from unnest(${arrayOf(
        rows.map((r) => r.id),
        'uuid',
      )}, ${arrayOf(times, 'timestamptz')}, ${columnsOf(rows)}) as v(id, updated_at, uscc, w, name, region_code,
        industry_code, address, contact_name, contact_phone, contact_email)
      where e.id = v.id`);
  },
  async rawByIds(db: DbOrTx, ids: string[]): Promise<EmployerRow[]> {
    if (!ids.length) return [];
    return db
      .select()
      .from(employers)
      .where(sql`${employers.id} = any(${arrayOf(ids, 'uuid')})`);
  },
  async deleteByIds(tx: DbOrTx, ids: string[]): Promise<void> {
    if (ids.length) await tx.delete(employers).where(inArray(employers.id, ids));
  },
  /** Which of these employers a case or an account names (a reason not to delete them). */
  async usedIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const cases = await db
      .select({ a: disputeCases.employerId, b: disputeCases.respondentEmployerId })
      .from(disputeCases)
      .where(or(inArray(disputeCases.employerId, ids), inArray(disputeCases.respondentEmployerId, ids)));
    const linked = await db.select({ id: accounts.employerId }).from(accounts).where(inArray(accounts.employerId, ids));
    const named = [...cases.flatMap((c) => [c.a, c.b]), ...linked.map((a) => a.id)];
    return new Set(named.filter((id): id is string => id !== null && ids.includes(id)));
  },
  /** The first case or account that names one of these employers (a reason not to delete them). */
  async firstUse(db: DbOrTx, ids: string[]): Promise<{ what: 'case' | 'account'; employerId: string } | null> {
    if (!ids.length) return null;
    const [c] = await db
      .select({ employerId: disputeCases.employerId, respondent: disputeCases.respondentEmployerId })
      .from(disputeCases)
      .where(or(inArray(disputeCases.employerId, ids), inArray(disputeCases.respondentEmployerId, ids)))
      .limit(1);
    if (c) return { what: 'case', employerId: (ids.includes(c.employerId ?? '') ? c.employerId : c.respondent) ?? '' };
    const [a] = await db
      .select({ employerId: accounts.employerId })
      .from(accounts)
      .where(inArray(accounts.employerId, ids))
      .limit(1);
    return a ? { what: 'account', employerId: a.employerId ?? '' } : null;
  },
};
