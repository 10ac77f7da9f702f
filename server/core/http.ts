import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiError, ErrorCode } from '../../contracts/errors.js';
import { ERROR_STATUS } from '../../contracts/errors.js';
import { AppError } from './errors.js';

/** A Fastify instance whose route schemas are zod schemas. */
export type ZodFastify = ReturnType<typeof asZod>;

export function asZod(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  field: z.string().optional(),
  requestId: z.string(),
});

/** Standard error responses to declare on routes so OpenAPI documents them. */
export const errorResponses = {
  400: apiErrorSchema,
  401: apiErrorSchema,
  403: apiErrorSchema,
  404: apiErrorSchema,
  409: apiErrorSchema,
};

const englishLocale = z.locales.en();

function englishOf(issue: unknown): string {
  try {
    const out = englishLocale.localeError(issue as never);
    return typeof out === 'string' ? out : (out?.message ?? 'Invalid value');
  } catch {
    return 'Invalid value';
  }
}

function send(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, message: string, messageEn: string, field?: string) {
  const body: ApiError = { code, message, messageEn, requestId: String(request.id) };
  if (field) body.field = field;
  return reply.status(ERROR_STATUS[code]).send(body);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return send(reply, request, err.code, err.message, err.messageEn, err.field);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const issue = first?.params?.issue as { path?: PropertyKey[]; message?: string } | undefined;
      const field = issue?.path?.length ? issue.path.map(String).join('.') : first?.instancePath.replace(/^\//, '').replace(/\//g, '.') || undefined;
      const where = field ? `字段「${field}」` : '请求';
      const whereEn = field ? `Field "${field}"` : 'Request';
      return send(reply, request, 'VALIDATION', `${where}不合法：${issue?.message ?? first?.message ?? ''}`, `${whereEn} is invalid: ${englishOf(issue)}`, field);
    }
    const status = err.statusCode ?? 500;
    if (status === 429) return send(reply, request, 'RATE_LIMITED', '请求过于频繁，请稍后再试', 'Too many requests, please try again later');
    if (status === 413) return send(reply, request, 'PAYLOAD_TOO_LARGE', '上传内容过大', 'Payload too large');
    if (status === 415) return send(reply, request, 'UNSUPPORTED_MEDIA', '不支持的内容类型', 'Unsupported media type');
    if (status >= 400 && status < 500) return send(reply, request, 'BAD_REQUEST', `请求格式错误：${err.message}`, `Bad request: ${err.message}`);
    request.log.error({ err }, 'unhandled error');
    return send(reply, request, 'INTERNAL', '服务器内部错误，请联系管理员并提供请求编号', 'Internal server error; please quote the request id to support');
  });
}
