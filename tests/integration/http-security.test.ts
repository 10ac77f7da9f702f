import fs from 'node:fs';
import { ADDRESS_MAX_FAILURES } from '../../server/modules/auth/login-limits.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResidentId } from '../../server/core/identifiers/resident-id.js';
import { auditLog } from '../../server/modules/audit/tables.js';
import { createTestApp, DEMO_PASSWORD, loginAs, type Agent, type TestApp } from '../support/app.js';

// The HTTP platform layer of security issue #7: forwarded headers, CSRF whatever the spelling
// of the path, personal data kept out of the logs, security headers, NUL bytes and impossible
// dates, liveness and readiness.

let t: TestApp;
let admin: Agent;
let port: number;
const logLines: string[] = [];
const logTo = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(chunk.toString());
    done();
  },
});
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-web-'));
fs.writeFileSync(
  path.join(webDist, 'index.html'),
  '<!doctype html><html><head><title>一站</title></head><body><div id="root"></div></body></html>',
);

const residentId = buildResidentId({ regionCode: '442000', birthDate: '1979-03-08', sequence: 417 });
const phone = '13687654321';
let personId = '';

beforeAll(async () => {
  t = await createTestApp({ logTo, webDist });
  admin = await loginAs(t.app, 'admin');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
  const created = await admin.post('/api/people', { name: '日志测试', phone, residentId, regionCode: '442000' });
  expect(created.statusCode, created.body).toBe(200);
  personId = created.json().id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

/** A real HTTP request on the socket, so the request target reaches the server exactly as written. */
function raw(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: target,
        headers: body ? { 'content-type': 'application/json', ...headers } : headers,
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function revealsOf(id: string): Promise<number> {
  const rows = await t.deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'person.resident_id_revealed'), eq(auditLog.entityId, id)));
  return rows[0]!.n;
}

async function lastLoginIp(): Promise<string | null> {
  const [row] = await t.deps.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, 'auth.login'))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row?.ip ?? null;
}

describe('forwarded headers (TRUST_PROXY)', () => {
  it('by default ignores X-Forwarded-For: rotating it gives no fresh login attempts', async () => {
    // One address may fail ADDRESS_MAX_FAILURES sign-ins across all names; a forged header is no new address.
    const statuses: number[] = [];
    for (let i = 0; i <= ADDRESS_MAX_FAILURES; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '192.0.2.50',
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
        payload: { username: `nobody${i}`, password: 'wrong-password-1' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, ADDRESS_MAX_FAILURES)).not.toContain(429);
    expect(statuses[ADDRESS_MAX_FAILURES]).toBe(429);
  });

  it('by default records the socket address in the audit trail, not the forwarded one', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '192.0.2.77',
      headers: { 'x-forwarded-for': '203.0.113.9' },
      payload: { username: 'admin', password: DEMO_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await lastLoginIp()).toBe('192.0.2.77');
  });

  it('with TRUST_PROXY=127.0.0.1 uses the address forwarded by that proxy only', async () => {
    const proxied = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      const login = (remoteAddress: string) =>
        proxied.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          headers: { 'x-forwarded-for': '203.0.113.9' },
          payload: { username: 'admin', password: DEMO_PASSWORD },
        });
      const ipOf = async () =>
        (
          await proxied.deps.db
            .select()
            .from(auditLog)
            .where(eq(auditLog.action, 'auth.login'))
            .orderBy(desc(auditLog.id))
            .limit(1)
        )[0]!.ip;
      expect((await login('127.0.0.1')).statusCode).toBe(200);
      expect(await ipOf()).toBe('203.0.113.9');
      // Someone else than the proxy cannot choose their address.
      expect((await login('192.0.2.8')).statusCode).toBe(200);
      expect(await ipOf()).toBe('192.0.2.8');
    } finally {
      await proxied.close();
    }
  });
});

describe('CSRF whatever the spelling of the path', () => {
  const spellings = (p: string) => [
    `/api${p}`,
    `/%61pi${p}`,
    `/%2561pi${p}`,
    `/API${p}`,
    `//api${p}`,
    `http://127.0.0.1:${port}/api${p}`,
    `http://127.0.0.1:${port}/%61pi${p}`,
  ];
  const session = () => ({ cookie: admin.cookie! });
  const withToken = () => ({ cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken! });

  it('refuses a calendar change without the token under every spelling of /api', async () => {
    for (const target of spellings('/disputes/calendar-overrides')) {
      const res = await raw(
        'PUT',
        target,
        session(),
        JSON.stringify({ date: '2025-07-01', kind: 'holiday', note: `via ${target}` }),
      );
      expect(res.status, `${target}: ${res.body}`).toBe(403);
      expect(JSON.parse(res.body).code, target).toBe('CSRF');
    }
    const list = (await admin.get('/api/disputes/calendar-overrides')).json();
    expect(list.items.filter((i: { date: string }) => i.date === '2025-07-01')).toEqual([]);
  });

  it('refuses an identity reveal without the token under every spelling, and none is recorded', async () => {
    for (const target of spellings(`/people/${personId}/reveal-resident-id`)) {
      const res = await raw('POST', target, session());
      expect(res.status, `${target}: ${res.body}`).toBe(403);
      expect(res.body).not.toContain(residentId);
    }
    expect(await revealsOf(personId)).toBe(0);
  });

  it('still works with the token, however the path is spelt', async () => {
    const put = await raw(
      'PUT',
      '/%61pi/disputes/calendar-overrides',
      withToken(),
      JSON.stringify({ date: '2025-07-02', kind: 'holiday', note: 'with token' }),
    );
    expect(put.status, put.body).toBe(200);
    const reveal = await raw('POST', `http://127.0.0.1:${port}/api/people/${personId}/reveal-resident-id`, withToken());
    expect(reveal.status, reveal.body).toBe(200);
    expect(JSON.parse(reveal.body).residentId).toBe(residentId);
    expect(await revealsOf(personId)).toBe(1);
    // A path no route answers is a 404 with the token, not a CSRF refusal.
    expect((await raw('POST', `/API/people/${personId}/reveal-resident-id`, withToken())).status).toBe(404);
  });

  it('checks the token on state-changing requests to any path, not only /api', async () => {
    const res = await raw('POST', '/anything-else', session());
    expect(res.status).toBe(403);
    expect((await raw('GET', '/%61pi/auth/me', session())).status).not.toBe(403);
  });
});

describe('personal data stays out of the logs', () => {
  const logged = () => logLines.join('');

  it('searches by resident ID and phone through a POST body, and the log shows neither', async () => {
    logLines.length = 0;
    const byId = await admin.post('/api/people/search', { q: residentId });
    expect(byId.statusCode, byId.body).toBe(200);
    expect(byId.json().items.map((p: { id: string }) => p.id)).toEqual([personId]);
    const byPhone = await admin.post('/api/people/search', { q: phone, pageSize: 5 });
    expect(byPhone.json().items.map((p: { id: string }) => p.id)).toEqual([personId]);
    const byName = await admin.post('/api/people/search', { q: '日志测试' });
    expect(byName.json().total).toBe(1);
    expect(logged()).toContain('/api/people/search');
    expect(logged()).not.toContain(residentId);
    expect(logged()).not.toContain(phone);
  });

  it('keeps resident IDs and phones out of URLs: GET /api/people refuses them, and logs mask query values', async () => {
    logLines.length = 0;
    const res = await admin.get(`/api/people?q=${residentId}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', field: 'q' });
    expect(res.json().messageEn).toContain('POST /api/people/search');
    expect((await admin.get(`/api/people?q=${phone}`)).statusCode).toBe(400);
    // Names still go through the list.
    expect((await admin.get(`/api/people?q=${encodeURIComponent('日志测试')}`)).json().total).toBe(1);
    expect(logged()).toContain('/api/people?q=***');
    expect(logged()).not.toContain(residentId);
    expect(logged()).not.toContain(phone);
    expect(logged()).not.toContain(encodeURIComponent('日志测试'));
  });

  it('logs a failing SQL statement with its code and request id, never its parameters', async () => {
    await t.deps.db.execute(sql`ALTER TABLE people RENAME TO people_moved_away`);
    try {
      for (const q of [phone, residentId]) {
        logLines.length = 0;
        const res = await admin.post('/api/people/search', { q });
        expect(res.statusCode).toBe(500);
        const requestId = res.json().requestId;
        const lines = logLines.filter((l) => l.includes('"level":50'));
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.join('')).toContain(requestId);
        expect(lines.join('')).toContain('42P01'); // undefined_table: the SQLSTATE is kept
        expect(logged()).not.toContain(q);
        // Not even the keyed hash that the search by resident ID sends as a parameter.
        expect(logged()).not.toContain(t.deps.cipher.searchHash(residentId));
      }
    } finally {
      await t.deps.db.execute(sql`ALTER TABLE people_moved_away RENAME TO people`);
    }
  });
});

describe('security headers', () => {
  function expectSecurityHeaders(h: Record<string, unknown>) {
    const csp = String(h['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['x-frame-options']).toBe('DENY');
  }

  it('on the web app, including the employer link page, whose token must not leak through Referer', async () => {
    for (const url of ['/', '/people', '/e/AbCdEfGhIjKlMnOpQrStUv']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expectSecurityHeaders(res.headers);
    }
  });

  it('on API responses, with no-store on everything under /api (identity reveals, /api/auth/me)', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expectSecurityHeaders(anonymous.headers);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const me = await admin.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const reveal = await admin.post(`/api/people/${personId}/reveal-resident-id`);
    expect(reveal.statusCode).toBe(200);
    expect(reveal.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(reveal.headers);
    expect((await admin.get('/api/people')).headers['cache-control']).toBe('no-store');
  });

  it('keeps the API documentation page working', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-initializer.js');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const initializer = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json().openapi).toMatch(/^3\./);
  });
});

describe('inputs that used to answer 500', () => {
  it('a NUL character in a query string is a 400 naming the field', async () => {
    const res = await admin.get('/api/people?q=%E5%BC%A0%00%E4%B8%89');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', field: 'q' });
    expect(res.json().message).toContain('q');
    expect(res.json().messageEn).toContain('"q"');
  });

  it('a NUL character in a JSON body field is a 400 naming the field', async () => {
    const res = await admin.put('/api/disputes/calendar-overrides', {
      date: '2025-08-01',
      kind: 'holiday',
      note: '台风\u0000停工',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', field: 'note' });
    const nested = await admin.post('/api/labor-law/calculate', { facts: { items: [{ label: 'a\u0000b' }] } });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().field).toBe('facts.items.0.label');
  });

  it('a NUL character in a path parameter is a 400 naming the parameter', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/disputes/employer/AbCdEfGhIj%00KlMnOpQrStUv' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', field: 'token' });
  });

  it('an impossible or far-future date in the audit filter is a 400 naming the field', async () => {
    for (const [query, field] of [
      ['from=9999-12-31', 'from'],
      ['to=2025-02-30', 'to'],
      ['from=%2B275760-09-13T00:00:00.000Z', 'from'],
      ['to=2025-13-01T00:00:00Z', 'to'],
    ] as const) {
      const res = await admin.get(`/api/audit?${query}`);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION', field });
    }
    // What the web app sends (Shanghai day bounds as UTC instants) still works.
    const ok = await admin.get('/api/audit?from=2025-01-31T16:00:00.000Z&to=2025-02-28T15:59:59.999Z');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await admin.get('/api/audit?from=2025-01-01&pageSize=1')).statusCode).toBe(200);
  });
});

describe('liveness and readiness', () => {
  it('/healthz says the process is up (JSON, not the web app page)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toMatchObject({ ok: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ ok: true });
  });

  it('/readyz answers 200 when the database answers, 503 with a reason when it does not', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ ok: true, database: 'ok' });

    const other = await createTestApp({ demoScale: null });
    try {
      expect((await other.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      await other.database.close();
      const down = await other.app.inject({ method: 'GET', url: '/readyz' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ ok: false, database: 'unavailable' });
      expect(down.json().reason).toMatch(/database/i);
      // Liveness does not depend on the database.
      expect((await other.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await other.close(); // closing the database again is harmless
    }
  });
});
