import crypto from 'node:crypto';
import type { z } from 'zod';
import type { evidenceUploadSchema } from '../../../../contracts/disputes/responses.js';
import type { Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import type { Tx } from '../../../db/client.js';
import { checkUpload } from '../../../core/uploads.js';
import { loadReadable } from '../case-view.js';
import { logCaseEvent, type CaseRow } from '../case-writer.js';
import type { UploadedFile } from '../files.js';
import { STAGE_BY_CODE, isStage } from '../rules/stages.js';
import { evidenceRepo } from './repository.js';

/** Per case: enough for a wage dispute's pay slips, chats and photos, not a file store. */
export const EVIDENCE_QUOTA = { files: 50, bytes: 100 * 1024 * 1024 };

/** Evidence is added to a live case only: not to a closed or historic one. */
export function takesEvidence(row: Pick<CaseRow, 'record' | 'stage'>): boolean {
  return !!row.record.state && !(isStage(row.stage) && STAGE_BY_CODE[row.stage].terminal);
}

/** Anyone who may read a live case adds evidence to it (an image or a PDF, checked by content). */
export async function addEvidence(
  deps: Deps,
  ctx: Ctx,
  id: string,
  file: UploadedFile,
  uploadedBy?: string,
): Promise<z.infer<typeof evidenceUploadSchema>> {
  const { row } = await loadReadable(deps, ctx, id);
  return storeEvidence(deps, ctx, row, file, { uploadedBy: uploadedBy ?? ctx.actor?.displayName ?? '职工' });
}

/**
 * Stores a file as evidence of a case the caller has already been let into (staff by their access,
 * the worker by the tracking session): refused on a closed case, over the case's quota, or when
 * its bytes are not an image or a PDF. The file, its event and audit record, and whatever
 * `alsoInTx` adds (a notice to the mediator) are written in one transaction.
 */
export async function storeEvidence(
  deps: Deps,
  ctx: Ctx,
  row: CaseRow,
  file: UploadedFile,
  opts: { uploadedBy: string; actorLabel?: string; alsoInTx?: (tx: Tx) => Promise<void> },
): Promise<z.infer<typeof evidenceUploadSchema>> {
  if (!takesEvidence(row))
    throw errors.conflict(
      '案件已结束或为历史案件，不能再添加证据',
      'The case has ended or is historic; evidence can no longer be added',
    );
  const used = await evidenceRepo.usage(deps.db, row.id);
  if (used.files >= EVIDENCE_QUOTA.files || used.bytes + file.content.length > EVIDENCE_QUOTA.bytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `本案证据已达上限（${EVIDENCE_QUOTA.files} 个文件或 ${EVIDENCE_QUOTA.bytes / 1024 / 1024} MB），请合并或删减后再上传`,
      `The case's evidence is at its limit (${EVIDENCE_QUOTA.files} files or ${EVIDENCE_QUOTA.bytes / 1024 / 1024} MB)`,
      'file',
    );
  }
  const { mime } = await checkUpload(file.content);
  const filename = file.filename.slice(0, 200);
  let saved: z.infer<typeof evidenceUploadSchema> | undefined;
  await logCaseEvent(
    deps,
    ctx,
    row,
    'evidence_added',
    { filename, sizeBytes: file.content.length },
    {
      actorLabel: opts.actorLabel,
      alsoInTx: async (tx) => {
        saved = await evidenceRepo.add(tx, {
          caseId: row.id,
          filename,
          mime,
          sizeBytes: file.content.length,
          sha256: crypto.createHash('sha256').update(file.content).digest('hex'),
          content: file.content,
          description: file.description ?? null,
          uploadedBy: opts.uploadedBy,
        });
        await opts.alsoInTx?.(tx);
      },
    },
  );
  return saved!;
}

/** The file itself, for download (always as an attachment, see files.ts). */
export async function getEvidence(deps: Deps, ctx: Ctx, id: string, evidenceId: string) {
  await loadReadable(deps, ctx, id);
  const e = await evidenceRepo.file(deps.db, id, evidenceId);
  if (!e) throw errors.notFound('证据', 'Evidence');
  return e;
}
