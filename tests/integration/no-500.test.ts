import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, createTestApp, loginAs, type Agent, type TestApp } from '../support/app.js';

// A sweep of every route in the OpenAPI document with input a client should never send: unknown
// and malformed ids, impossible dates, numbers out of range, wrong types, hidden characters.
// Each must be answered with a 4xx naming what is wrong, never with a 500.

let t: TestApp;
let admin: Agent;
let spec: { paths: Record<string, Record<string, Operation>> };

interface Schema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
}
interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  spec = t.app.swagger() as unknown as typeof spec;
});
afterAll(() => t.close());

/** Routes that end the sweep's own session or need a file upload. */
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/disputes/{id}/evidence']);

const PATH_VALUES = [crypto.randomUUID(), 'not-an-id', '9999-99-99', 'x'.repeat(300)];
const QUERY_VALUES = ['9999-12-31', '2025-02-30', '-1', '1e309', 'x'.repeat(300), '\u202Eabc', 'a\u0000b'];

function typeOf(s: Schema | undefined): string {
  if (!s) return 'string';
  if (s.anyOf?.length) return typeOf(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0]);
  return Array.isArray(s.type) ? (s.type.find((x) => x !== 'null') ?? 'string') : (s.type ?? 'string');
}

/** For each property, a value a client should never send, chosen by the property's type. */
function junkFor(s: Schema | undefined, variant: number): unknown {
  switch (typeOf(s)) {
    case 'integer':
    case 'number':
      return [1e20, -1, 1.5, 'twelve'][variant % 4];
    case 'boolean':
      return ['yes', 1, null, {}][variant % 4];
    case 'array':
      return [[null], 'x', [{}], Array(3).fill('9999-02-30')][variant % 4];
    case 'object':
      return [{}, 'x', [], { x: '\u202E' }][variant % 4];
    default:
      return ['2025-02-30', '\u202E张\u200B三', 'x'.repeat(5000), 12345][variant % 4];
  }
}

function bodiesFor(op: Operation): unknown[] {
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema) return [undefined];
  const props = Object.entries(schema.properties ?? {});
  return [{}, ...[0, 1, 2, 3].map((v) => Object.fromEntries(props.map(([k, p]) => [k, junkFor(p, v)])))];
}

function routes(): { method: string; path: string; op: Operation }[] {
  const out: { method: string; path: string; op: Operation }[] = [];
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      if (SKIP.has(`${method.toUpperCase()} ${path}`)) continue;
      out.push({ method: method.toUpperCase(), path, op });
    }
  }
  return out;
}

describe('no input answers 500', () => {
  it('the sweep covers the API (a guard against an empty OpenAPI document)', () => {
    expect(routes().length).toBeGreaterThan(50);
  });

  it('every route, every malformed id, query value and body, as an administrator and without a session', async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const anon = agent(t.app);
    for (const { method, path, op } of routes()) {
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      for (const [k, idValue] of PATH_VALUES.entries()) {
        const url = pathParams.reduce((u, p) => u.replace(`{${p.name}}`, encodeURIComponent(idValue)), path);
        const queries = [''];
        if (k === 0)
          for (const q of QUERY_VALUES)
            queries.push('?' + queryParams.map((p) => `${p.name}=${encodeURIComponent(q)}`).join('&'));
        for (const query of queries) {
          for (const body of k === 0 && query === '' ? bodiesFor(op) : [undefined]) {
            for (const who of [admin, anon]) {
              const res = await who.request({
                method: method,
                url: url + query,
                payload: body as never,
                headers: body === undefined ? {} : { 'content-type': 'application/json' },
              });
              statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
              if (res.statusCode >= 500)
                failures.push(
                  `${method} ${url}${query} ${JSON.stringify(body)?.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 160)}`,
                );
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // The junk was refused as bad input, not waved through.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(500);
  }, 240_000);
});
