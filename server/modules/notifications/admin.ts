import type { MessageDetail, MessageRow, messagePageSchema } from '../../../contracts/notifications.js';
import type { z } from 'zod';
import { assertInScope, requirePermission, type Ctx } from '../../core/context.js';
import { writeAudit } from '../../core/audit.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import { offsetOf, splitPage } from '../../core/paging.js';
import { redactOneTimeSecrets } from './redact.js';
import { outboxRepo, type OutboxRow } from './repository.js';
import type { MessageListQuery } from './schemas.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function view(row: OutboxRow): MessageRow {
  return {
    id: row.id,
    channel: row.channel,
    kind: row.kind,
    recipient: row.recipient,
    subject: row.subject,
    // Administrators see what was sent, never the one-time secrets in it (they could sign with them).
    body: redactOneTimeSecrets(row.body),
    template: row.template,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    provider: row.provider,
    providerMessageId: row.providerMessageId,
    topic: row.topic,
    regionCode: row.regionCode,
    createdAt: row.createdAt.toISOString(),
    sentAt: iso(row.sentAt),
    nextAttemptAt: row.status === 'pending' && row.attempts > 0 ? row.nextAttemptAt.toISOString() : null,
  };
}

const notFound = () => errors.notFound('消息', 'message');

/** The messages of the caller's region, newest first (a message without a region: nationwide administrators only). */
export async function listMessages(
  deps: Deps,
  ctx: Ctx,
  query: MessageListQuery,
): Promise<z.infer<typeof messagePageSchema>> {
  const actor = requirePermission(ctx, 'messages:manage');
  const { page, filter } = splitPage(query);
  const { items, total } = await outboxRepo.list(
    deps.db,
    { ...filter, scope: actor.regionCode },
    page.pageSize,
    offsetOf(page),
  );
  return { items: items.map(view), total, ...page };
}

export async function readMessage(deps: Deps, ctx: Ctx, id: string): Promise<MessageDetail> {
  const actor = requirePermission(ctx, 'messages:manage');
  const row = await outboxRepo.byId(deps.db, id);
  if (!row) throw notFound();
  assertInScope(actor, row.regionCode);
  const tries = await outboxRepo.attemptsOf(deps.db, id);
  return {
    ...view(row),
    attemptLog: tries.map((a) => ({
      attemptNo: a.attemptNo,
      provider: a.provider,
      status: a.status,
      providerMessageId: a.providerMessageId,
      error: a.error,
      durationMs: a.durationMs,
      at: a.at.toISOString(),
    })),
  };
}

/** A failed message back in the queue with a fresh allowance of attempts; it leaves at the commit. */
export async function retryMessage(deps: Deps, ctx: Ctx, id: string): Promise<MessageDetail> {
  const actor = requirePermission(ctx, 'messages:manage');
  await deps.db.transaction(async (tx) => {
    const row = await outboxRepo.byId(tx, id, true);
    if (!row) throw notFound();
    assertInScope(actor, row.regionCode);
    if (row.status !== 'failed')
      throw new AppError(
        'CONFLICT',
        '只有发送失败的消息可以重新发送',
        'Only a message that failed can be sent again',
        'status',
      );
    await outboxRepo.requeue(tx, id, deps.now());
    await outboxRepo.signalCommit(tx);
    await writeAudit(tx, ctx, {
      action: 'message.retried',
      entityType: 'notification_message',
      entityId: id,
      regionCode: row.regionCode,
      before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
      after: { status: 'pending' },
    });
  });
  return readMessage(deps, ctx, id);
}
