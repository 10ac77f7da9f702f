import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';

// Files over HTTP for the module's routes: the one file of a multipart upload; the module's
// generated files are buffered downloads (sent with core/attachment.ts).

export interface UploadedFile {
  filename: string;
  content: Buffer;
  description?: string;
}

/** The file part of a multipart request (the size limit is @fastify/multipart's, see app.ts). */
export async function readUpload(request: FastifyRequest): Promise<UploadedFile> {
  const part = await request.file();
  if (!part) throw new AppError('VALIDATION', '请选择要上传的文件', 'Choose a file to upload', 'file');
  const content = await part.toBuffer();
  const description = (part.fields.description as { value?: string } | undefined)?.value;
  return { filename: part.filename, content, description };
}

export interface Download {
  filename: string;
  mime: string;
  content: Buffer;
}
