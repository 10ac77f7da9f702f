import type { FastifyReply } from 'fastify';
import type { Download } from './workbooks.js';

/** Always an attachment, never cached (the rows name employers and people). */
export function sendDownload(reply: FastifyReply, file: Download) {
  return reply
    .type(file.mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.content);
}
