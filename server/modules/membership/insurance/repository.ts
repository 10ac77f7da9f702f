import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { inRegion } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { organizations } from '../../organizations/tables.js';
import { people } from '../../people/tables.js';
import { regions } from '../../regions/tables.js';
import { membershipInsurance, memberships } from '../tables.js';

// The queries of the members' cover (membership_insurance), with what they read of the people
// register and the membership register to answer them.

export type InsuranceInsert = typeof membershipInsurance.$inferInsert & { id: string };

const arrayOf = <T>(values: T[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/** A cover with the person's name and the parts its masked numbers are made of. */
const recordColumns = {
  id: membershipInsurance.id,
  personId: membershipInsurance.personId,
  name: people.name,
  residentIdHead: people.residentIdHead,
  residentIdTail: people.residentIdTail,
  phone: people.phone,
  regionCode: membershipInsurance.regionCode,
  regionName: regions.fullName,
  scheme: membershipInsurance.scheme,
  insurer: membershipInsurance.insurer,
  policyNo: membershipInsurance.policyNo,
  startsOn: membershipInsurance.startsOn,
  endsOn: membershipInsurance.endsOn,
  source: membershipInsurance.source,
  importId: membershipInsurance.importId,
  createdAt: membershipInsurance.createdAt,
};

function records(db: DbOrTx) {
  return db
    .select(recordColumns)
    .from(membershipInsurance)
    .innerJoin(people, eq(people.id, membershipInsurance.personId))
    .leftJoin(regions, eq(regions.code, membershipInsurance.regionCode));
}

/** Cover ending between `from` and `to` with no later cover of the same scheme (not renewed). */
function expiringWhere(f: { scope: string | null; regionCode?: string; from: string; to: string }): SQL | undefined {
  return and(
    inRegion(membershipInsurance.regionCode, f.scope),
    inRegion(membershipInsurance.regionCode, f.regionCode),
    sql`${membershipInsurance.endsOn} between ${f.from}::date and ${f.to}::date`,
    sql`not exists (select 1 from membership_insurance later where later.person_id = ${membershipInsurance.personId}
      and later.scheme = ${membershipInsurance.scheme} and later.starts_on > ${membershipInsurance.startsOn}
      and later.ends_on > ${membershipInsurance.endsOn})`,
  );
}

export const insuranceRepo = {
  /** The person a cover is recorded for, as the scope check needs them. */
  async personById(db: DbOrTx, id: string) {
    const [row] = await db
      .select({ id: people.id, name: people.name, regionCode: people.regionCode })
      .from(people)
      .where(eq(people.id, id));
    return row ?? null;
  },
  /** The region of each person's active membership (a member is in scope where they are a member). */
  async memberRegions(db: DbOrTx, personIds: string[]): Promise<Map<string, string>> {
    if (!personIds.length) return new Map();
    const rows = await db
      .select({ personId: memberships.personId, regionCode: memberships.regionCode })
      .from(memberships)
      .where(and(eq(memberships.status, 'active'), sql`${memberships.personId} = any(${arrayOf(personIds, 'uuid')})`));
    return new Map(rows.map((r) => [r.personId, r.regionCode]));
  },
  async knownRegions(db: DbOrTx, codes: string[]): Promise<Set<string>> {
    if (!codes.length) return new Set();
    const rows = await db
      .select({ code: regions.code })
      .from(regions)
      .where(sql`${regions.code} = any(${arrayOf(codes, 'text')})`);
    return new Set(rows.map((r) => r.code));
  },
  /** One new cover; null when the person has this scheme from this day already. */
  async insertOne(tx: DbOrTx, values: InsuranceInsert) {
    const [row] = await tx.insert(membershipInsurance).values(values).onConflictDoNothing().returning();
    return row ?? null;
  },
  /** Every cover an import added (a rollback); answers how many. */
  async deleteOfImport(tx: DbOrTx, importId: string): Promise<number> {
    const result = await tx.execute(sql`
      with gone as (delete from ${membershipInsurance} where ${membershipInsurance.importId} = ${importId}::uuid returning 1)
      select count(*)::int as n from gone`);
    return Number((result as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  },
  async recordById(db: DbOrTx, id: string) {
    const [row] = await records(db).where(eq(membershipInsurance.id, id));
    return row ?? null;
  },
  async expiring(
    db: DbOrTx,
    f: { scope: string | null; regionCode?: string; from: string; to: string },
    limit: number,
    offset: number,
  ) {
    const where = expiringWhere(f);
    const items = await records(db)
      .where(where)
      .orderBy(asc(membershipInsurance.endsOn), asc(membershipInsurance.id))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(membershipInsurance)
      .where(where);
    return { items, total: count?.n ?? 0 };
  },
  /**
   * Active members and those of them covered on `day` (any scheme whose dates hold the day), by
   * organization and region of the membership.
   */
  async coverage(db: DbOrTx, f: { scope: string | null; regionCode?: string; day: string }) {
    return db
      .select({
        organizationId: memberships.organizationId,
        organizationName: organizations.name,
        regionCode: memberships.regionCode,
        regionName: regions.fullName,
        members: sql<number>`count(*)::int`,
        covered: sql<number>`(count(*) filter (where exists (select 1 from membership_insurance i
          where i.person_id = ${memberships.personId} and i.starts_on <= ${f.day}::date
          and i.ends_on >= ${f.day}::date)))::int`,
      })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .leftJoin(regions, eq(regions.code, memberships.regionCode))
      .where(
        and(
          eq(memberships.status, 'active'),
          inRegion(memberships.regionCode, f.scope),
          inRegion(memberships.regionCode, f.regionCode),
        ),
      )
      .groupBy(memberships.organizationId, organizations.name, memberships.regionCode, regions.fullName)
      .orderBy(asc(memberships.regionCode), asc(organizations.name));
  },
};
