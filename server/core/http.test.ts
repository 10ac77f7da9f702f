import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.js';
import { asZod, installErrorHandling } from './http.js';

async function appWith() {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  app.get('/boom', async () => {
    throw new Error('password=hunter2 at db.internal:5432');
  });
  app.get('/conflict', async () => {
    throw new AppError('CONFLICT', '已存在', 'Already exists', 'uscc');
  });
  asZod(app).post('/typed', { schema: { body: z.object({ nested: z.object({ amountFen: z.number().int() }) }) } }, async () => ({ ok: true }));
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
    expect(res.json()).toMatchObject({ code: 'CONFLICT', message: '已存在', messageEn: 'Already exists', field: 'uscc' });
  });

  it('names the nested field of a schema violation in both languages', async () => {
    const res = await (await appWith()).inject({ method: 'POST', url: '/typed', payload: { nested: { amountFen: 1.5 } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('nested.amountFen');
    expect(res.json().message).toContain('nested.amountFen');
    expect(res.json().messageEn).toContain('nested.amountFen');
  });
});
