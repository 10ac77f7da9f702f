import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { importUploadFieldsSchema } from '../../../contracts/imports.js';
import type { Deps } from '../../core/deps.js';
import { AppError } from '../../core/errors.js';
import { importRepo } from './repository.js';
import { EncodingDetector, sniffFormat, type CsvEncoding, type ImportFormat } from './source.js';

/** The database keeps a file in pieces of this size (bytea rows), read back one at a time. */
const CHUNK_BYTES = 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function tooLarge(limit: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `文件超过 ${megabytes(limit)}，请分成几个文件导入`,
    `The file exceeds ${megabytes(limit)}; split it into several files`,
    'file',
  );
}

export interface UploadRequest {
  fields: { kind: string; acceptWarnings: boolean };
  file: MultipartFile;
}

/** The multipart request's fields (sent before the file) and its one file part. */
export async function readImportRequest(request: FastifyRequest, maxBytes: number): Promise<UploadRequest> {
  if (!request.isMultipart()) {
    throw new AppError('VALIDATION', '请以表单方式上传文件', 'Send the file as multipart/form-data', 'file');
  }
  const file = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 10 } });
  if (!file) throw new AppError('VALIDATION', '请选择要导入的文件', 'Choose a file to import', 'file');
  const raw = Object.fromEntries(
    Object.entries(file.fields).flatMap(([name, field]) =>
      field && !Array.isArray(field) && field.type === 'field' ? [[name, String(field.value)]] : [],
    ),
  );
  const parsed = importUploadFieldsSchema.safeParse(raw);
  if (!parsed.success) {
    file.file.resume();
    const field = String(parsed.error.issues[0]?.path[0] ?? 'kind');
    throw new AppError(
      'VALIDATION',
      `字段「${field}」不合法（须在文件之前发送）`,
      `Field "${field}" is invalid (send it before the file)`,
      field,
    );
  }
  return { fields: { kind: parsed.data.kind, acceptWarnings: parsed.data.acceptWarnings === 'true' }, file };
}

export interface StoredFile {
  format: ImportFormat;
  encoding: CsvEncoding | null;
  byteSize: number;
  sha256: string;
}

/**
 * Streams the file into the import's chunks while hashing it and deciding its encoding; the first
 * piece is judged by its bytes before anything is kept. Memory holds one piece at a time.
 */
export async function storeFile(deps: Deps, importId: string, file: MultipartFile): Promise<StoredFile> {
  const hash = crypto.createHash('sha256');
  const detector = new EncodingDetector();
  let format: ImportFormat | null = null;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let byteSize = 0;
  const flush = async (final: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (final && pendingBytes > 0)) {
      const all = Buffer.concat(pending);
      const piece = all.subarray(0, CHUNK_BYTES);
      const rest = all.subarray(piece.length);
      if (format === null) format = await sniffFormat(piece);
      if (format === 'xlsx' && byteSize > deps.config.importXlsxMaxBytes)
        throw tooLarge(deps.config.importXlsxMaxBytes);
      await importRepo.insertChunk(deps.db, importId, seq++, Buffer.from(piece));
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
    }
  };
  try {
    for await (const data of file.file as AsyncIterable<Buffer>) {
      hash.update(data);
      detector.push(data);
      byteSize += data.length;
      pending.push(data);
      pendingBytes += data.length;
      await flush(false);
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(deps.config.importMaxBytes);
    throw err;
  }
  if (file.file.truncated) throw tooLarge(deps.config.importMaxBytes);
  await flush(true);
  if (format === null) throw new AppError('VALIDATION', '文件为空', 'The file is empty', 'file');
  const chosen: ImportFormat = format;
  return {
    format: chosen,
    encoding: chosen === 'csv' ? detector.finish() : null,
    byteSize,
    sha256: hash.digest('hex'),
  };
}

/** The stored file's bytes, in 48 KB slices of its pieces; `read` counts the bytes handed out (for progress). */
export async function* storedBytes(deps: Deps, importId: string, read: { bytes: number }): AsyncIterable<Buffer> {
  for (let seq = 0; ; seq++) {
    const slices = await importRepo.chunkSlices(deps.db, importId, seq);
    if (!slices.length) return;
    for (const slice of slices) {
      read.bytes += slice.length;
      yield slice;
    }
  }
}
