import { z } from 'zod';
import { writeAudit } from '../../core/audit.js';
import { systemCtx } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { defineJob } from '../jobs/define.js';
import { importKind } from './kinds.js';
import { importRepo } from './repository.js';

/**
 * How long a checked import waits for someone to commit it. Its accepted rows are kept staged
 * until then (as JSON in import_rows, or in the owner's typed staging table for a bulk lane: a
 * province's tax file is millions of rows), so an import nobody commits must not keep them for
 * ever. A week covers a checker away for a few days; after that the file is uploaded again.
 */
export const CHECKED_IMPORT_KEPT_DAYS = 7;

/** Imports expired in one transaction each, at most this many a run (the next run takes the rest). */
const PER_RUN = 500;

/**
 * Discards checked imports left uncommitted for CHECKED_IMPORT_KEPT_DAYS: the import becomes
 * `failed` with the reason in both languages, its accepted staged rows are deleted (its rejected
 * rows stay, with their reasons), and the change is audited. Nothing of it reached the records,
 * so there is nothing to undo. An import committed meanwhile is left alone (the move is
 * conditional on `validated`). Answers how many were discarded.
 */
export async function expireCheckedImports(deps: Deps): Promise<number> {
  const before = new Date(deps.now().getTime() - CHECKED_IMPORT_KEPT_DAYS * 86_400_000);
  let expired = 0;
  for (const found of await importRepo.validatedBefore(deps.db, before, PER_RUN)) {
    const now = deps.now();
    const moved = await deps.db.transaction(async (tx) => {
      const row = await importRepo.move(tx, found.id, ['validated'], {
        status: 'failed',
        failure: {
          zh: `检查完成后 ${CHECKED_IMPORT_KEPT_DAYS} 天内未提交，已作废；如仍需导入，请重新上传文件`,
          en: `Not committed within ${CHECKED_IMPORT_KEPT_DAYS} days of being checked: discarded. Upload the file again to import it`,
        },
        progressMessage: { zh: '已作废（逾期未提交）', en: 'Discarded (not committed in time)' },
        updatedAt: now,
      });
      if (!row) return false;
      await importRepo.deleteAcceptedRows(tx, found.id);
      await importKind(found.kind)?.bulk?.discard(deps, tx, found.id);
      await writeAudit(tx, systemCtx('imports.expire-checked'), {
        action: 'import.expired',
        entityType: 'import',
        entityId: found.id,
        regionCode: found.regionCode,
        before: { status: 'validated' },
        after: { status: 'failed', kind: found.kind, filename: found.filename, keptDays: CHECKED_IMPORT_KEPT_DAYS },
      });
      return true;
    });
    if (moved) expired++;
  }
  if (expired) deps.logger.info({ expired }, 'checked imports not committed in time were discarded');
  return expired;
}

/** Once a day at 04:15 China time, after the night's other work. */
export const expireCheckedImportsJob = defineJob({
  name: 'imports.expire-checked',
  payload: z.object({}).strict(),
  schedule: { cron: '15 4 * * *', payload: {} },
  retry: { limit: 2, delaySeconds: 300, backoff: false },
  handler: async (deps) => expireCheckedImports(deps),
});
