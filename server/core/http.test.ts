import { Writable } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.js';
import { asZod, errorForLog, installErrorHandling, rejectNulCharacters } from './http.js';

async function appWith(logTo?: Writable) {
  const loggerInstance: FastifyBaseLogger | undefined = logTo ? pino({ level: 'info' }, logTo) : undefined;
  const app = Fastify(loggerInstance ? { loggerInstance } : { logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  rejectNulCharacters(app);
  app.get('/boom', async () => {
    throw new Error('password=hunter2 at db.internal:5432');
  });
  app.get('/conflict', async () => {
    throw new AppError('CONFLICT', '已存在', 'Already exists', 'uscc');
  });
  // A failing statement whose parameters are a resident ID and a phone (a database only when asked).
  let client: PGlite | null = null;
  app.addHook('onClose', async () => client?.close());
  app.get('/sql-error', async () => {
    client ??= new PGlite();
    return drizzle(client).execute(sql`select ${'110101199003077777'}::int, ${'13912345678'}::uuid`);
  });
  app.get('/echo/:word', async (request) => ({ params: request.params, query: request.query }));
  asZod(app).post(
    '/typed',
    { schema: { body: z.object({ nested: z.object({ amountFen: z.number().int() }) }) } },
    async () => ({ ok: true }),
  );
  return app;
}

describe('error handling', () => {
  it('hides the internals of a 5xx and gives a request id', async () => {
    const app = await appWith();
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(res.json()).toMatchObject({ code: 'INTERNAL', requestId: expect.any(String) });
  });

  it('maps an AppError code to its status and keeps the field', async () => {
    const res = await (await appWith()).inject({ method: 'GET', url: '/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'CONFLICT',
      message: '已存在',
      messageEn: 'Already exists',
      field: 'uscc',
    });
  });

  it('names the nested field of a schema violation in both languages', async () => {
    const res = await (
      await appWith()
    ).inject({ method: 'POST', url: '/typed', payload: { nested: { amountFen: 1.5 } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('nested.amountFen');
    expect(res.json().message).toContain('nested.amountFen');
    expect(res.json().messageEn).toContain('nested.amountFen');
  });
});

describe('what gets logged of an unexpected error', () => {
  it('logs a failed SQL statement with its SQLSTATE and request id, never its parameters', async () => {
    const lines: string[] = [];
    const app = await appWith(new Writable({ write: (c, _e, done) => (lines.push(c.toString()), done()) }));
    const res = await app.inject({ method: 'GET', url: '/sql-error' });
    await app.close();
    expect(res.statusCode).toBe(500);
    const errorLine = lines.map((l) => JSON.parse(l)).find((l) => l.level === 50);
    expect(errorLine).toMatchObject({
      reqId: res.json().requestId,
      error: { type: 'DatabaseError', code: '22003', message: 'value "***" is out of range for type integer' },
    });
    expect(lines.join('')).not.toContain('110101199003077777');
    expect(lines.join('')).not.toContain('13912345678');
    expect(lines.join('')).not.toMatch(/select \$1/);
  });

  it('keeps message and stack of other errors', () => {
    const out = errorForLog(new TypeError('x is not a function'));
    expect(out).toMatchObject({ type: 'TypeError', message: 'x is not a function' });
    expect(String(out.stack)).toContain('http.test.ts');
  });
});

describe('NUL characters', () => {
  it('are refused with the path of the field, in the query, the path and nested JSON', async () => {
    const app = await appWith();
    const inQuery = await app.inject({ method: 'GET', url: '/echo/ok?name=a%00b' });
    expect(inQuery.statusCode).toBe(400);
    expect(inQuery.json()).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect(inQuery.json().message).toContain('name');
    expect(inQuery.json().messageEn).toContain('NUL');
    expect((await app.inject({ method: 'GET', url: '/echo/a%00b' })).json().field).toBe('word');
    const nested = await app.inject({
      method: 'POST',
      url: '/typed',
      payload: { nested: { list: ['ok', 'x\u0000'] } },
    });
    expect(nested.json()).toMatchObject({ code: 'VALIDATION', field: 'nested.list.1' });
    const inKey = await app.inject({ method: 'POST', url: '/typed', payload: { 'k\u0000': 1 } });
    expect(inKey.json().field).toBe('k\\0');
    // A tab, a line break or Chinese text is no reason to refuse.
    expect((await app.inject({ method: 'GET', url: '/echo/ok?name=%E5%BC%A0%09%0A' })).statusCode).toBe(200);
  });
});
