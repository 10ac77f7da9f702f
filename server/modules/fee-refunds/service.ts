import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { FEE_IMPORT_KINDS, feeImportKindSchema, type FeeImportKind } from '../../../contracts/fee-refunds.js';
import type { FeeImport, FeeImportStatus, feeImportStartedSchema } from '../../../contracts/fee-refunds/responses.js';
import type { ImportRecord, RowError } from '../../../contracts/imports.js';
import type { Download } from '../../core/attachment.js';
import { requirePermission, type Ctx } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import type { AnyImportKind } from '../imports/define.js';
import {
  importWithErrors,
  readImportRequest,
  receiveImport,
  rejectedRowsWorkbook,
  rollbackImport,
  templateOf,
} from '../imports/service.js';
import { bankCreditsImportKind } from './bank/import-kind.js';
import { enterprisesImportKind } from './registry/import-kind.js';
import { taxImportKind } from './tax/import-kind.js';

/*
 * The fee-refund files other systems send, on the platform's import pipeline (modules/imports).
 * An upload answers its id at once; the rows are read and checked by the pipeline's job and, for
 * every kind (registry, tax data, bank credits), committed by it as soon as they are checked (no
 * second request: the sender cannot review rows the way a person at the import page does). Rows
 * that fail are reported, with their reasons, and left out; the rows that pass go in together or
 * not at all.
 */

/** The pipeline's kind of each file of the contract; null: named, not built yet. */
const PIPELINE_KINDS: Readonly<Record<FeeImportKind, AnyImportKind | null>> = {
  enterprises: enterprisesImportKind,
  tax: taxImportKind,
  bank_credits: bankCreditsImportKind,
};

/** The pipeline kinds this API serves: an import of any other kind is not found here. */
const SERVED = FEE_IMPORT_KINDS.flatMap((name) => PIPELINE_KINDS[name]?.kind ?? []);

/** The contract's name of a pipeline kind this API serves. */
const FEE_KIND_OF: ReadonlyMap<string, FeeImportKind> = new Map(
  FEE_IMPORT_KINDS.flatMap((name) => {
    const kind = PIPELINE_KINDS[name];
    return kind ? [[kind.kind, name] as const] : [];
  }),
);

/** The first reasons answered with an import; the XLSX of rejected rows has every one. */
const ERRORS_ANSWERED = 200;

function pipelineKind(kind: FeeImportKind): AnyImportKind {
  const found = PIPELINE_KINDS[kind];
  if (!found)
    throw new AppError(
      'NOT_AVAILABLE',
      `“${kind}”类型的导入尚未开放`,
      `Importing files of the kind ${kind} is not available yet`,
      'kind',
    );
  return found;
}

/**
 * The pipeline's states as the contract names them. A checked import whose every row was
 * rejected has nothing to commit: it failed. A checked one still waiting for its commit (queued
 * in a moment, or sent through /api/imports, where a person commits it) is running.
 */
export function feeStatusOf(record: Pick<ImportRecord, 'status' | 'acceptedRows'>): FeeImportStatus {
  switch (record.status) {
    case 'uploaded':
    case 'validating':
    case 'committing':
      return 'running';
    case 'validated':
      return record.acceptedRows === 0 ? 'failed' : 'running';
    case 'committed':
      return 'committed';
    case 'failed':
      return 'failed';
    case 'rolled_back':
      return 'rolled_back';
  }
}

/** Checking is the first half of the way, writing the second. */
function progressOf(record: ImportRecord): number {
  switch (record.status) {
    case 'uploaded':
      return 0;
    case 'validating':
      return record.progress * 0.5;
    case 'validated':
      return record.acceptedRows === 0 ? 1 : 0.5;
    case 'committing':
      return 0.5 + record.progress * 0.5;
    default:
      return 1;
  }
}

function answerOf(record: ImportRecord, rowErrors: RowError[]): FeeImport {
  const failure = record.failure
    ? [{ row: null, field: null, message: record.failure.zh, messageEn: record.failure.en }]
    : [];
  return {
    id: record.id,
    kind: FEE_KIND_OF.get(record.kind) ?? 'enterprises', // only served kinds are read (SERVED)
    status: feeStatusOf(record),
    rowsTotal: record.totalRows,
    rowsAccepted: record.acceptedRows,
    rowsRejected: record.rejectedRows,
    rowsDuplicate: record.status === 'committed' || record.status === 'rolled_back' ? record.unchanged : 0,
    progress: progressOf(record),
    errors: [
      ...failure,
      ...rowErrors.map((e) => ({ row: e.row, field: e.field, message: e.zh, messageEn: e.en })),
    ].slice(0, ERRORS_ANSWERED),
  };
}

/**
 * POST /api/fee-refunds/imports (multipart: `kind`, optionally `acceptWarnings`, then `file`).
 * The same file again answers the import it already is and changes nothing.
 */
export async function uploadFeeImport(
  deps: Deps,
  ctx: Ctx,
  request: FastifyRequest,
): Promise<z.infer<typeof feeImportStartedSchema>> {
  requirePermission(ctx, 'fee_refunds:import');
  const upload = await readImportRequest(request, deps.config.importMaxBytes);
  let kind: AnyImportKind;
  try {
    const named = feeImportKindSchema.safeParse(upload.fields.kind);
    if (!named.success)
      throw errors.validation(
        'kind',
        '导入类型应为 enterprises、tax 或 bank_credits',
        'The kind must be enterprises, tax or bank_credits',
      );
    kind = pipelineKind(named.data);
  } catch (err) {
    upload.file.file.resume();
    throw err;
  }
  const detail = await receiveImport(deps, ctx, upload, kind, { autoCommit: true });
  return { id: detail.id };
}

/** GET /api/fee-refunds/imports/:id */
export async function getFeeImport(deps: Deps, ctx: Ctx, id: string): Promise<FeeImport> {
  const { record, errors: rowErrors } = await importWithErrors(deps, ctx, id, SERVED, ERRORS_ANSWERED);
  return answerOf(record, rowErrors);
}

/** GET /api/fee-refunds/imports/:id/errors.xlsx: every rejected row with its reasons and cells. */
export async function feeImportErrors(deps: Deps, ctx: Ctx, id: string): Promise<Download> {
  return rejectedRowsWorkbook(deps, ctx, id, SERVED);
}

/** POST /api/fee-refunds/imports/:id/rollback: the pipeline's rollback, as one transaction. */
export async function rollbackFeeImport(deps: Deps, ctx: Ctx, id: string): Promise<FeeImport> {
  await rollbackImport(deps, ctx, id, SERVED);
  return getFeeImport(deps, ctx, id);
}

/** GET /api/fee-refunds/imports/template.xlsx?kind= */
export async function feeImportTemplate(deps: Deps, ctx: Ctx, kind: FeeImportKind): Promise<Download> {
  requirePermission(ctx, 'fee_refunds:import');
  return templateOf(deps, ctx, pipelineKind(kind).kind);
}
