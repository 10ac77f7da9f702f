import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.js';

/** The file part of a multipart request (the size limit is @fastify/multipart's, see app.ts). */
export async function readPhotoUpload(request: FastifyRequest): Promise<Buffer> {
  const part = await request.file();
  if (!part) throw new AppError('VALIDATION', '请选择要上传的照片', 'Choose a photo to upload', 'file');
  return part.toBuffer();
}
