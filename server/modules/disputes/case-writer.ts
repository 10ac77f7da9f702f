import { eq } from 'drizzle-orm';
import type { EventPayload } from '../../../contracts/disputes/case-json.js';
import { writeAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { errors } from '../../core/errors.js';
import type { Deps } from '../../core/deps.js';
import type { Tx } from '../../db/client.js';
import { caseRepo } from './repository.js';
import { caseSearchText } from './search-text.js';
import { disputeCases, disputeEvents } from './tables.js';

// The one way a case row is written (ADR 0002): created at intake with its first event, then
// changed only by locking the row, checking the version the caller saw, computing the change from
// the locked row (never from a copy read earlier), and writing it with the next version, its
// event and its audit record, in the caller's transaction. tests/integration/case-integrity.test.ts
// checks that no other file updates dispute_cases.

export type CaseRow = typeof disputeCases.$inferSelect;
/** The search text follows the facts: written here, never by a caller. */
type CaseColumns = Partial<Omit<typeof disputeCases.$inferInsert, 'id' | 'version' | 'caseNumber' | 'searchText'>>;

export interface CaseChange {
  /** Columns to set; `record` is the whole new record, built from the locked row's. */
  set: CaseColumns;
  event: {
    action: string;
    actorLabel: string;
    fromStage?: string | null;
    toStage?: string | null;
    payload?: EventPayload;
  };
  audit: { action: string; before?: unknown; after?: unknown };
}

/** `change: null`: on a closer look at the locked row there is nothing to write. */
export type Decision<T> = { change: CaseChange | null; result?: T };

export interface ChangeOptions {
  /** The version the caller read; a different one means someone else changed the case meanwhile. */
  expectedVersion?: number;
  now: Date;
  /** Who may touch this case, checked on the locked row before anything else is told. */
  authorize?: (row: CaseRow) => void;
}

export function staleVersion() {
  return errors.conflict('案件已被他人更新，请刷新后重试', 'The case changed meanwhile; reload and retry', 'version');
}

/**
 * Locks the case (SELECT … FOR UPDATE), lets `decide` look at the locked row and return the
 * change (or throw to refuse it), then writes it. Returns the row as written.
 */
export async function changeCase<T = undefined>(
  tx: Tx,
  ctx: Ctx,
  caseId: string,
  opts: ChangeOptions,
  decide: (row: CaseRow) => Promise<Decision<T>> | Decision<T>,
): Promise<{ row: CaseRow; result: T }> {
  const row = await caseRepo.byIdForUpdate(tx, caseId);
  if (!row) throw errors.notFound('案件', 'Case');
  opts.authorize?.(row);
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) throw staleVersion();
  const { change, result } = await decide(row);
  if (!change) return { row, result: result as T };
  const set = {
    ...change.set,
    ...(change.set.facts ? { searchText: caseSearchText(row.caseNumber, change.set.facts) } : {}),
    version: row.version + 1,
    updatedAt: opts.now,
  };
  await tx.update(disputeCases).set(set).where(eq(disputeCases.id, row.id));
  const written: CaseRow = { ...row, ...set };
  await tx.insert(disputeEvents).values({
    caseId: row.id,
    at: opts.now,
    actorAccountId: ctx.actor?.accountId ?? null,
    actorLabel: change.event.actorLabel.slice(0, 64),
    action: change.event.action,
    fromStage: change.event.fromStage ?? null,
    toStage: change.event.toStage ?? null,
    payload: change.event.payload ?? null,
  });
  await writeAudit(tx, ctx, {
    action: change.audit.action,
    entityType: 'dispute_case',
    entityId: row.id,
    regionCode: row.regionCode,
    before: change.audit.before,
    after: change.audit.after,
  });
  return { row: written, result: result as T };
}

/**
 * A new case (intake): the row at its first version, its first event and the audit record, in the
 * caller's transaction. Returns the row as written.
 */
export async function createCase(
  tx: Tx,
  ctx: Ctx,
  values: Omit<typeof disputeCases.$inferInsert, 'searchText'>,
  first: { event: Omit<CaseChange['event'], 'fromStage'>; audit: { action: string; after: unknown } },
): Promise<CaseRow> {
  const [row] = await tx
    .insert(disputeCases)
    .values({ ...values, searchText: caseSearchText(values.caseNumber, values.facts) })
    .returning();
  await tx.insert(disputeEvents).values({
    caseId: row!.id,
    actorAccountId: ctx.actor?.accountId ?? null,
    actorLabel: first.event.actorLabel,
    action: first.event.action,
    toStage: first.event.toStage ?? null,
    payload: first.event.payload ?? null,
  });
  await writeAudit(tx, ctx, {
    action: first.audit.action,
    entityType: 'dispute_case',
    entityId: row!.id,
    regionCode: row!.regionCode,
    after: first.audit.after,
  });
  return row!;
}

/**
 * An event and its audit record for a change beside the case row (a session, minutes, evidence):
 * the row itself, its version included, stays as it was.
 */
export async function logCaseEvent(
  deps: Deps,
  ctx: Ctx,
  row: Pick<CaseRow, 'id' | 'regionCode'>,
  action: string,
  payload: EventPayload,
  opts: {
    /** Who acted, when it is not an account (a worker on the phone). */
    actorLabel?: string;
    /** What else the same transaction writes (the file itself, a notice). */
    alsoInTx?: (tx: Tx) => Promise<void>;
  } = {},
) {
  await deps.db.transaction(async (tx) => {
    await opts.alsoInTx?.(tx);
    await tx.insert(disputeEvents).values({
      caseId: row.id,
      actorAccountId: ctx.actor?.accountId ?? null,
      actorLabel: opts.actorLabel ?? ctx.actor?.displayName ?? 'system',
      action,
      payload,
    });
    await writeAudit(tx, ctx, {
      action: `dispute.${action}`,
      entityType: 'dispute_case',
      entityId: row.id,
      regionCode: row.regionCode,
      after: payload,
    });
  });
}
