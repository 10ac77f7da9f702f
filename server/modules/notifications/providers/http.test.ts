import http from 'node:http';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWithin } from './http.js';

// A garbage collector on demand, without starting Node with --expose-gc.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

describe('postWithin', () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/silent') return; // never answers
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => res.writeHead(201).end(`got ${body}`));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('returns the status and the whole answer', async () => {
    const answer = await postWithin(
      `${url}/echo`,
      { headers: {}, body: '短信' },
      { signal: new AbortController().signal, timeoutMs: 2000 },
    );
    expect(answer).toEqual({ status: 201, ok: true, text: 'got 短信' });
  });

  // Node 20's fetch lost an AbortSignal.any(…, AbortSignal.timeout()) after a collection and
  // then waited for the silent server for ever; the deadline must hold through collections.
  it(
    'gives up on a server that never answers at its deadline, even while garbage is collected',
    { timeout: 10_000 },
    async () => {
      const collecting = setInterval(collectGarbage, 10);
      const started = Date.now();
      try {
        await expect(
          postWithin(
            `${url}/silent`,
            { headers: {}, body: 'x' },
            { signal: new AbortController().signal, timeoutMs: 300 },
          ),
        ).rejects.toMatchObject({ name: 'TimeoutError' });
      } finally {
        clearInterval(collecting);
      }
      expect(Date.now() - started).toBeLessThan(3000);
    },
  );

  it('stops when the caller aborts, with the caller’s reason', async () => {
    const caller = new AbortController();
    setTimeout(() => caller.abort(new DOMException('shutting down', 'AbortError')), 50);
    await expect(
      postWithin(`${url}/silent`, { headers: {}, body: 'x' }, { signal: caller.signal, timeoutMs: 10_000 }),
    ).rejects.toMatchObject({ name: 'AbortError', message: 'shutting down' });
  });
});
