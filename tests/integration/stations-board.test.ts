import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Station } from '../../contracts/stations/api.js';
import type { BoardItem, Suggestion } from '../../contracts/stations/board.js';
import { auditLog } from '../../server/modules/audit/tables.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { newAccount, type LoggedIn } from '../support/factories.js';
import { BAOHE, newStation, postSuggestion, registeredWorker, stationStaff } from '../support/stations.js';

// The stations' message board: a registered worker posts from the station's phone page, the
// board shows it without the phone, and the station's staff reply and mark it done.

let t: TestApp;
let staff: LoggedIn;
let station: Station;
let worker: Awaited<ReturnType<typeof registeredWorker>>;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  staff = await stationStaff(t);
  station = await newStation(t, staff);
  worker = await registeredWorker(t, station.code, { name: '王骑手', occupation: 'courier' });
});
afterAll(() => t.close());

/** A suggestion posted by a worker of its own (five an hour each), or by `by`. */
async function posted(body: string, by?: { token: string }): Promise<BoardItem> {
  const res = await postSuggestion(t, station.code, (by ?? (await registeredWorker(t, station.code))).token, { body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<BoardItem>();
}

const staffView = async (id: string, as: LoggedIn = staff): Promise<Suggestion> => {
  const res = await as.get(`/api/stations/${station.code}/suggestions?pageSize=200`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Suggestion[] }>().items.find((s) => s.id === id)!;
};

describe('posting and the public board', () => {
  it('keeps a worker’s suggestion and shows it on the board with a masked name, never the phone', async () => {
    const item = await posted('夏天午后空调太冷，能否调到 26 度', worker);
    expect(item).toMatchObject({ status: 'open', reply: null, occupation: 'courier', posterName: '王*' });
    const board = await agent(t.app).get(`/api/public/stations/${station.code}/suggestions`);
    expect(board.statusCode).toBe(200);
    expect(board.body).not.toContain(worker.phone);
    expect(board.body).not.toContain('王骑手');
    const page = board.json<{ items: BoardItem[]; total: number; page: number }>();
    expect(page.items[0]).toMatchObject({ id: item.id, body: '夏天午后空调太冷，能否调到 26 度', posterName: '王*' });
    const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(audit?.action).toBe('station_suggestion.posted');
  });

  it('pages the board on the server, newest first', async () => {
    const tick = () => (t.clock.now = new Date(t.clock.now.getTime() + 1000));
    tick();
    const first = await posted('第一条');
    tick();
    const second = await posted('第二条');
    const res = await agent(t.app).get(`/api/public/stations/${station.code}/suggestions?page=1&pageSize=1`);
    const page = res.json<{ items: BoardItem[]; total: number; pageSize: number }>();
    expect(page.pageSize).toBe(1);
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.items.map((i) => i.id)).toEqual([second.id]);
    const next = await agent(t.app).get(`/api/public/stations/${station.code}/suggestions?page=2&pageSize=1`);
    expect(next.json<{ items: BoardItem[] }>().items.map((i) => i.id)).toEqual([first.id]);
  });

  it('answers 401 without a token or with a bad one', async () => {
    const none = await postSuggestion(t, station.code, undefined, { body: '没有登录的留言' });
    expect(none.statusCode).toBe(401);
    const bad = await postSuggestion(t, station.code, 'x'.repeat(43), { body: '伪造的登录' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses bad input naming the field', async () => {
    const short = await postSuggestion(t, station.code, worker.token, { body: ' 好 ' });
    expect(short.statusCode).toBe(400);
    expect(short.json().field).toBe('body');
    const hidden = await postSuggestion(t, station.code, worker.token, { body: '隐藏\u202e字符' });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().field).toBe('body');
    const long = await postSuggestion(t, station.code, worker.token, { body: '长'.repeat(501) });
    expect(long.statusCode).toBe(400);
  });

  it('a closed station has no board', async () => {
    const closed = await newStation(t, staff, { status: 'closed' });
    const res = await postSuggestion(t, closed.code, worker.token, { body: '关了的站点' });
    expect(res.statusCode).toBe(404);
    expect((await agent(t.app).get(`/api/public/stations/${closed.code}/suggestions`)).statusCode).toBe(404);
  });

  it('takes five suggestions an hour from a worker; the sixth is 429', async () => {
    const busy = await registeredWorker(t, station.code);
    for (let i = 1; i <= 5; i++) {
      const res = await postSuggestion(t, station.code, busy.token, { body: `第 ${i} 条建议` });
      expect(res.statusCode, res.body).toBe(200);
    }
    const sixth = await postSuggestion(t, station.code, busy.token, { body: '第 6 条建议' });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().code).toBe('RATE_LIMITED');
  });
});

describe('the station’s staff', () => {
  it('reply (the worker is texted), reply again (both audited), and mark it done', async () => {
    const item = await posted('厕所的灯坏了', worker);
    const first = await staff.post(`/api/stations/${station.code}/suggestions/${item.id}/reply`, {
      reply: '已报修，明天上午更换',
      expectedVersion: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Suggestion>()).toMatchObject({ status: 'replied', reply: '已报修，明天上午更换', version: 2 });
    expect(first.json<Suggestion>().repliedBy).toBeTruthy();
    const texts = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, worker.phone), eq(outbox.template, 'stations.suggestion_replied')));
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toContain(station.name);

    const second = await staff.post(`/api/stations/${station.code}/suggestions/${item.id}/reply`, {
      reply: '灯已换好',
      expectedVersion: 2,
    });
    expect(second.json<Suggestion>()).toMatchObject({ status: 'replied', reply: '灯已换好', version: 3 });
    const done = await staff.post(`/api/stations/${station.code}/suggestions/${item.id}/done`, { expectedVersion: 3 });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<Suggestion>()).toMatchObject({ status: 'done', reply: '灯已换好', version: 4 });
    expect(done.json<Suggestion>().doneAt).toBeTruthy();

    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'station_suggestion.done',
      'station_suggestion.posted',
      'station_suggestion.replied',
      'station_suggestion.replied',
    ]);
    const board = await agent(t.app).get(`/api/public/stations/${station.code}/suggestions?pageSize=200`);
    expect(board.json<{ items: BoardItem[] }>().items.find((i) => i.id === item.id)).toMatchObject({
      status: 'done',
      reply: '灯已换好',
    });
    const doneOnly = await staff.get(`/api/stations/${station.code}/suggestions?status=done`);
    expect(doneOnly.json<{ items: Suggestion[] }>().items.map((s) => s.id)).toEqual([item.id]);
  });

  it('refuses a stale version with 409 naming expectedVersion', async () => {
    const item = await posted('微波炉需要清洁');
    await staff.post(`/api/stations/${station.code}/suggestions/${item.id}/reply`, {
      reply: '今天清洁',
      expectedVersion: 1,
    });
    const stale = await staff.post(`/api/stations/${station.code}/suggestions/${item.id}/done`, {
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().field).toBe('expectedVersion');
    expect((await staffView(item.id)).status).toBe('replied');
  });

  it('cannot reply to a done one', async () => {
    const item = await posted('门口的雨棚漏水');
    const done = await staff.post(`/api/stations/${station.code}/suggestions/${item.id}/done`, {
      expectedVersion: 1,
      reply: '已修好',
    });
    expect(done.json<Suggestion>()).toMatchObject({ status: 'done', reply: '已修好' });
    const again = await staff.post(`/api/stations/${station.code}/suggestions/${item.id}/reply`, {
      reply: '再说一次',
      expectedVersion: 2,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe('status');
    expect((await staffView(item.id)).reply).toBe('已修好');
  });

  it('refuses a reply without text naming the field', async () => {
    const item = await posted('充电口不够用');
    const res = await staff.post(`/api/stations/${station.code}/suggestions/${item.id}/reply`, {
      reply: '',
      expectedVersion: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('reply');
  });

  it('another region’s staff are refused 403', async () => {
    const item = await posted('希望周末也开放');
    const zhongshan = await stationStaff(t, '442000');
    expect((await zhongshan.get(`/api/stations/${station.code}/suggestions`)).statusCode).toBe(403);
    const res = await zhongshan.post(`/api/stations/${station.code}/suggestions/${item.id}/reply`, {
      reply: '不归我们管',
      expectedVersion: 1,
    });
    expect(res.statusCode).toBe(403);
    expect((await staffView(item.id)).status).toBe('open');
  });

  it('a station manager of the region may reply', async () => {
    const item = await posted('能否放一个急救箱');
    const manager = await newAccount(t, { role: 'station_manager', regionCode: BAOHE });
    const res = await manager.post(`/api/stations/${station.code}/suggestions/${item.id}/reply`, {
      reply: '本周配齐',
      expectedVersion: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Suggestion>()).toMatchObject({ status: 'replied', reply: '本周配齐' });
  });
});
