import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { PhoneCodeStore } from './phone-codes.js';
import { phoneAccess, type PhoneAccessPurpose } from './tables.js';

/**
 * The phone proofs of one public page (`purpose`): its texted codes and the sessions they open,
 * stored as hashes in the platform's one table. Every lookup names the purpose, so a code texted
 * for a station never joins the union and a session of the joining page opens no station pass.
 */
export function phoneAccessOf(purpose: PhoneAccessPurpose) {
  const mine = eq(phoneAccess.purpose, purpose);
  return {
    async store(db: DbOrTx, phone: string, kind: 'code' | 'session', tokenHash: string, expiresAt: Date) {
      await db.insert(phoneAccess).values({ purpose, phone, kind, tokenHash, expiresAt });
    },
    async byHash(db: DbOrTx, tokenHash: string) {
      const [row] = await db
        .select()
        .from(phoneAccess)
        .where(and(mine, eq(phoneAccess.tokenHash, tokenHash)));
      return row ?? null;
    },
    /** The newest unused, unexpired code texted to the phone for this page. */
    async latestOpenCode(db: DbOrTx, phone: string, now: Date) {
      const [row] = await db
        .select()
        .from(phoneAccess)
        .where(
          and(
            mine,
            eq(phoneAccess.phone, phone),
            eq(phoneAccess.kind, 'code'),
            isNull(phoneAccess.usedAt),
            gt(phoneAccess.expiresAt, now),
          ),
        )
        .orderBy(desc(phoneAccess.createdAt))
        .limit(1);
      return row ?? null;
    },
    async countWrongAttempt(db: DbOrTx, id: string) {
      await db
        .update(phoneAccess)
        .set({ attempts: sql`${phoneAccess.attempts} + 1` })
        .where(eq(phoneAccess.id, id));
    },
    /** Spends a code once: false when a concurrent request spent it first. */
    async markUsed(db: DbOrTx, id: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(phoneAccess)
        .set({ usedAt: at })
        .where(and(eq(phoneAccess.id, id), isNull(phoneAccess.usedAt)))
        .returning({ id: phoneAccess.id });
      return rows.length === 1;
    },
  } satisfies PhoneCodeStore & Record<string, unknown>;
}
