import { z } from 'zod';
import { writeAudit } from '../../core/audit.js';
import type { Deps } from '../../core/deps.js';
import { AppError } from '../../core/errors.js';
import type { Tx } from '../../db/client.js';
import { defineJob, type JobContext } from '../jobs/define.js';
import type { AnyImportKind, ImportBulkLane, ImportRun } from './define.js';
import { importKind } from './kinds.js';
import { importRepo, type ImportRow } from './repository.js';
import { abortIfStopping, failImport, progressReporter, runOf } from './run.js';
import type { ImportActorSnapshot } from './tables.js';

const BATCH = 5000;
/** The bulk lane's commit: row numbers per INSERT … SELECT. */
const BULK_CHUNK = 50_000;

export const commitImportJob = defineJob({
  name: 'imports.commit',
  payload: z.object({ importId: z.string().uuid() }),
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  expireInSeconds: 3600,
  handler: (deps, { importId }, job) => commitImport(deps, importId, job),
});

/**
 * Moves a checked import on to committing, as `who`, and queues its commit; false when it was not
 * waiting for one (a concurrent request took it, or it is not checked yet).
 */
export async function queueCommit(deps: Deps, importId: string, who: ImportActorSnapshot): Promise<boolean> {
  if (!deps.jobs) throw new AppError('INTERNAL', '任务队列未启动', 'The job queue is not running');
  const moved = await importRepo.move(deps.db, importId, ['validated'], {
    status: 'committing',
    committedBy: who,
    progress: 0,
    progressMessage: { zh: '等待导入', en: 'Waiting to import' },
    updatedAt: deps.now(),
  });
  if (!moved) return false;
  const jobId = await deps.jobs.send(
    commitImportJob,
    { importId },
    { singletonKey: importId, startedBy: who.accountId },
  );
  if (jobId) await importRepo.update(deps.db, importId, { jobId });
  return true;
}

/**
 * Writes the accepted rows through the kind's commit, all in one transaction (in batches inside
 * it): either every accepted row is in, with the counts, the before-images and the audit record,
 * or nothing is. A retry after a crash finds the import still committing and starts over.
 */
export async function commitImport(deps: Deps, importId: string, job: JobContext): Promise<void> {
  const row = await importRepo.byId(deps.db, importId);
  if (row?.status !== 'committing' || !row.committedBy) return;
  const kind = importKind(row.kind);
  if (!kind) return failImport(deps, importId, new AppError('VALIDATION', '未知的导入类型', 'Unknown import kind'));
  const run = runOf(row, row.committedBy);
  // PGlite serialises statements: a progress write outside the open transaction would wait for it.
  const report = progressReporter(deps, importId, job, !importRepo.isEmbedded(deps.db));
  try {
    await deps.db.transaction(async (tx) => {
      const totals = await writeAll(deps, tx, row, kind, run, job, report);
      const committedAt = deps.now();
      const done = await importRepo.move(tx, importId, ['committing'], {
        status: 'committed',
        ...totals,
        committedAt,
        progress: 1,
        progressMessage: { zh: '导入完成', en: 'Imported' },
        updatedAt: committedAt,
      });
      if (!done) throw new AppError('CONFLICT', '导入状态已变化', 'The import changed meanwhile');
      await writeAudit(tx, run.ctx, {
        action: 'import.committed',
        entityType: 'import',
        entityId: importId,
        regionCode: row.regionCode,
        after: { kind: row.kind, filename: row.filename, sha256: row.sha256, ...totals, rejected: row.rejectedRows },
      });
    });
  } catch (err) {
    if (job.signal.aborted) throw err;
    await kind.bulk?.discard(deps, deps.db, importId);
    await failImport(deps, importId, err);
  }
}

async function writeAll(
  deps: Deps,
  tx: Tx,
  row: ImportRow,
  kind: AnyImportKind,
  run: ImportRun,
  job: JobContext,
  report: ReturnType<typeof progressReporter>,
) {
  if (kind.bulk) return writeBulk(deps, tx, row, kind.bulk, run, job, report);
  const totals = { inserted: 0, updated: 0, unchanged: 0 };
  const accepted = Math.max(1, row.totalRows - row.rejectedRows);
  for (let after = 0, seq = 0; ; seq++) {
    const batch = await importRepo.acceptedRows(tx, row.id, after, BATCH);
    if (!batch.length) return totals;
    after = batch[batch.length - 1]!.rowNo;
    const rows = batch.map((b) => ({ rowNo: b.rowNo, row: b.data ?? {} }));
    const outcome = await kind.commit(deps, tx, run, rows);
    await importRepo.insertChanges(tx, row.id, seq, outcome.changes);
    totals.inserted += outcome.inserted;
    totals.updated += outcome.updated;
    totals.unchanged += outcome.unchanged;
    abortIfStopping(job);
    const done = totals.inserted + totals.updated + totals.unchanged;
    await report(done / accepted, { zh: `已导入 ${done} 行`, en: `${done} rows imported` });
  }
}

/**
 * The bulk lane: the staged rows move into the kind's records a chunk of row numbers at a time
 * (one INSERT … SELECT each), then leave the staging table, all in the commit's transaction.
 * Fewer rows staged than accepted means the staging was lost (PostgreSQL empties an UNLOGGED
 * table after a crash): the import fails rather than commit part of the file.
 */
async function writeBulk(
  deps: Deps,
  tx: Tx,
  row: ImportRow,
  bulk: ImportBulkLane<Record<string, unknown>>,
  run: ImportRun,
  job: JobContext,
  report: ReturnType<typeof progressReporter>,
) {
  const accepted = row.totalRows - row.rejectedRows;
  const staged = await bulk.staged(deps, tx, row.id);
  if (staged.rows !== accepted)
    throw new AppError(
      'CONFLICT',
      '检查过的数据已丢失（数据库曾重启），请重新上传文件',
      'The checked rows were lost (the database restarted); upload the file again',
    );
  let inserted = 0;
  for (let after = 0; after < staged.lastRowNo; after += BULK_CHUNK) {
    const upTo = Math.min(after + BULK_CHUNK, staged.lastRowNo);
    inserted += await bulk.commitChunk(deps, tx, run, after, upTo);
    abortIfStopping(job);
    await report(upTo / staged.lastRowNo, { zh: `已导入至第 ${upTo} 行`, en: `Imported up to row ${upTo}` });
  }
  await bulk.discard(deps, tx, row.id);
  return { inserted, updated: 0, unchanged: accepted - inserted };
}
