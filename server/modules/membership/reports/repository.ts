import {
  and,
  count,
  countDistinct,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  or,
  sql,
  type AnyColumn,
  type SQL,
} from 'drizzle-orm';
import { inRegion } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { organizations } from '../../organizations/tables.js';
import { membershipInsurance, membershipRecommendations, memberships } from '../tables.js';

// The dashboard's counts, each one aggregate query over its table's region index, grouped by the
// area one level below the region asked (the code's first `keyLength` digits).

/** The area a row falls in: its region code cut to the next level, padded back to six digits. */
function areaOf(column: AnyColumn, keyLength: number): SQL<string> {
  // The length is written into the statement, not bound: the select list and the GROUP BY must be
  // the same expression, and two bound parameters ($1, $2) are not.
  return keyLength >= 6
    ? sql<string>`${column}`
    : sql<string>`rpad(substr(${column}, 1, ${sql.raw(String(Math.trunc(keyLength)))}), 6, '0')`;
}

type Counted = { area: string; n: number }[];

export const reportRepo = {
  async organizations(db: DbOrTx, scope: string | null, keyLength: number, before: Date): Promise<Counted> {
    const area = areaOf(organizations.regionCode, keyLength);
    return db
      .select({ area, n: count() })
      .from(organizations)
      .where(
        and(
          inRegion(organizations.regionCode, scope),
          inArray(organizations.kind, ['joint', 'industry']),
          lt(organizations.createdAt, before),
        ),
      )
      .groupBy(area);
  },
  /** Members on the register on `day`: joined by then, not yet ended. */
  async members(db: DbOrTx, scope: string | null, keyLength: number, day: string): Promise<Counted> {
    const area = areaOf(memberships.regionCode, keyLength);
    return db
      .select({ area, n: count() })
      .from(memberships)
      .where(
        and(
          inRegion(memberships.regionCode, scope),
          lte(memberships.joinedOn, day),
          or(isNull(memberships.endedOn), sql`${memberships.endedOn} > ${day}`),
        ),
      )
      .groupBy(area);
  },
  async insured(
    db: DbOrTx,
    scope: string | null,
    keyLength: number,
    day: string,
    coveredOnly: boolean,
  ): Promise<Counted> {
    const area = areaOf(membershipInsurance.regionCode, keyLength);
    return db
      .select({ area, n: countDistinct(membershipInsurance.personId) })
      .from(membershipInsurance)
      .where(
        and(
          inRegion(membershipInsurance.regionCode, scope),
          lte(membershipInsurance.startsOn, day),
          coveredOnly ? gte(membershipInsurance.endsOn, day) : undefined,
        ),
      )
      .groupBy(area);
  },
  async recommended(db: DbOrTx, scope: string | null, keyLength: number, before: Date): Promise<Counted> {
    const area = areaOf(membershipRecommendations.regionCode, keyLength);
    return db
      .select({ area, n: count() })
      .from(membershipRecommendations)
      .where(
        and(inRegion(membershipRecommendations.regionCode, scope), lt(membershipRecommendations.nominatedAt, before)),
      )
      .groupBy(area);
  },
  /** Per China month (YYYY-MM) from `fromDay` to `toDay`: members joined and left, covers started, recommendations. */
  async monthly(db: DbOrTx, scope: string | null, fromDay: string, toDay: string, since: Date, before: Date) {
    const month = (c: AnyColumn) => sql<string>`to_char(${c}, 'YYYY-MM')`;
    const chinaMonth = sql<string>`to_char(${membershipRecommendations.nominatedAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
    const [joined, left, insured, recommended] = await Promise.all([
      db
        .select({ month: month(memberships.joinedOn), n: count() })
        .from(memberships)
        .where(
          and(
            inRegion(memberships.regionCode, scope),
            gte(memberships.joinedOn, fromDay),
            lte(memberships.joinedOn, toDay),
          ),
        )
        .groupBy(month(memberships.joinedOn)),
      db
        .select({ month: month(memberships.endedOn), n: count() })
        .from(memberships)
        .where(
          and(
            inRegion(memberships.regionCode, scope),
            eq(memberships.status, 'left'),
            gte(memberships.endedOn, fromDay),
            lte(memberships.endedOn, toDay),
          ),
        )
        .groupBy(month(memberships.endedOn)),
      db
        .select({ month: month(membershipInsurance.startsOn), n: countDistinct(membershipInsurance.personId) })
        .from(membershipInsurance)
        .where(
          and(
            inRegion(membershipInsurance.regionCode, scope),
            gte(membershipInsurance.startsOn, fromDay),
            lte(membershipInsurance.startsOn, toDay),
          ),
        )
        .groupBy(month(membershipInsurance.startsOn)),
      db
        .select({ month: chinaMonth, n: count() })
        .from(membershipRecommendations)
        .where(
          and(
            inRegion(membershipRecommendations.regionCode, scope),
            gte(membershipRecommendations.nominatedAt, since),
            lt(membershipRecommendations.nominatedAt, before),
          ),
        )
        .groupBy(chinaMonth),
    ]);
    return { joined, left, insured, recommended };
  },
};
