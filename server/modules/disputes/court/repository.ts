import { and, eq, sql } from 'drizzle-orm';
import { escapeLike } from '../../../core/scope.js';
import type { DbOrTx } from '../../../db/client.js';
import { accounts } from '../../accounts/tables.js';
import { courts } from '../../courts/tables.js';
import { disputeCases } from '../tables.js';

// The court's side of a case: the judges a mediator may invite, and the numbers of rulings.

/** The judges of a court (the accounts and courts are their modules'; read only here). */
export async function judgesOf(db: DbOrTx, courtId: string) {
  return db
    .select({ id: accounts.id, name: accounts.displayName })
    .from(accounts)
    .where(and(sql`'judge' = any(${accounts.roles})`, eq(accounts.courtId, courtId)));
}

/** The court's code as it appears in a ruling number (粤2071), or null for no such court. */
export async function courtCode(db: DbOrTx, courtId: string): Promise<string | null> {
  const [court] = await db.select({ code: courts.code }).from(courts).where(eq(courts.id, courtId));
  return court?.code ?? null;
}

/** The highest n among ruling numbers `${prefix}n号` already issued (0 when none). */
export async function highestRulingSeq(db: DbOrTx, prefix: string): Promise<number> {
  const digits = sql`substring(${disputeCases.rulingNo} from ${prefix.length + 1}::int for char_length(${disputeCases.rulingNo}) - ${prefix.length + 1}::int)`;
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(case when ${digits} ~ '^[0-9]{1,9}$' then (${digits})::int end), 0)::int` })
    .from(disputeCases)
    .where(sql`${disputeCases.rulingNo} like ${escapeLike(prefix) + '%号'}`);
  return Number(row?.n ?? 0);
}
