import { and, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { accounts } from '../../accounts/tables.js';
import { employers } from '../../employers/tables.js';
import { outbox } from '../../notifications/tables.js';
import { TERMINAL_STAGES } from '../rules/stages.js';
import { disputeCases, disputeEvidence, disputeSessions, mediatorProfiles } from '../tables.js';

// The mediator's work on a case: mediators and their profiles, sessions and minutes, evidence,
// and the messages sent for a case (the outbox is the notifications module's; read only here).

export const mediatorRepo = {
  /** The active mediators of a region (`regionPrefixLike`: '4420%'), with profile and open cases. */
  async inRegion(db: DbOrTx, regionPrefixLike: string) {
    const active = sql<number>`(select count(*)::int from ${disputeCases} c where c.mediator_account_id = ${accounts.id} and c.stage not in ${[...TERMINAL_STAGES]})`;
    return db
      .select({
        id: accounts.id,
        name: accounts.displayName,
        expertise: mediatorProfiles.expertise,
        available: mediatorProfiles.available,
        conflicts: mediatorProfiles.conflictEmployerIds,
        activeCases: active,
      })
      .from(accounts)
      .leftJoin(mediatorProfiles, eq(mediatorProfiles.accountId, accounts.id))
      .where(
        and(
          sql`'mediator' = any(${accounts.roles})`,
          eq(accounts.status, 'active'),
          sql`${accounts.regionCode} like ${regionPrefixLike}`,
        ),
      );
  },
  async account(db: DbOrTx, accountId: string) {
    const [row] = await db
      .select({ id: accounts.id, roles: accounts.roles, regionCode: accounts.regionCode })
      .from(accounts)
      .where(eq(accounts.id, accountId));
    return row ?? null;
  },
  async profile(db: DbOrTx, accountId: string) {
    const [row] = await db.select().from(mediatorProfiles).where(eq(mediatorProfiles.accountId, accountId));
    return row ?? null;
  },
  async saveProfile(
    tx: DbOrTx,
    accountId: string,
    value: { expertise: string[]; available: boolean; conflictEmployerIds: string[] },
  ) {
    await tx
      .insert(mediatorProfiles)
      .values({ accountId, ...value })
      .onConflictDoUpdate({ target: mediatorProfiles.accountId, set: value });
  },
  /** How many of these employers exist (a declared conflict must name a registered one). */
  async existingEmployers(db: DbOrTx, ids: string[]): Promise<number> {
    return (await db.select({ id: employers.id }).from(employers).where(inArray(employers.id, ids))).length;
  },
};

export const sessionRepo = {
  async add(db: DbOrTx, session: typeof disputeSessions.$inferInsert) {
    await db.insert(disputeSessions).values(session);
  },
  /** The minutes of a session of this case; false when the case has no such session. */
  async recordMinutes(db: DbOrTx, caseId: string, sessionId: string, minutes: string, heldAt: Date): Promise<boolean> {
    const [updated] = await db
      .update(disputeSessions)
      .set({ minutes, heldAt })
      .where(and(eq(disputeSessions.id, sessionId), eq(disputeSessions.caseId, caseId)))
      .returning({ id: disputeSessions.id });
    return !!updated;
  },
};

export const evidenceRepo = {
  async usage(db: DbOrTx, caseId: string): Promise<{ files: number; bytes: number }> {
    const [row] = await db
      .select({
        files: sql<number>`count(*)::int`,
        bytes: sql<number>`coalesce(sum(${disputeEvidence.sizeBytes}), 0)::bigint`,
      })
      .from(disputeEvidence)
      .where(eq(disputeEvidence.caseId, caseId));
    return { files: Number(row?.files ?? 0), bytes: Number(row?.bytes ?? 0) };
  },
  async add(db: DbOrTx, file: typeof disputeEvidence.$inferInsert) {
    const [saved] = await db.insert(disputeEvidence).values(file).returning({
      id: disputeEvidence.id,
      filename: disputeEvidence.filename,
      mime: disputeEvidence.mime,
      sizeBytes: disputeEvidence.sizeBytes,
    });
    return saved!;
  },
  /** The file of a case's evidence, content included (for download). */
  async file(db: DbOrTx, caseId: string, evidenceId: string) {
    const [row] = await db
      .select({ filename: disputeEvidence.filename, mime: disputeEvidence.mime, content: disputeEvidence.content })
      .from(disputeEvidence)
      .where(and(eq(disputeEvidence.id, evidenceId), eq(disputeEvidence.caseId, caseId)));
    return row ?? null;
  },
};

/** The latest messages sent for a case, newest first. */
export async function caseMessages(db: DbOrTx, caseId: string, limit: number) {
  return db
    .select()
    .from(outbox)
    .where(like(outbox.topic, `dispute_case:${caseId}`))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
}
