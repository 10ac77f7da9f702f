import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/modules/audit/tables.js';
import { people } from '../../server/modules/people/tables.js';
import { DEMO_PASSWORD, type TestApp } from '../support/app.js';
import { ensureWebBuilt, launchChromium, signIn, startServer } from './support.js';

// A page of the same site (127.0.0.1, another port: another origin) sends a signed-in user's
// browser to a state-changing endpoint spelt /%61pi/…. SameSite=Lax lets the cookie go along;
// the CSRF token must still be demanded.

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let sameSite: http.Server;
let sameSiteUrl: string;
let personId: string;

beforeAll(async () => {
  ensureWebBuilt();
  ({ t, baseUrl } = await startServer());
  const [person] = await t.deps.db
    .select({ id: people.id })
    .from(people)
    .where(and(isNotNull(people.residentIdEnc), eq(people.regionCode, '442000')))
    .limit(1);
  personId = person!.id;
  sameSite = http.createServer((_req, res) => {
    const target = `${baseUrl}/%61pi/people/${personId}/reveal-resident-id`;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><title>waiting</title><script>
      fetch(${JSON.stringify(target)}, { method: 'POST', credentials: 'include', mode: 'no-cors' })
        .then(() => { document.title = 'sent'; }, () => { document.title = 'failed'; });
    </script>`);
  });
  await new Promise<void>((resolve) => sameSite.listen(0, '127.0.0.1', resolve));
  sameSiteUrl = `http://127.0.0.1:${(sameSite.address() as AddressInfo).port}/`;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => sameSite?.close(resolve));
  await t?.close();
});

async function reveals(): Promise<number> {
  const [row] = await t.deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'person.resident_id_revealed'), eq(auditLog.entityId, personId)));
  return row!.n;
}

describe('CSRF from a same-site page', () => {
  it('a no-cors POST to /%61pi/people/<id>/reveal-resident-id carries the session cookie but reveals nothing', async () => {
    await signIn(page, baseUrl, 'admin', DEMO_PASSWORD);
    expect(await reveals()).toBe(0);

    // What reaches the server, seen on its socket: the cookie sent and the status answered.
    const seen: { cookie: string; status: number }[] = [];
    const watch = (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (req.url?.startsWith('/%61pi/'))
        res.on('finish', () => seen.push({ cookie: req.headers.cookie ?? '', status: res.statusCode }));
    };
    t.app.server.on('request', watch);
    try {
      const attack = await context.newPage();
      await attack.goto(sameSiteUrl);
      // The page's fetch settles either way (the opaque answer may also be blocked by CORP).
      await expect.poll(() => attack.title()).not.toBe('waiting');
      await expect.poll(() => seen.length).toBe(1);
    } finally {
      t.app.server.off('request', watch);
    }
    // The browser did send the session along: only the missing token stops the request.
    expect(seen[0]!.cookie).toContain('yz_session=');
    expect(seen[0]!.status).toBe(403);
    expect(await reveals()).toBe(0);
  });

  it('the signed-in page itself still reveals, with its token', async () => {
    const status = await page.evaluate(async (id) => {
      const me = await fetch('/api/auth/me').then((r) => r.json());
      const res = await fetch(`/api/people/${id}/reveal-resident-id`, {
        method: 'POST',
        headers: { 'x-csrf-token': me.csrfToken },
      });
      return res.status;
    }, personId);
    expect(status).toBe(200);
    expect(await reveals()).toBe(1);
  });
});
