import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { doorEventAnswerSchema } from '../../../../contracts/stations/api.js';
import type { Deps } from '../../../core/deps.js';
import { asZod, errorResponses } from '../../../core/http.js';
import { perInstanceBrake } from '../../limits/requests.js';
import { admsCommandResults, admsHandshake, admsHeartbeat, admsUpload, UnknownTerminal } from './adms.js';
import { receiveDoorEvent } from './webhook.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as sent: the webhook's signature is over these bytes. */
    rawBody?: string;
  }
}

const signedHeaders = z.looseObject({
  'x-device-serial': z.string().max(128).optional(),
  'x-timestamp': z.string().max(32).optional(),
  'x-signature': z.string().max(128).optional(),
});
const admsQuery = z.looseObject({
  SN: z.string().max(128).optional(),
  table: z.string().max(32).optional(),
  Stamp: z.string().max(64).optional(),
  options: z.string().max(16).optional(),
});
const admsText = z.string();
const MAX_BODY = 1024 * 1024;

/** Door terminals: their own scope, whose parsers keep the body as text (signatures, ADMS lines). */
export async function doorRoutes(fastify: FastifyInstance, deps: Deps) {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (request, body, done) => {
      request.rawBody = body as string;
      done(null, body);
    },
  );
  // ADMS terminals post plain lines with whatever content type their firmware sets, or none.
  fastify.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_BODY }, (_request, body, done) =>
    done(null, body),
  );
  const app = asZod(fastify);
  app.post(
    '/api/stations/door-events',
    {
      schema: {
        tags: ['stations (devices)'],
        summary:
          '门禁事件签名回调（X-Device-Serial, X-Timestamp, X-Signature = HMAC-SHA256(timestamp.body)） A signed door event',
        headers: signedHeaders,
        body: z.string().max(64 * 1024),
        response: { 200: doorEventAnswerSchema, ...errorResponses },
      },
      config: perInstanceBrake(600),
    },
    async (request) =>
      receiveDoorEvent(deps, {
        serial: request.headers['x-device-serial'],
        timestamp: request.headers['x-timestamp'],
        signature: request.headers['x-signature'],
        body: request.rawBody ?? '',
      }),
  );
  const text = (reply: FastifyReply, run: () => Promise<string>) =>
    run().then(
      (answer) => reply.type('text/plain; charset=utf-8').send(answer),
      (error: unknown) => {
        if (error instanceof UnknownTerminal) return reply.status(401).type('text/plain').send('UNKNOWN DEVICE');
        throw error;
      },
    );
  const adms = {
    tags: ['stations (ZKTeco ADMS)'],
    querystring: admsQuery,
    response: { ...errorResponses, 200: admsText, 401: admsText },
  };
  app.get(
    '/iclock/cdata',
    { schema: { ...adms, summary: 'ADMS 握手 Handshake: the device’s options' }, config: perInstanceBrake(600) },
    async (request, reply) => text(reply, () => admsHandshake(deps, request.query.SN)),
  );
  app.post(
    '/iclock/cdata',
    {
      schema: { ...adms, summary: 'ADMS 数据上传（ATTLOG 等） Upload of a table', body: z.string().max(MAX_BODY) },
      config: perInstanceBrake(600),
    },
    async (request, reply) =>
      text(reply, () =>
        admsUpload(
          deps,
          { serial: request.query.SN, table: request.query.table, stamp: request.query.Stamp },
          request.body,
        ),
      ),
  );
  app.get(
    '/iclock/getrequest',
    {
      schema: { ...adms, summary: 'ADMS 心跳与下发命令 Heartbeat and pending commands' },
      config: perInstanceBrake(600),
    },
    async (request, reply) => text(reply, () => admsHeartbeat(deps, request.query.SN)),
  );
  app.post(
    '/iclock/devicecmd',
    {
      schema: { ...adms, summary: 'ADMS 命令执行结果 Command results', body: z.string().max(MAX_BODY) },
      config: perInstanceBrake(600),
    },
    async (request, reply) => text(reply, () => admsCommandResults(deps, request.query.SN, request.body)),
  );
}
