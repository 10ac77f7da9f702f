import { and, arrayContains, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.js';
import { inRegion, likeText } from '../../core/scope.js';
import type { DbOrTx } from '../../db/client.js';
import { accountPausedUntil } from '../auth/login-limits.js';
import { regions } from '../regions/tables.js';
import { accounts } from './tables.js';

const columns = {
  id: accounts.id,
  username: accounts.username,
  phone: accounts.phone,
  displayName: accounts.displayName,
  roles: accounts.roles,
  regionCode: accounts.regionCode,
  regionName: regions.fullName,
  organizationId: accounts.organizationId,
  courtId: accounts.courtId,
  employerId: accounts.employerId,
  personId: accounts.personId,
  status: accounts.status,
  /** Sign-in paused for everyone after guessing from many addresses (see auth/login-limits.ts). */
  pausedUntil: accountPausedUntil(accounts.id),
  lastLoginAt: accounts.lastLoginAt,
};

export interface AccountFilter {
  scope: string | null;
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled';
}

function where(f: AccountFilter): SQL | undefined {
  return and(
    inRegion(accounts.regionCode, f.scope),
    f.q ? or(ilike(accounts.username, likeText(f.q)), ilike(accounts.displayName, likeText(f.q))) : undefined,
    f.role ? arrayContains(accounts.roles, [f.role]) : undefined,
    f.status ? eq(accounts.status, f.status) : undefined,
  );
}

export const accountRepo = {
  async list(db: DbOrTx, f: AccountFilter, limit: number, offset: number) {
    const items = await db
      .select(columns)
      .from(accounts)
      .leftJoin(regions, eq(regions.code, accounts.regionCode))
      .where(where(f))
      .orderBy(asc(accounts.username))
      .limit(limit)
      .offset(offset);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(accounts)
      .where(where(f));
    return { items, total: count?.n ?? 0 };
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await db
      .select(columns)
      .from(accounts)
      .leftJoin(regions, eq(regions.code, accounts.regionCode))
      .where(eq(accounts.id, id));
    return row ?? null;
  },
  async raw(db: DbOrTx, id: string) {
    const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
    return row ?? null;
  },
  async byUsernameOrPhone(db: DbOrTx, username: string, phone: string | null | undefined) {
    const [row] = await db
      .select({ id: accounts.id, username: accounts.username, phone: accounts.phone })
      .from(accounts)
      .where(phone ? or(eq(accounts.username, username), eq(accounts.phone, phone)) : eq(accounts.username, username));
    return row ?? null;
  },
};
