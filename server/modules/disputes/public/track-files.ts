import type { WorkerFiles } from '../../../../contracts/disputes.js';
import { hasForbiddenCharacters } from '../../../../contracts/text.js';
import type { Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import type { Tx } from '../../../db/client.js';
import { notify } from '../../notifications/service.js';
import { partiesOf } from '../case-record.js';
import type { CaseRow } from '../case-writer.js';
import { documentOfCase } from '../documents/service.js';
import type { Download, UploadedFile } from '../files.js';
import { contactRepo } from '../repository.js';
import { storeEvidence, takesEvidence } from '../work/evidence.js';
import { trackUploadLimits, WORKER_EVIDENCE_SHARE } from './limits.js';
import { WORKER_PROVIDER } from '../../../../contracts/disputes/parties.js';
import { providedEvidenceRepo } from './repository.js';
import type { CaseTokenHeader, WorkerDocument } from './schemas.js';
import { enforceStages, publicCtx, workerSession } from './service.js';
import { actorWithNote } from '../../../../contracts/disputes/actor-labels.js';

// The worker's files on the phone (/track): evidence sent to the mediator through the evidence
// store of the case (work/evidence.ts), and the agreement and the court's ruling as PDF from the
// documents of the case (documents/service.ts), once the case has them.

export { WORKER_PROVIDER };

const MB = 1024 * 1024;

/** What the worker sent, whether more may be sent, and which papers are ready. */
async function filesOf(deps: Deps, row: CaseRow): Promise<WorkerFiles> {
  const sent = await providedEvidenceRepo.list(deps.db, row.id, WORKER_PROVIDER);
  const bytes = sent.reduce((sum, e) => sum + e.sizeBytes, 0);
  const filesLeft = Math.max(0, WORKER_EVIDENCE_SHARE.files - sent.length);
  return {
    evidence: sent.map((e) => ({
      id: e.id,
      filename: e.filename,
      sizeBytes: e.sizeBytes,
      uploadedAt: e.createdAt.toISOString(),
    })),
    canUpload: takesEvidence(row) && filesLeft > 0 && bytes < WORKER_EVIDENCE_SHARE.bytes,
    filesLeft,
    documents: { agreement: documentReady(row, 'agreement'), ruling: documentReady(row, 'ruling') },
  };
}

/**
 * The agreement once it is in force (every signature it needs given), the ruling once the court
 * has made it (confirming the agreement or refusing to): the same conditions under which the
 * case's documents have them.
 */
function documentReady(row: CaseRow, doc: WorkerDocument): boolean {
  const state = row.record.state;
  if (doc === 'agreement') return !!state?.agreement && !!state.agreementEffectiveOn;
  return !!(state?.rulingIssuedOn ?? state?.confirmationRefusedOn);
}

/** GET /api/public/disputes/track/files */
export async function workerFiles(deps: Deps, header: CaseTokenHeader): Promise<WorkerFiles> {
  const { row } = await workerSession(deps, header);
  return filesOf(deps, row);
}

/** A phone's file name as a plain name: no folders, no hidden characters. */
function plainFilename(name: string): string {
  const base = [...(name.split(/[\\/]/).at(-1) ?? '')].filter((ch) => !hasForbiddenCharacters(ch)).join('');
  return base.trim().slice(0, 200) || '证据';
}

/** The stored file's refusal, for a worker who may not know what is inside a file: which file, and why. */
function notImageOrPdf(filename: string): AppError {
  return new AppError(
    'UNSUPPORTED_MEDIA',
    `「${filename}」的内容不是图片或 PDF（文件名与内容不符），只能上传照片、截图（JPG、PNG、WebP）或 PDF 文件`,
    `"${filename}" is not an image or a PDF inside (its name does not match its content); only photos, screenshots (JPG, PNG, WebP) or PDF files are accepted`,
    'file',
  );
}

/**
 * POST /api/public/disputes/track/evidence: the worker sends a photo or a PDF from the phone. The
 * session's and the address's limits are counted and the case checked before the file is read; the
 * file is stored as provided by the worker (申请人), with its event and audit record, and the
 * case's mediator is told by SMS in the same transaction.
 */
export async function workerUpload(
  deps: Deps,
  ctx: Ctx,
  header: CaseTokenHeader,
  read: () => Promise<UploadedFile>,
): Promise<WorkerFiles> {
  const { sessionId, row } = await workerSession(deps, header);
  await enforceStages(deps, trackUploadLimits(sessionId, ctx.ip), { zh: '上传证据', en: 'uploads' });
  if (!takesEvidence(row))
    throw errors.conflict('案件已结束，不能再上传证据', 'The case has ended; evidence can no longer be sent');
  const before = await filesOf(deps, row);
  const usedBytes = before.evidence.reduce((sum, e) => sum + e.sizeBytes, 0);
  const shareFull = () =>
    new AppError(
      'PAYLOAD_TOO_LARGE',
      `您已上传的证据已达上限（${WORKER_EVIDENCE_SHARE.files} 个文件或 ${WORKER_EVIDENCE_SHARE.bytes / MB} MB），如还有材料请联系调解员`,
      `Your evidence is at its limit (${WORKER_EVIDENCE_SHARE.files} files or ${WORKER_EVIDENCE_SHARE.bytes / MB} MB); please contact the mediator for more`,
      'file',
    );
  if (before.filesLeft === 0) throw shareFull();
  const file = await read();
  if (usedBytes + file.content.length > WORKER_EVIDENCE_SHARE.bytes) throw shareFull();
  const filename = plainFilename(file.filename);
  const { worker } = partiesOf(row.facts);
  try {
    await storeEvidence(
      deps,
      publicCtx(ctx),
      row,
      { filename, content: file.content },
      {
        uploadedBy: WORKER_PROVIDER,
        actorLabel: actorWithNote(worker.name, 'applicantPhoneUpload'),
        alsoInTx: (tx) => tellMediator(tx, row),
      },
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'UNSUPPORTED_MEDIA') throw notImageOrPdf(filename);
    throw err;
  }
  return filesOf(deps, row);
}

/** The case's mediator learns of the new evidence (no file name in an SMS: it may say anything). */
async function tellMediator(tx: Tx, row: CaseRow) {
  if (!row.mediatorAccountId) return;
  const mediator = await contactRepo.account(tx, row.mediatorAccountId);
  if (!mediator?.phone) return;
  await notify(tx, {
    channel: 'sms',
    recipient: mediator.phone,
    template: 'dispute.staff_notice',
    variables: { caseNumber: row.caseNumber, message: '申请人通过手机上传了新的证据，请在案件证据中查看' },
    topic: `dispute_case:${row.id}`,
    regionCode: row.regionCode,
  });
}

const DOCUMENT_KIND = { agreement: 'mediation-agreement', ruling: 'civil-ruling' } as const;

/**
 * GET /api/public/disputes/track/documents/:doc: the signed agreement or the court's ruling of the
 * session's own case, as PDF (resident IDs masked, as in every document of the case).
 */
export async function workerDocument(deps: Deps, header: CaseTokenHeader, doc: WorkerDocument): Promise<Download> {
  const { row } = await workerSession(deps, header);
  if (!documentReady(row, doc))
    throw doc === 'agreement'
      ? errors.conflict(
          '调解协议尚未经各方签署生效，暂不能下载',
          'The agreement is not yet signed by everyone and in force; it cannot be downloaded yet',
        )
      : errors.conflict(
          '法院尚未作出裁定，暂无裁定书可下载',
          'The court has not ruled yet; there is no ruling to download',
        );
  return documentOfCase(deps, row, null, DOCUMENT_KIND[doc], 'pdf');
}
