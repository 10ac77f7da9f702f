import { permissionsOf, ROLES, type Role } from '../../../contracts/roles.js';
import type { BilingualText } from '../../../contracts/imports.js';
import type { Actor, Ctx } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError } from '../../core/errors.js';
import { errorForLog } from '../../core/http.js';
import type { JobContext } from '../jobs/define.js';
import type { ImportRun } from './define.js';
import { importRepo, type ImportRow } from './repository.js';
import type { ImportActorSnapshot } from './tables.js';

// What the import's jobs share: acting as the person who asked, and reporting progress.

export function snapshotOf(actor: Actor): ImportActorSnapshot {
  return {
    accountId: actor.accountId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    regionCode: actor.regionCode,
  };
}

/** A job's context acting as the importer (or committer) for audit records: roles as they were then. */
export function ctxOf(who: ImportActorSnapshot, requestId: string): Ctx {
  const roles = who.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  return {
    actor: {
      accountId: who.accountId,
      username: who.username,
      displayName: who.displayName,
      roles,
      permissions: permissionsOf(roles),
      regionCode: who.regionCode,
      organizationId: null,
      courtId: null,
      employerId: null,
      personId: null,
    },
    requestId,
    ip: null,
  };
}

export function runOf(row: ImportRow, who: ImportActorSnapshot): ImportRun {
  return {
    importId: row.id,
    regionCode: row.regionCode,
    acceptWarnings: row.options.acceptWarnings,
    ctx: ctxOf(who, row.requestId),
  };
}

/**
 * Progress to the queue (the jobs page) and, at most once a second, to the import's row (the
 * import page polls it). `toRow: false` inside an embedded database's open transaction.
 */
export function progressReporter(deps: Deps, importId: string, job: JobContext, toRow: boolean) {
  let last = 0;
  return async (fraction: number, message: BilingualText, force = false) => {
    const now = Date.now();
    if (!force && now - last < 1000) return;
    last = now;
    const rounded = Math.max(0, Math.min(1, Math.round(fraction * 1000) / 1000));
    await job.progress(rounded, message);
    if (toRow) await importRepo.update(deps.db, importId, { progress: rounded, progressMessage: message });
  };
}

export function abortIfStopping(job: JobContext): void {
  if (job.signal.aborted) throw new Error('import job stopped by shutdown; the queue runs it again');
}

export async function failImport(deps: Deps, importId: string, err: unknown): Promise<void> {
  const failure =
    err instanceof AppError
      ? { zh: err.message, en: err.messageEn }
      : { zh: '处理文件时出错，请重试或联系管理员', en: 'Processing the file failed; retry, or contact support' };
  if (!(err instanceof AppError)) deps.logger.error({ error: errorForLog(err), importId }, 'import failed');
  await importRepo.update(deps.db, importId, { status: 'failed', failure, updatedAt: deps.now() });
  await importRepo.deleteChunks(deps.db, importId);
}
