import { z } from 'zod';
import type { RowError } from '../../../contracts/imports.js';
import type { Deps } from '../../core/deps.js';
import { AppError } from '../../core/errors.js';
import { defineJob, type JobContext } from '../jobs/define.js';
import type { AnyImportKind, BulkStager, ImportBulkLane, ImportRun } from './define.js';
import { importKind } from './kinds.js';
import { importRepo, type ImportRow, type StagingRow } from './repository.js';
import { mapHeaders, missingHeadersText, parseRow, type HeaderMap } from './rows.js';
import { queueCommit } from './commit.js';
import { abortIfStopping, failImport, progressReporter, runOf } from './run.js';
import { fileRows, type CsvEncoding } from './source.js';
import { storedBytes } from './upload.js';

const BATCH = 5000;
/**
 * The bulk lane's batches (one COPY write each, about 1 MB of text). A batch lives while it is
 * parsed, checked and written, long enough for V8 to move it to the old generation: what a
 * batch holds is part of the live heap the next full collection finds, and the heap grows in
 * proportion to that (20,000 rows made the import's peak about 100 MB higher).
 */
const BULK_BATCH = 5_000;

export const validateImportJob = defineJob({
  name: 'imports.validate',
  payload: z.object({ importId: z.string().uuid() }),
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  expireInSeconds: 3600,
  handler: (deps, { importId }, job) => validateImport(deps, importId, job),
});

/**
 * Reads the stored file row by row into the staging table: each row parsed by the kind's schema
 * and checks, or rejected with its reasons; a natural key seen earlier in the file rejects the
 * later row (unless the kind commits repeated keys as duplicates). Runs again from the start
 * when retried (the staged rows are replaced).
 */
export async function validateImport(deps: Deps, importId: string, job: JobContext): Promise<void> {
  const start = await importRepo.move(deps.db, importId, ['uploaded', 'validating'], {
    status: 'validating',
    progress: 0,
    progressMessage: { zh: '正在读取文件', en: 'Reading the file' },
    updatedAt: deps.now(),
  });
  if (!start) return;
  const kind = importKind(start.kind);
  try {
    if (!kind) throw new AppError('VALIDATION', '未知的导入类型', 'Unknown import kind', 'kind');
    await importRepo.deleteRows(deps.db, importId);
    await kind.bulk?.discard(deps, deps.db, importId);
    const counted = await stageRows(deps, start, kind, job);
    const key = kind.columns[0];
    const repeated = {
      zh: [`与第 `, ` 行重复（${key?.headers[0] ?? ''}相同），已跳过`],
      en: [`Duplicate of row `, ` (same ${key?.headers[1] ?? 'key'}); skipped`],
    } satisfies DuplicateText;
    if (kind.repeatedKeys !== 'committed_as_duplicates') {
      if (kind.bulk?.takeRepeated)
        counted.rejected += await rejectRepeated(deps, importId, kind.bulk, key?.key ?? null, repeated);
      else if (!kind.bulk) await importRepo.markDuplicates(deps.db, importId, key?.key ?? null, repeated);
    }
    // The bulk lane counted while it read (its accepted rows are not in import_rows).
    const counts = kind.bulk ? counted : await importRepo.stagedCounts(deps.db, importId);
    await importRepo.update(deps.db, importId, {
      status: 'validated',
      totalRows: counts.total,
      rejectedRows: counts.rejected,
      progress: 1,
      progressMessage: { zh: '检查完成', en: 'Checked' },
      updatedAt: deps.now(),
    });
    await importRepo.deleteChunks(deps.db, importId);
    // An upload by another system (fee refunds) asked for the rows that pass to go in at once.
    if (start.options.autoCommit && counts.total > counts.rejected) await queueCommit(deps, importId, start.createdBy);
  } catch (err) {
    if (job.signal.aborted) throw err;
    await kind?.bulk?.discard(deps, deps.db, importId);
    await failImport(deps, importId, err);
  }
}

type DuplicateText = { zh: [string, string]; en: [string, string] };

/** Rows moved per call from a bulk lane's staging to the rejected rows (`takeRepeated`). */
const REPEATED_BATCH = 5000;

/**
 * The bulk lane's repeated keys: the lane takes each staged row whose key an earlier one has out
 * of its staging (sorting in the database), and it becomes a rejected row naming the first, as a
 * usual-lane duplicate does (`markDuplicates`). Answers how many.
 */
async function rejectRepeated(
  deps: Deps,
  importId: string,
  bulk: ImportBulkLane<Record<string, unknown>>,
  field: string | null,
  text: DuplicateText,
): Promise<number> {
  let rejected = 0;
  for (;;) {
    const rows = (await bulk.takeRepeated?.(deps, deps.db, importId, REPEATED_BATCH)) ?? [];
    if (!rows.length) return rejected;
    rejected += rows.length;
    await importRepo.insertRows(
      deps.db,
      importId,
      rows.map((r) => ({
        rowNo: r.rowNo,
        naturalKey: null,
        data: r.data,
        errors: [
          {
            row: r.rowNo,
            field,
            zh: `${text.zh[0]}${r.firstRowNo}${text.zh[1]}`,
            en: `${text.en[0]}${r.firstRowNo}${text.en[1]}`,
          },
        ],
        cells: null,
      })),
    );
  }
}

/** What one batch of the file became: rows read, and rows rejected. */
interface Counts {
  total: number;
  rejected: number;
}

async function stageRows(deps: Deps, row: ImportRow, kind: AnyImportKind, job: JobContext): Promise<Counts> {
  const read = { bytes: 0 };
  const run = runOf(row, row.createdBy);
  const report = progressReporter(deps, row.id, job, true);
  const counts: Counts = { total: 0, rejected: 0 };
  // The bulk lane's accepted rows stream into the kind's staging (PostgreSQL stores one batch
  // while the next is parsed); the usual lane stages every row as JSON.
  const stager = kind.bulk ? await kind.bulk.stager(deps, run) : null;
  const size = stager ? BULK_BATCH : BATCH;
  const stage = (batch: { rowNo: number; cells: string[] }[]) =>
    stager ? stageBulkBatch(deps, run, kind, map!, batch, stager, counts) : stageBatch(deps, run, kind, map!, batch);
  let map: HeaderMap | null = null;
  let batch: { rowNo: number; cells: string[] }[] = [];
  let rows = 0;
  try {
    const bytes = storedBytes(deps, row.id, read);
    for await (const { rowNo, cells } of fileRows(bytes, row.format, row.encoding as CsvEncoding | null)) {
      if (!map) {
        map = mapHeaders(kind, cells);
        if (map.missing.length) {
          const text = missingHeadersText(map.missing);
          throw new AppError('VALIDATION', text.zh, text.en, 'file');
        }
        await importRepo.update(deps.db, row.id, { headers: cells, unknownHeaders: map.unknown });
        continue;
      }
      batch.push({ rowNo, cells });
      if (batch.length < size) continue;
      await stage(batch);
      rows += batch.length;
      batch = [];
      abortIfStopping(job);
      await report((read.bytes / Math.max(1, row.byteSize)) * 0.99, {
        zh: `已检查 ${rows} 行`,
        en: `${rows} rows checked`,
      });
    }
    if (!map) throw new AppError('VALIDATION', '文件中没有表头行', 'The file has no header row', 'file');
    await stage(batch);
    await stager?.end();
  } catch (err) {
    await stager?.abort();
    throw err;
  }
  return counts;
}

/** A batch's rows parsed and checked: each with its parsed row, or the reasons it was rejected. */
async function checkBatch(deps: Deps, run: ImportRun, kind: AnyImportKind, map: HeaderMap, batch: FileRowCells[]) {
  const parsed = batch.map((r) => ({ ...r, result: parseRow(kind, map, r.rowNo, r.cells) }));
  const good = parsed.flatMap((p) => (p.result.ok ? [{ rowNo: p.rowNo, row: p.result.row }] : []));
  const errorsByRow = new Map<number, RowError[]>();
  const addError = (e: RowError) => errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), e]);
  for (const p of parsed) if (!p.result.ok) for (const e of p.result.errors) addError(e);
  for (const e of (await kind.checkRows?.(deps, run, good)) ?? []) addError(e);
  return { parsed, good, errorsByRow };
}

type FileRowCells = { rowNo: number; cells: string[] };

async function stageBatch(deps: Deps, run: ImportRun, kind: AnyImportKind, map: HeaderMap, batch: FileRowCells[]) {
  if (!batch.length) return;
  const { parsed, good, errorsByRow } = await checkBatch(deps, run, kind, map, batch);
  // Duplicates are found once the whole file is staged (markDuplicates), by sorting, not in memory.
  const keys = new Map(good.map((g) => [g.rowNo, kind.naturalKey(g.row)]));
  const staged: StagingRow[] = parsed.map((p) => {
    const errors = errorsByRow.get(p.rowNo) ?? null;
    return {
      rowNo: p.rowNo,
      naturalKey: keys.get(p.rowNo) ?? null,
      data: p.result.ok && !errors ? p.result.row : null,
      errors,
      cells: errors ? p.cells : null,
    };
  });
  await importRepo.insertRows(deps.db, run.importId, staged);
}

/** The bulk lane: accepted rows to the kind's staging, rejected ones (few) to import_rows. */
async function stageBulkBatch(
  deps: Deps,
  run: ImportRun,
  kind: AnyImportKind,
  map: HeaderMap,
  batch: FileRowCells[],
  stager: BulkStager<Record<string, unknown>>,
  counts: Counts,
) {
  if (!batch.length) return;
  const { parsed, good, errorsByRow } = await checkBatch(deps, run, kind, map, batch);
  counts.total += batch.length;
  if (!errorsByRow.size) return stager.write(good);
  counts.rejected += errorsByRow.size;
  await stager.write(good.filter((g) => !errorsByRow.has(g.rowNo)));
  const rejected: StagingRow[] = parsed.flatMap((p) => {
    const errors = errorsByRow.get(p.rowNo);
    return errors ? [{ rowNo: p.rowNo, naturalKey: null, data: null, errors, cells: p.cells }] : [];
  });
  await importRepo.insertRows(deps.db, run.importId, rejected);
}
