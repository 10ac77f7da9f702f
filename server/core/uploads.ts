import { fileTypeFromBuffer } from 'file-type';
import { AppError } from './errors.js';

export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/**
 * Judges a file by its bytes, not its name or declared type: a renamed executable is refused
 * even when it is called "工资条.pdf".
 */
export async function checkUpload(
  content: Buffer,
  allowed: readonly string[] = EVIDENCE_TYPES,
  maxBytes = MAX_EVIDENCE_BYTES,
): Promise<{ mime: string }> {
  if (content.length === 0) throw new AppError('VALIDATION', '文件为空', 'The file is empty', 'file');
  if (content.length > maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB`,
      `File exceeds ${Math.round(maxBytes / 1024 / 1024)} MB`,
      'file',
    );
  }
  const detected = await fileTypeFromBuffer(content);
  if (!detected || !allowed.includes(detected.mime)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA',
      '只能上传图片（JPG、PNG、WebP）或 PDF 文件',
      'Only images (JPG, PNG, WebP) or PDF files are accepted',
      'file',
    );
  }
  return { mime: detected.mime };
}
