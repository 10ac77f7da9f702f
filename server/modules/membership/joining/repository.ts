import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { PhoneCodeStore } from '../../limits/phone-codes.js';
import { membershipPhoneAccess } from '../tables.js';

/** The joining page's texted codes and the phone's sessions (hashes only). */
export const phoneAccessRepo = {
  async store(db: DbOrTx, phone: string, kind: 'code' | 'session', tokenHash: string, expiresAt: Date) {
    await db.insert(membershipPhoneAccess).values({ phone, kind, tokenHash, expiresAt });
  },
  async byHash(db: DbOrTx, tokenHash: string) {
    const [row] = await db.select().from(membershipPhoneAccess).where(eq(membershipPhoneAccess.tokenHash, tokenHash));
    return row ?? null;
  },
  async latestOpenCode(db: DbOrTx, phone: string, now: Date) {
    const [row] = await db
      .select()
      .from(membershipPhoneAccess)
      .where(
        and(
          eq(membershipPhoneAccess.phone, phone),
          eq(membershipPhoneAccess.kind, 'code'),
          isNull(membershipPhoneAccess.usedAt),
          gt(membershipPhoneAccess.expiresAt, now),
        ),
      )
      .orderBy(desc(membershipPhoneAccess.createdAt))
      .limit(1);
    return row ?? null;
  },
  async countWrongAttempt(db: DbOrTx, id: string) {
    await db
      .update(membershipPhoneAccess)
      .set({ attempts: sql`${membershipPhoneAccess.attempts} + 1` })
      .where(eq(membershipPhoneAccess.id, id));
  },
  async markUsed(db: DbOrTx, id: string, at: Date): Promise<boolean> {
    const rows = await db
      .update(membershipPhoneAccess)
      .set({ usedAt: at })
      .where(and(eq(membershipPhoneAccess.id, id), isNull(membershipPhoneAccess.usedAt)))
      .returning({ id: membershipPhoneAccess.id });
    return rows.length === 1;
  },
} satisfies PhoneCodeStore & Record<string, unknown>;
