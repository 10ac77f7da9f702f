import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** A file the app hands to a browser: a generated document, an upload, a workbook (buffered or streamed). */
export interface Download {
  filename: string;
  mime: string;
  content: Buffer | Readable;
}

/**
 * Always an attachment, never shown inline: an uploaded file never runs in the app's origin,
 * whatever it contains; and no cache keeps a case's papers or a list of employers and people.
 */
export function sendAttachment(reply: FastifyReply, file: Download) {
  return reply
    .type(file.mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.content);
}
