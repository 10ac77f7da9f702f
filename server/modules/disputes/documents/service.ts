import type { z } from 'zod';
import type { filingPackageSchema } from '../../../../contracts/disputes/responses.js';
import type { Actor, Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError } from '../../../core/errors.js';
import type { CaseRow } from '../case-writer.js';
import { caseDetail, loadReadable } from '../case-view.js';
import type { Download } from '../files.js';
import { documentData } from './case-data.js';
import {
  DOCUMENT_KINDS,
  DOCUMENT_MIME_TYPES,
  DocumentDataError,
  isDocumentKind,
  renderDocument,
  type DocumentFormat,
  type DocumentKind,
} from './index.js';

// The case's documents: each generated from the case file (case-data.ts) when asked for, never stored.

/** A document of the case as a file to download; refused while the case has not reached it. */
export async function caseDocument(
  deps: Deps,
  ctx: Ctx,
  id: string,
  kind: string,
  format: DocumentFormat,
): Promise<Download> {
  if (!isDocumentKind(kind)) throw new AppError('VALIDATION', '未知文书类型', 'Unknown document kind', 'kind');
  const { actor, row } = await loadReadable(deps, ctx, id);
  return documentOfCase(deps, row, actor, kind, format);
}

/**
 * A document of a case the caller has already been let into (staff by their access, the worker by
 * the tracking session; `actor` null: the worker's phone is masked as for any other party).
 */
export async function documentOfCase(
  deps: Deps,
  row: CaseRow,
  actor: Actor | null,
  kind: DocumentKind,
  format: DocumentFormat,
): Promise<Download> {
  const detail = await caseDetail(deps, row, actor);
  const data = await documentData(deps, detail);
  const info = DOCUMENT_KINDS.find((k) => k.kind === kind)!;
  const missing = info.requires.filter((key) => data[key] === undefined);
  if (missing.length)
    throw new AppError('CONFLICT', `案件尚未到可生成「${info.zh}」的阶段`, `The case is not ready for: ${info.en}`);
  try {
    return {
      content: await renderDocument(kind, data, format),
      mime: DOCUMENT_MIME_TYPES[format],
      filename: `${info.zh}-${row.caseNumber}.${format}`,
    };
  } catch (err) {
    if (err instanceof DocumentDataError)
      throw new AppError('CONFLICT', `文书数据不完整：${err.message}`, `Document data incomplete: ${err.message}`);
    throw err;
  }
}

/** Everything a court or arbitration commission needs when the worker goes on from here. */
export async function filingPackage(deps: Deps, ctx: Ctx, id: string): Promise<z.infer<typeof filingPackageSchema>> {
  const { actor, row } = await loadReadable(deps, ctx, id);
  const detail = await caseDetail(deps, row, actor);
  const data = await documentData(deps, detail);
  return {
    caseNumber: row.caseNumber,
    stage: row.stage,
    closedReason: row.closedReason,
    referral: row.referral,
    parties: data.parties,
    claims: data.claims,
    facts: data.facts,
    analysis: detail.analysis,
    evidence: detail.evidence,
    minutes: detail.sessions.map((s) => ({
      mode: s.mode,
      scheduledAt: s.scheduledAt,
      heldAt: s.heldAt,
      minutes: s.minutes,
    })),
    events: detail.events.map((e) => ({ at: e.at, action: e.action, actor: e.actorLabel })),
  };
}
