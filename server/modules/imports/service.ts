import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  ImportDetail,
  ImportKindInfo,
  ImportRecord,
  importListQuerySchema,
  importPageSchema,
  RowError,
} from '../../../contracts/imports.js';
import { regionWithin } from '../../../contracts/regions.js';
import { writeAudit } from '../../core/audit.js';
import { assertInScope, requireActor, requirePermission, type Actor, type Ctx } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import { offsetOf, splitPage } from '../../core/paging.js';
import { queueCommit } from './commit.js';
import type { AnyImportKind } from './define.js';
import { allImportKinds, importKind } from './kinds.js';
import { importRepo, RECEIVING, type ImportRow } from './repository.js';
import { runOf, snapshotOf } from './run.js';
import { readImportRequest, storeFile, type UploadRequest } from './upload.js';
import { validateImportJob } from './validate.js';
import type { Download } from '../../core/attachment.js';
import { rejectedWorkbook, templateWorkbook } from './workbooks.js';

const FIRST_REJECTED = 50;

function kindOrRefuse(name: string): AnyImportKind {
  const kind = importKind(name);
  if (!kind) throw errors.validation('kind', '未知的导入类型', 'Unknown import kind');
  return kind;
}

/** The import and its kind, when the caller may import that kind and the import is in their region. */
async function readable(
  deps: Deps,
  ctx: Ctx,
  id: string,
  only?: readonly string[],
): Promise<{ row: ImportRow; kind: AnyImportKind; actor: Actor }> {
  const actor = requireActor(ctx);
  const row = await importRepo.byId(deps.db, id);
  if (!row || row.sha256.startsWith(RECEIVING) || (only && !only.includes(row.kind)))
    throw errors.notFound('导入记录', 'Import');
  const kind = kindOrRefuse(row.kind);
  if (!actor.permissions.has(kind.permission)) throw errors.forbidden();
  assertInScope(actor, row.regionCode);
  return { row, kind, actor };
}

function recordOf(row: ImportRow): ImportRecord {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    filename: row.filename,
    format: row.format,
    encoding: row.encoding,
    byteSize: row.byteSize,
    totalRows: row.totalRows,
    acceptedRows: row.totalRows - row.rejectedRows,
    rejectedRows: row.rejectedRows,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    unknownHeaders: row.unknownHeaders,
    acceptWarnings: row.options.acceptWarnings,
    progress: row.progress,
    progressMessage: row.progressMessage ?? null,
    jobId: row.jobId ?? null,
    failure: row.failure ?? null,
    createdByName: row.createdBy.displayName,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
    rolledBackAt: row.rolledBackAt?.toISOString() ?? null,
  };
}

async function detailOf(deps: Deps, row: ImportRow): Promise<ImportDetail> {
  const checked = row.rejectedRows > 0 && !['uploaded', 'validating'].includes(row.status);
  const rejected = checked ? await importRepo.rejectedRows(deps.db, row.id, 0, FIRST_REJECTED) : [];
  return { ...recordOf(row), rejected: rejected.flatMap((r) => r.errors ?? []).slice(0, FIRST_REJECTED) };
}

export async function listKinds(_deps: Deps, ctx: Ctx): Promise<ImportKindInfo[]> {
  const actor = requireActor(ctx);
  return allImportKinds()
    .filter((k) => actor.permissions.has(k.permission))
    .map((k) => ({
      kind: k.kind,
      title: k.title,
      columns: k.columns.map((c) => ({
        key: c.key,
        header: c.headers[0] ?? c.key,
        headerEn: c.headers[1] ?? c.key,
        required: !!c.required,
      })),
    }));
}

export async function templateOf(_deps: Deps, ctx: Ctx, name: string): Promise<Download> {
  const kind = kindOrRefuse(name);
  requirePermission(ctx, kind.permission);
  return templateWorkbook(kind);
}

/**
 * A new import from a multipart upload (fields `kind`, `acceptWarnings`, then `file`): the file
 * is checked and stored, and its validation queued. The same file for the same kind (and the
 * same choice about warnings) again answers the import it already is, and changes nothing.
 */
export async function uploadImport(deps: Deps, ctx: Ctx, request: FastifyRequest): Promise<ImportDetail> {
  const actor = requireActor(ctx);
  const upload = await readImportRequest(request, deps.config.importMaxBytes);
  const kind = importKind(upload.fields.kind);
  if (!kind || !actor.permissions.has(kind.permission)) {
    upload.file.file.resume();
    throw kind ? errors.forbidden() : errors.validation('kind', '未知的导入类型', 'Unknown import kind');
  }
  return receiveImport(deps, ctx, upload, kind, { autoCommit: false });
}

export { readImportRequest, type UploadRequest };

/**
 * Stores an upload already read (its fields and its file stream) as an import of `kind` and
 * queues its check (refused unless the caller may import the kind). With `autoCommit` the rows that
 * pass are committed once checked, without a second request (an upload by another system); the
 * same file again answers the import it already is, and a checked one still waiting is committed.
 */
export async function receiveImport(
  deps: Deps,
  ctx: Ctx,
  { fields, file }: UploadRequest,
  kind: AnyImportKind,
  opts: { autoCommit: boolean },
): Promise<ImportDetail> {
  const actor = requireActor(ctx);
  if (!actor.permissions.has(kind.permission)) {
    file.file.resume();
    throw errors.forbidden();
  }
  if (!deps.jobs) throw new AppError('INTERNAL', '任务队列未启动', 'The job queue is not running');
  const who = snapshotOf(actor);
  const draft = await importRepo.insert(deps.db, {
    kind: kind.kind,
    status: 'uploaded',
    filename: (file.filename || 'upload').slice(0, 256),
    format: 'csv',
    byteSize: 0,
    sha256: `${RECEIVING}${crypto.randomUUID()}`,
    regionCode: actor.regionCode,
    createdBy: who,
    options: { acceptWarnings: fields.acceptWarnings, ...(opts.autoCommit ? { autoCommit: true } : {}) },
    requestId: ctx.requestId.slice(0, 64),
    createdAt: deps.now(),
    updatedAt: deps.now(),
  });
  let stored: Awaited<ReturnType<typeof storeFile>>;
  try {
    stored = await storeFile(deps, draft.id, file);
  } catch (err) {
    file.file.resume();
    await importRepo.remove(deps.db, draft.id);
    throw err;
  }
  const existing = async (same: ImportRow) => {
    const answer = await answerExisting(deps, actor, draft.id, same);
    if (!opts.autoCommit || same.status !== 'validated' || same.totalRows === same.rejectedRows) return answer;
    await queueCommit(deps, same.id, who);
    return detailOf(deps, (await importRepo.byId(deps.db, same.id))!);
  };
  const same = await importRepo.byFile(deps.db, kind.kind, stored.sha256, fields.acceptWarnings);
  if (same) return existing(same);
  try {
    await importRepo.update(deps.db, draft.id, stored);
  } catch (err) {
    // A concurrent upload of the same file won the unique index: answer that one.
    const winner = await importRepo.byFile(deps.db, kind.kind, stored.sha256, fields.acceptWarnings);
    if (winner) return existing(winner);
    throw err;
  }
  await writeAudit(deps.db, ctx, {
    action: 'import.uploaded',
    entityType: 'import',
    entityId: draft.id,
    regionCode: actor.regionCode,
    after: { kind: kind.kind, filename: draft.filename, ...stored },
  });
  const jobId = await deps.jobs.send(
    validateImportJob,
    { importId: draft.id },
    { singletonKey: draft.id, startedBy: actor.accountId },
  );
  if (jobId) await importRepo.update(deps.db, draft.id, { jobId });
  return detailOf(deps, (await importRepo.byId(deps.db, draft.id))!);
}

async function answerExisting(deps: Deps, actor: Actor, draftId: string, existing: ImportRow) {
  await importRepo.remove(deps.db, draftId);
  if (!regionWithin(existing.regionCode, actor.regionCode))
    throw errors.conflict(
      '该文件已由其他区域的用户导入',
      'This file was already imported by a user of another region',
      'file',
    );
  return detailOf(deps, existing);
}

export async function listImports(
  deps: Deps,
  ctx: Ctx,
  query: z.infer<typeof importListQuerySchema>,
): Promise<z.infer<typeof importPageSchema>> {
  const actor = requireActor(ctx);
  const { page, filter } = splitPage(query);
  const kind = kindOrRefuse(filter.kind);
  if (!actor.permissions.has(kind.permission)) throw errors.forbidden();
  const { items, total } = await importRepo.list(
    deps.db,
    { kind: kind.kind, scope: actor.regionCode },
    page.pageSize,
    offsetOf(page),
  );
  return { items: items.map(recordOf), total, ...page };
}

/** `only`: the kinds the caller's API serves; an import of another kind is not found there. */
export async function getImport(deps: Deps, ctx: Ctx, id: string, only?: readonly string[]): Promise<ImportDetail> {
  const { row } = await readable(deps, ctx, id, only);
  return detailOf(deps, row);
}

/** An import with the first `limit` reasons its rows were rejected for (in file order). */
export async function importWithErrors(
  deps: Deps,
  ctx: Ctx,
  id: string,
  only: readonly string[],
  limit: number,
): Promise<{ record: ImportRecord; errors: RowError[] }> {
  const { row } = await readable(deps, ctx, id, only);
  const checked = row.rejectedRows > 0 && !['uploaded', 'validating'].includes(row.status);
  const errors: RowError[] = [];
  for (let after = 0; checked && errors.length < limit;) {
    const batch = await importRepo.rejectedRows(deps.db, row.id, after, limit);
    if (!batch.length) break;
    after = batch[batch.length - 1]!.rowNo;
    for (const r of batch) errors.push(...(r.errors ?? []));
  }
  return { record: recordOf(row), errors: errors.slice(0, limit) };
}

export async function rejectedRowsWorkbook(
  deps: Deps,
  ctx: Ctx,
  id: string,
  only?: readonly string[],
): Promise<Download> {
  const { row, kind } = await readable(deps, ctx, id, only);
  if (['uploaded', 'validating'].includes(row.status) || (row.status === 'failed' && !row.totalRows))
    throw errors.conflict('文件尚未检查完毕', 'The file has not been checked yet');
  return rejectedWorkbook(deps, row, kind);
}

/** Queues the all-or-nothing commit of a validated import's accepted rows. */
export async function commitImport(deps: Deps, ctx: Ctx, id: string): Promise<ImportDetail> {
  const { row, actor } = await readable(deps, ctx, id);
  if (!deps.jobs) throw new AppError('INTERNAL', '任务队列未启动', 'The job queue is not running');
  if (row.status === 'committing' || row.status === 'committed') return detailOf(deps, row);
  if (row.status !== 'validated')
    throw errors.conflict('只有检查完毕的导入才能提交', 'Only a checked import can be committed', 'status');
  if (row.totalRows === row.rejectedRows) throw errors.conflict('没有可导入的行', 'No row can be imported', 'status');
  await queueCommit(deps, id, snapshotOf(actor));
  return detailOf(deps, (await importRepo.byId(deps.db, id))!);
}

/**
 * Undoes a committed import as a whole, in one transaction: what it created is deleted, what
 * it changed gets its before-image back. Refused (nothing changes) when a record it created is
 * used elsewhere or a record was changed since.
 */
export async function rollbackImport(
  deps: Deps,
  ctx: Ctx,
  id: string,
  only?: readonly string[],
): Promise<ImportDetail> {
  const { row, kind, actor } = await readable(deps, ctx, id, only);
  if (row.status === 'rolled_back') return detailOf(deps, row);
  if (row.status !== 'committed' || !row.committedAt)
    throw errors.conflict('只有已导入的记录才能撤销', 'Only a committed import can be rolled back', 'status');
  const committedAt = row.committedAt;
  await deps.db.transaction(async (tx) => {
    const moved = await importRepo.move(tx, id, ['committed'], {
      status: 'rolled_back',
      rolledBackAt: deps.now(),
      updatedAt: deps.now(),
    });
    if (!moved) throw errors.conflict('导入状态已变化，请刷新', 'The import changed meanwhile; reload it');
    const run = { ...runOf(row, snapshotOf(actor)), ctx };
    // The bulk lane's records carry their import; an import its kind committed by the usual lane
    // (before it moved to the bulk lane) also has its list of changes to walk.
    if (kind.bulk) await kind.bulk.rollback(deps, tx, run, committedAt);
    if (!kind.bulk || kind.bulk.rollbackRecorded)
      for (let seq = -1; ;) {
        const batch = await importRepo.nextChanges(tx, id, seq);
        if (!batch) break;
        seq = batch.seq;
        if (kind.bulk) await kind.bulk.rollbackRecorded?.(deps, tx, run, batch.changes, committedAt);
        else await kind.rollback(deps, tx, run, batch.changes, committedAt);
      }
    await writeAudit(tx, ctx, {
      action: 'import.rolled_back',
      entityType: 'import',
      entityId: id,
      regionCode: row.regionCode,
      after: { kind: row.kind, filename: row.filename, inserted: row.inserted, updated: row.updated },
    });
  });
  return detailOf(deps, (await importRepo.byId(deps.db, id))!);
}
