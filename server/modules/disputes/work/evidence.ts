import crypto from 'node:crypto';
import type { z } from 'zod';
import type { evidenceUploadSchema } from '../../../../contracts/disputes/responses.js';
import type { Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { checkUpload } from '../../../core/uploads.js';
import { loadReadable } from '../case-view.js';
import { logCaseEvent } from '../case-writer.js';
import type { UploadedFile } from '../files.js';
import { STAGE_BY_CODE, isStage } from '../rules/stages.js';
import { evidenceRepo } from './repository.js';

/** Per case: enough for a wage dispute's pay slips, chats and photos, not a file store. */
export const EVIDENCE_QUOTA = { files: 50, bytes: 100 * 1024 * 1024 };

/** Anyone who may read a live case adds evidence to it (an image or a PDF, checked by content). */
export async function addEvidence(
  deps: Deps,
  ctx: Ctx,
  id: string,
  file: UploadedFile,
  uploadedBy?: string,
): Promise<z.infer<typeof evidenceUploadSchema>> {
  const { row } = await loadReadable(deps, ctx, id);
  if (!row.record.state || (isStage(row.stage) && STAGE_BY_CODE[row.stage].terminal))
    throw errors.conflict(
      '案件已结束或为历史案件，不能再添加证据',
      'The case has ended or is historic; evidence can no longer be added',
    );
  const used = await evidenceRepo.usage(deps.db, id);
  if (used.files >= EVIDENCE_QUOTA.files || used.bytes + file.content.length > EVIDENCE_QUOTA.bytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `本案证据已达上限（${EVIDENCE_QUOTA.files} 个文件或 ${EVIDENCE_QUOTA.bytes / 1024 / 1024} MB），请合并或删减后再上传`,
      `The case's evidence is at its limit (${EVIDENCE_QUOTA.files} files or ${EVIDENCE_QUOTA.bytes / 1024 / 1024} MB)`,
      'file',
    );
  }
  const { mime } = await checkUpload(file.content);
  const saved = await evidenceRepo.add(deps.db, {
    caseId: id,
    filename: file.filename.slice(0, 200),
    mime,
    sizeBytes: file.content.length,
    sha256: crypto.createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    description: file.description ?? null,
    uploadedBy: uploadedBy ?? ctx.actor?.displayName ?? '职工',
  });
  await logCaseEvent(deps, ctx, row, 'evidence_added', { filename: saved.filename, sizeBytes: saved.sizeBytes });
  return saved;
}

/** The file itself, for download (always as an attachment, see files.ts). */
export async function getEvidence(deps: Deps, ctx: Ctx, id: string, evidenceId: string) {
  await loadReadable(deps, ctx, id);
  const e = await evidenceRepo.file(deps.db, id, evidenceId);
  if (!e) throw errors.notFound('证据', 'Evidence');
  return e;
}
