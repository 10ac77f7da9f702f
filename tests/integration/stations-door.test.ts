import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Station, WorkerPass } from '../../contracts/stations/api.js';
import type { DoorRejectReason } from '../../contracts/stations/codes.js';
import {
  ATTLOG_BODY,
  ATTLOG_BODY_DAMAGED,
  DEVICECMD_BODY,
  HANDSHAKE_QUERY,
  OPERLOG_BODY,
  RECORDED_SERIAL,
} from '../../server/modules/stations/door/adms-recorded.js';
import { stationDeviceCommands, stationDoorRejects, stationVisits } from '../../server/modules/stations/tables.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { newAccount, type LoggedIn } from '../support/factories.js';
import {
  newDevice,
  newStation,
  phoneAgent,
  registeredWorker,
  signedDoorEvent,
  stationCodeTo,
  stationStaff,
} from '../support/stations.js';

// Workers at the door: registration from a station's QR with a texted code, the personal pass,
// and the two door protocols that turn entries into visits — ZKTeco's ADMS push with recorded
// terminal requests, and the signed JSON webhook (bad signature, stale, replay).

let t: TestApp;
let staff: LoggedIn;
let station: Station;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  staff = await stationStaff(t);
  station = await newStation(t, staff);
});
afterAll(() => t.close());

const visitsOf = async (stationCode: string) =>
  (await staff.get(`/api/stations/${stationCode}/visits?pageSize=100`)).json<{
    items: { workerName: string; method: string; occurredAt: string }[];
    total: number;
  }>();
const rejectsOf = async (reason: DoorRejectReason) =>
  (await t.deps.db.select().from(stationDoorRejects).where(eq(stationDoorRejects.reason, reason))).length;

describe('registration at the door', () => {
  it('registers a worker with the texted code, once, recognised at every station', async () => {
    const w = await registeredWorker(t, station.code, { name: '李骑手', occupation: 'courier', platform: '顺丰' });
    expect(w).toMatchObject({
      name: '李骑手',
      occupation: 'courier',
      platform: '顺丰',
      registeredStation: { code: station.code },
    });
    expect(w.passCode).toMatch(new RegExp(`^YZP1-${w.pin}-[0-9a-f]{20}$`));
    expect(w.phoneMasked).not.toContain(w.phone.slice(3, 7));
    // At another station the same phone is the same worker, with the same door PIN.
    const other = await newStation(t, staff);
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    const again = await registeredWorker(t, other.code, { phone: w.phone, name: '李骑手', occupation: 'rider' });
    expect(again.pin).toBe(w.pin);
    expect(again.occupation).toBe('rider');
    expect(again.registeredStation.code).toBe(station.code);
    expect((await staff.get(`/api/stations/${station.code}`)).json<Station>().registeredWorkers).toBeGreaterThanOrEqual(
      1,
    );
    // The pass opens again with the session, and not without it.
    const me = await agent(t.app).request({
      method: 'GET',
      url: '/api/public/stations/me',
      headers: { 'x-station-token': w.token },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json<WorkerPass>().pin).toBe(w.pin);
    expect((await agent(t.app).get('/api/public/stations/me')).statusCode).toBe(401);
    const forged = await agent(t.app).request({
      method: 'GET',
      url: '/api/public/stations/me',
      headers: { 'x-station-token': 'x'.repeat(43) },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('refuses a wrong code, a missing consent, and locks after five wrong codes', async () => {
    const a = phoneAgent(t);
    const phone = '13900001111';
    await a.post('/api/public/stations/request-code', { phone });
    const code = await stationCodeTo(t, phone);
    const body = { phone, name: '赵师傅', occupation: 'driver', consent: true };
    const noConsent = await a.post(`/api/public/stations/${station.code}/register`, { ...body, code, consent: false });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().field).toBe('consent');
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await a.post(`/api/public/stations/${station.code}/register`, { ...body, code: wrong });
    expect(first.statusCode).toBe(400);
    expect(first.json().field).toBe('code');
    for (let i = 0; i < 4; i++) await a.post(`/api/public/stations/${station.code}/register`, { ...body, code: wrong });
    const locked = await a.post(`/api/public/stations/${station.code}/register`, { ...body, code });
    expect(locked.statusCode).toBe(429);
  });

  it('limits the codes texted to one phone', async () => {
    const a = phoneAgent(t);
    const phone = '13900002222';
    expect((await a.post('/api/public/stations/request-code', { phone })).statusCode).toBe(200);
    const soon = await a.post('/api/public/stations/request-code', { phone });
    expect(soon.statusCode).toBe(429);
    expect(soon.json().messageEn).toMatch(/try again/i);
    expect((await a.post('/api/public/stations/request-code', { phone: '12345' })).statusCode).toBe(400);
  });

  it('signs a registered worker in on a new phone, and tells an unregistered one to register', async () => {
    const w = await registeredWorker(t, station.code);
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 60_000);
    const a = phoneAgent(t);
    await a.post('/api/public/stations/request-code', { phone: w.phone });
    const res = await a.post('/api/public/stations/sign-in', { phone: w.phone, code: await stationCodeTo(t, w.phone) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<WorkerPass>().passCode).toBe(w.passCode);
    const stranger = '13900003333';
    await a.post('/api/public/stations/request-code', { phone: stranger });
    const none = await a.post('/api/public/stations/sign-in', {
      phone: stranger,
      code: await stationCodeTo(t, stranger),
    });
    expect(none.statusCode).toBe(404);
  });
});

describe('the signed webhook', () => {
  it('turns a signed entry into a visit, once, by PIN or by pass', async () => {
    const device = await newDevice(staff, station.code, 'door_webhook');
    const w = await registeredWorker(t, station.code, { name: '周骑手' });
    const occurredAt = t.clock.now.toISOString();
    const ok = await signedDoorEvent(t, device, { eventId: 'e-1', occurredAt, pin: w.pin, method: 'face' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ accepted: true, visit: 'created' });
    const byPass = await signedDoorEvent(t, device, {
      eventId: 'e-2',
      occurredAt,
      passCode: w.passCode,
      method: 'qr_pass',
    });
    expect(byPass.json().visit).toBe('created');
    // A pass with the worker's PIN and a made-up MAC opens nothing.
    const forgedMac = w.passCode.replace(/[0-9a-f]{20}$/, (mac) => (mac.startsWith('0') ? '1' : '0') + mac.slice(1));
    const forged = await signedDoorEvent(t, device, {
      eventId: 'e-3',
      occurredAt,
      passCode: forgedMac,
      method: 'qr_pass',
    });
    expect(forged.json().visit).toBe('unknown_person');
    // The same event again, freshly signed: the terminal retried; it counts once.
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    const retried = await signedDoorEvent(t, device, { eventId: 'e-1', occurredAt, pin: w.pin, method: 'face' });
    expect(retried.json().visit).toBe('duplicate');
    const visits = await visitsOf(station.code);
    expect(
      visits.items
        .filter((v) => v.workerName === '周骑手')
        .map((v) => v.method)
        .sort(),
    ).toEqual(['face', 'qr_pass']);
  });

  it('refuses a bad signature, a stale request and a replay, and logs each', async () => {
    const device = await newDevice(staff, station.code, 'door_webhook');
    const event = { eventId: 'e-9', occurredAt: t.clock.now.toISOString(), pin: 1, method: 'face' };
    const forged = await signedDoorEvent(t, device, event, { secret: 'not-the-secret' });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().field).toBe('signature');
    const stale = await signedDoorEvent(t, device, event, {
      timestamp: Math.floor(t.clock.now.getTime() / 1000) - 301,
    });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().messageEn).toMatch(/stale/);
    const ts = Math.floor(t.clock.now.getTime() / 1000);
    expect((await signedDoorEvent(t, device, { ...event, eventId: 'e-10' }, { timestamp: ts })).statusCode).toBe(200);
    const replay = await signedDoorEvent(t, device, { ...event, eventId: 'e-10' }, { timestamp: ts });
    expect(replay.statusCode).toBe(409);
    const unknownDevice = await signedDoorEvent(t, { serial: 'NOPE-0001', secret: 'x' }, event);
    expect(unknownDevice.statusCode).toBe(401);
    expect(await rejectsOf('bad_signature')).toBeGreaterThanOrEqual(1);
    expect(await rejectsOf('stale')).toBeGreaterThanOrEqual(1);
    expect(await rejectsOf('replayed')).toBeGreaterThanOrEqual(1);
    expect(await rejectsOf('unknown_device')).toBeGreaterThanOrEqual(1);
    // PIN 1 is nobody: accepted from the terminal, logged and counted against the station.
    expect(await rejectsOf('unknown_person')).toBeGreaterThanOrEqual(1);
    expect((await staff.get(`/api/stations/${station.code}`)).json<Station>().doorRejects7d).toBeGreaterThanOrEqual(4);
  });

  it('answers a malformed event with a 400, never a 500', async () => {
    const device = await newDevice(staff, station.code, 'door_webhook');
    for (const body of [
      { eventId: '', occurredAt: 'yesterday', method: 'face' },
      { eventId: 'x', occurredAt: t.clock.now.toISOString(), method: 'teleport' },
    ]) {
      const res = await signedDoorEvent(t, device, body);
      expect(res.statusCode, res.body).toBe(400);
    }
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/stations/door-events',
      headers: {
        'content-type': 'application/json',
        'x-device-serial': device.serial,
        'x-timestamp': '1',
        'x-signature': 'zz',
      },
      payload: '{not json',
    });
    expect(notJson.statusCode).toBe(401);
  });
});

describe('ZKTeco ADMS push', () => {
  const admsStation = async () => {
    const s = await newStation(t, staff);
    const res = await staff.post(`/api/stations/${s.code}/devices`, {
      serial: RECORDED_SERIAL + s.code.slice(-4).replace(/-/g, ''),
      kind: 'door_adms',
    });
    expect(res.statusCode, res.body).toBe(200);
    return { station: s, serial: res.json<{ serial: string }>().serial };
  };
  const iclock = (method: 'GET' | 'POST', path: string, query: string, payload?: string) =>
    t.app.inject({
      method,
      url: `${path}?${query}`,
      payload,
      headers: payload === undefined ? {} : { 'content-type': 'text/plain' },
    });

  it('answers the handshake with the terminal’s options, and an unknown serial with 401', async () => {
    const { serial } = await admsStation();
    const res = await iclock('GET', '/iclock/cdata', HANDSHAKE_QUERY.replace(RECORDED_SERIAL, serial));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`GET OPTION FROM: ${serial}`);
    expect(res.body).toMatch(/TimeZone=8/);
    const unknown = await iclock('GET', '/iclock/cdata', HANDSHAKE_QUERY.replace(RECORDED_SERIAL, 'UNKNOWN123'));
    expect(unknown.statusCode).toBe(401);
  });

  it('turns the recorded attendance upload into visits at China time, once, and counts the broken lines', async () => {
    const { station: s, serial } = await admsStation();
    const a = await registeredWorker(t, s.code, { name: '甲骑手' });
    const b = await registeredWorker(t, s.code, { name: '乙骑手' });
    const c = await registeredWorker(t, s.code, { name: '丙骑手' });
    const body = ATTLOG_BODY.replaceAll('1001\t', `${a.pin}\t`)
      .replaceAll('1002\t', `${b.pin}\t`)
      .replaceAll('1003\t', `${c.pin}\t`);
    const res = await iclock('POST', '/iclock/cdata', `SN=${serial}&table=ATTLOG&Stamp=9999`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body.trim()).toBe('OK:4');
    const visits = await visitsOf(s.code);
    expect(visits.total).toBe(4);
    const first = visits.items.find((v) => v.workerName === '甲骑手' && v.method === 'face');
    expect(
      visits.items
        .filter((v) => v.workerName === '甲骑手')
        .map((v) => v.occurredAt)
        .sort(),
    ).toEqual(['2026-12-07T04:00:00.000Z', '2026-12-07T10:02:13.000Z']);
    expect(first).toBeDefined();
    expect(visits.items.find((v) => v.workerName === '乙骑手')?.method).toBe('fingerprint');
    expect(visits.items.find((v) => v.workerName === '丙骑手')?.method).toBe('card');
    // The terminal sends the same upload again (it missed our answer): nothing is counted twice.
    expect((await iclock('POST', '/iclock/cdata', `SN=${serial}&table=ATTLOG&Stamp=9999`, body)).body.trim()).toBe(
      'OK:4',
    );
    expect((await visitsOf(s.code)).total).toBe(4);
    // A damaged upload: every line is answered, the good one kept, the broken ones logged.
    const before = await rejectsOf('bad_record');
    const damaged = await iclock(
      'POST',
      '/iclock/cdata',
      `SN=${serial}&table=ATTLOG&Stamp=10000`,
      ATTLOG_BODY_DAMAGED.replace('1009\t', `${a.pin}\t`),
    );
    expect(damaged.statusCode).toBe(200);
    expect(damaged.body.trim()).toBe('OK:4');
    expect((await visitsOf(s.code)).total).toBe(5);
    expect((await rejectsOf('bad_record')) - before).toBe(3);
    // Another table is acknowledged and not taken for entries.
    const oplog = await iclock('POST', '/iclock/cdata', `SN=${serial}&table=OPERLOG&Stamp=9999`, OPERLOG_BODY);
    expect(oplog.body.trim()).toBe('OK:3');
    expect((await visitsOf(s.code)).total).toBe(5);
  });

  it('delivers the enrolment of a new worker on the heartbeat and records the terminal’s result', async () => {
    const { station: s, serial } = await admsStation();
    expect((await iclock('GET', '/iclock/getrequest', `SN=${serial}`)).body.trim()).toBe('OK');
    const w = await registeredWorker(t, s.code, { name: '新骑手' });
    const listed = await staff.get(`/api/stations/${s.code}/devices`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({ serial, kind: 'door_adms', enabled: true, pendingCommands: 1 }),
    ]);
    expect(listed.json().items[0].lastSeenAt).not.toBeNull();
    const beat = await iclock('GET', '/iclock/getrequest', `SN=${serial}`);
    const line = beat.body.trim();
    expect(line).toMatch(new RegExp(`^C:(\\d+):DATA UPDATE USERINFO PIN=${w.pin}\\tName=新骑手`));
    const id = Number(/^C:(\d+):/.exec(line)![1]);
    const answer = await iclock(
      'POST',
      '/iclock/devicecmd',
      `SN=${serial}`,
      DEVICECMD_BODY.replace('ID=12', `ID=${id}`),
    );
    expect(answer.body.trim()).toBe('OK');
    const [cmd] = await t.deps.db.select().from(stationDeviceCommands).where(eq(stationDeviceCommands.id, id));
    expect(cmd).toMatchObject({ status: 'done', returnCode: 0 });
    expect((await iclock('GET', '/iclock/getrequest', `SN=${serial}`)).body.trim()).toBe('OK');
    // Another terminal cannot answer for this one's commands.
    const other = await admsStation();
    await iclock('POST', '/iclock/devicecmd', `SN=${other.serial}`, `ID=${id}&Return=-10&CMD=DATA`);
    const [still] = await t.deps.db.select().from(stationDeviceCommands).where(eq(stationDeviceCommands.id, id));
    expect(still!.status).toBe('done');
  });

  it('lets only the station’s staff add a terminal', async () => {
    const nanjing = await newAccount(t, { role: 'union_staff', regionCode: '320100' });
    expect(
      (await nanjing.post(`/api/stations/${station.code}/devices`, { serial: 'ZZZ00001', kind: 'door_adms' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await agent(t.app).post(`/api/stations/${station.code}/devices`, { serial: 'ZZZ00001', kind: 'door_adms' }))
        .statusCode,
    ).toBe(401);
    const taken = await newDevice(staff, station.code, 'door_adms');
    const again = await staff.post(`/api/stations/${station.code}/devices`, {
      serial: taken.serial,
      kind: 'door_adms',
    });
    expect(again.statusCode).toBe(409);
    expect((await t.deps.db.select().from(stationVisits)).length).toBeGreaterThan(0);
  });
});

describe('a face photo for the door, only with consent', () => {
  const jpeg = (bytes: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(bytes - 4, 7)]);
  const asWorker = (token: string, method: 'PUT' | 'DELETE', payload?: unknown) =>
    t.app.inject({
      method,
      url: '/api/public/stations/me/face',
      headers: { 'x-station-token': token },
      payload: payload as never,
    });

  it('sends the photo to the terminals with consent, and takes it back from them on request', async () => {
    const s = await newStation(t, staff);
    const terminal = await newDevice(staff, s.code, 'door_adms');
    const w = await registeredWorker(t, s.code, { name: '刷脸骑手' });
    const photo = jpeg(5000).toString('base64');
    const noConsent = await asWorker(w.token, 'PUT', { photo, consent: false });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().field).toBe('consent');
    const notJpeg = await asWorker(w.token, 'PUT', { photo: Buffer.alloc(5000, 1).toString('base64'), consent: true });
    expect(notJpeg.json().field).toBe('photo');
    const tooBig = await asWorker(w.token, 'PUT', { photo: jpeg(205_000).toString('base64'), consent: true });
    expect(tooBig.statusCode).toBe(400);
    expect(
      (
        await agent(t.app).request({
          method: 'PUT',
          url: '/api/public/stations/me/face',
          payload: { photo, consent: true },
        })
      ).statusCode,
    ).toBe(401);

    const set = await asWorker(w.token, 'PUT', { photo, consent: true });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<WorkerPass>().hasFacePhoto).toBe(true);
    const beat = await t.app.inject({ method: 'GET', url: `/iclock/getrequest?SN=${terminal.serial}` });
    expect(beat.body).toContain(`DATA UPDATE USERINFO PIN=${w.pin}`);
    expect(beat.body).toContain(`DATA UPDATE BIOPHOTO PIN=${w.pin}`);
    expect(beat.body).toContain(photo.slice(0, 40));

    const gone = await asWorker(w.token, 'DELETE');
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json<WorkerPass>().hasFacePhoto).toBe(false);
    const after = await t.app.inject({ method: 'GET', url: `/iclock/getrequest?SN=${terminal.serial}` });
    expect(after.body).toContain(`DATA DELETE BIOPHOTO PIN=${w.pin}`);
    expect(after.body).toMatch(new RegExp(`DATA DELETE BIODATA Pin=${w.pin}`));
    // The picture is kept nowhere: not in the record, not in the queue's history.
    const queued = await t.deps.db.select().from(stationDeviceCommands);
    expect(JSON.stringify(queued)).not.toContain(photo.slice(0, 40));
    expect((await asWorker(w.token, 'DELETE')).statusCode).toBe(409);
  });
});
