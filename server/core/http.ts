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

/** `/:id` of a record kept under a UUID. */
export const idParamsSchema = z.object({ id: z.string().uuid('编号格式不正确') });

const englishLocale = z.locales.en();

function englishOf(issue: unknown): string {
  // A refinement of ours names its English beside the Chinese message (params.en).
  const en = (issue as { params?: { en?: unknown } } | undefined)?.params?.en;
  if (typeof en === 'string') return en;
  try {
    const out = englishLocale.localeError(issue as never);
    return typeof out === 'string' ? out : (out?.message ?? 'Invalid value');
  } catch {
    return 'Invalid value';
  }
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  message: string,
  messageEn: string,
  field?: string,
) {
  const body: ApiError = { code, message, messageEn, requestId: String(request.id) };
  if (field) body.field = field;
  return reply.status(ERROR_STATUS[code]).send(body);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return send(reply, request, err.code, err.message, err.messageEn, err.field);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      // The provider hands over each zod issue as an AJV-like error: the issue's own fields are
      // its params, its code the keyword. Put the issue back together for the English locale.
      const issue = first
        ? ({ ...first.params, code: first.keyword, message: first.message } as {
            path?: PropertyKey[];
            message?: string;
          })
        : undefined;
      const field = issue?.path?.length
        ? issue.path.map(String).join('.')
        : first?.instancePath.replace(/^\//, '').replace(/\//g, '.') || undefined;
      const where = field ? `字段「${field}」` : '请求';
      const whereEn = field ? `Field "${field}"` : 'Request';
      return send(
        reply,
        request,
        'VALIDATION',
        `${where}不合法：${issue?.message ?? first?.message ?? ''}`,
        `${whereEn} is invalid: ${englishOf(issue)}`,
        field,
      );
    }
    const status = err.statusCode ?? 500;
    if (status === 429)
      return send(
        reply,
        request,
        'RATE_LIMITED',
        '请求过于频繁，请稍后再试',
        'Too many requests, please try again later',
      );
    if (status === 413) return send(reply, request, 'PAYLOAD_TOO_LARGE', '上传内容过大', 'Payload too large');
    if (status === 415) return send(reply, request, 'UNSUPPORTED_MEDIA', '不支持的内容类型', 'Unsupported media type');
    if (status >= 400 && status < 500)
      return send(reply, request, 'BAD_REQUEST', `请求格式错误：${err.message}`, `Bad request: ${err.message}`);
    request.log.error({ error: errorForLog(err) }, 'unhandled error');
    return send(
      reply,
      request,
      'INTERNAL',
      '服务器内部错误，请联系管理员并提供请求编号',
      'Internal server error; please quote the request id to support',
    );
  });
}

interface DatabaseErrorLike {
  code?: unknown;
  message?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
  query?: unknown;
  params?: unknown;
  cause?: unknown;
}

/** PostgreSQL (pg, PGlite) and Drizzle errors: a SQLSTATE code, or the failed query with its parameters. */
function isDatabaseError(e: DatabaseErrorLike): boolean {
  return (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) || 'params' in e || 'query' in e;
}

/**
 * A database message without the values PostgreSQL quotes in it: cut where a value follows
 * (`…for type uuid: "the value"`), quoted parts other than SQL identifiers masked (`value "…" is
 * out of range`), long digit runs masked.
 */
function withoutValues(message: unknown): string {
  return String(message ?? '')
    .split(/:\s/)[0]!
    .replace(/"([^"]*)"/g, (quoted, inner: string) => (/^[a-z_][a-z0-9_$]{0,62}$/.test(inner) ? quoted : '"***"'))
    .replace(/\d{6,}/g, '***')
    .slice(0, 200);
}

/**
 * What the log keeps of an unexpected error. Database errors carry the SQL text with its
 * parameters (resident ID hashes, phones, names) in `params`, in Drizzle's message and in
 * PostgreSQL's `detail`: only the SQLSTATE, the value-free part of the message, the table,
 * column and constraint names and the stack frames are kept. Other errors keep message and stack.
 */
export function errorForLog(err: unknown): Record<string, unknown> {
  if (!err || typeof err !== 'object') return { message: String(err) };
  const chain: DatabaseErrorLike[] = [];
  for (let e: unknown = err; e && typeof e === 'object' && chain.length < 5; e = (e as DatabaseErrorLike).cause)
    chain.push(e);
  if (!chain.some(isDatabaseError)) {
    const e = err as Error & { code?: unknown };
    return { type: e.name, message: e.message, code: e.code, stack: e.stack };
  }
  // The innermost error is PostgreSQL's own; the outer ones are wrappers (DrizzleQueryError).
  const pgError = [...chain].reverse().find((e) => typeof e.code === 'string') ?? chain[chain.length - 1]!;
  const frames = String((err as Error).stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .join('\n');
  const out: Record<string, unknown> = {
    type: 'DatabaseError',
    code: pgError.code,
    message: withoutValues(pgError.message),
    stack: frames,
  };
  for (const key of ['table', 'column', 'constraint'] as const)
    if (typeof pgError[key] === 'string') out[key] = pgError[key];
  return out;
}

/** The path (`a.b.0.c`) of the first string or object key holding a NUL character, walked without recursion. */
function nulPath(root: unknown): string[] | null {
  const stack: { value: unknown; at: string[] }[] = [{ value: root, at: [] }];
  while (stack.length) {
    const { value, at } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return at;
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, v] of Object.entries(value).reverse()) {
        if (key.includes('\u0000')) return [...at, key.split('\u0000').join('\\0')];
        stack.push({ value: v, at: [...at, key] });
      }
    }
  }
  return null;
}

/**
 * PostgreSQL text and jsonb cannot hold U+0000: a NUL anywhere in the path parameters, the query
 * string or a JSON body would end as a 500 from the database. Refused once, here, for every route.
 */
export function rejectNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const found = nulPath(part);
      if (!found) continue;
      const field = found.join('.') || 'body';
      throw new AppError(
        'VALIDATION',
        `字段「${field}」含有空字符（\\0），请删除后重试`,
        `Field "${field}" contains a NUL character (\\0); remove it and retry`,
        field,
      );
    }
  });
}
