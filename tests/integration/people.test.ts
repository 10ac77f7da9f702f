import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResidentId } from '../../server/core/identifiers/resident-id.js';
import { people } from '../../server/modules/people/tables.js';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newAccount, newAdmin, newMediator, newPerson } from '../support/factories.js';

let t: TestApp;
let mediator: Agent;
const residentId = buildResidentId({ regionCode: '361102', birthDate: '1985-06-15', sequence: 123 });

beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  mediator = await newMediator(t, { displayName: '黄丽华' });
});
afterAll(() => t.close());

describe('people and resident IDs', () => {
  let id = '';

  it('stores the resident ID encrypted and returns it masked', async () => {
    const res = await mediator.post('/api/people', {
      name: '宋建军',
      phone: '13912345678',
      residentId,
      regionCode: '442000',
      occupation: '建筑工人',
    });
    expect(res.statusCode, res.body).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      residentIdMasked: `3611**********${residentId.slice(-4)}`,
      sex: 'male',
      birthDate: '1985-06-15',
    });
    expect(res.body).not.toContain(residentId);
    const [row] = await t.deps.db.select().from(people).where(eq(people.id, id));
    expect(row!.residentIdEnc).toMatch(/^v1:/);
    expect(row!.residentIdEnc).not.toContain(residentId);
    expect(JSON.stringify(row)).not.toContain(residentId);
  });

  it('finds a person by the full ID through the keyed hash', async () => {
    const found = (await mediator.post('/api/people/search', { q: residentId })).json();
    expect(found.items.map((p: { id: string }) => p.id)).toEqual([id]);
  });

  it('reveals the full ID to a permitted role and writes an audit record', async () => {
    const res = await mediator.post(`/api/people/${id}/reveal-resident-id`);
    expect(res.json().residentId).toBe(residentId);
    const admin = await newAdmin(t);
    const audit = (await admin.get(`/api/audit?action=person.resident_id_revealed&entityId=${id}`)).json();
    expect(audit.total).toBe(1);
    expect(audit.items[0].actorName).toBe('黄丽华');
  });

  it('never writes the clear ID into the audit trail', async () => {
    const admin = await newAdmin(t);
    const audit = (await admin.get(`/api/audit?entityType=person&entityId=${id}`)).json();
    expect(JSON.stringify(audit)).not.toContain(residentId);
    const created = audit.items.find((e: { action: string }) => e.action === 'person.created');
    expect(created.after.residentId).toBe(`3611**********${residentId.slice(-4)}`);
  });

  it('rejects a wrong check digit and an impossible birth date with the field named', async () => {
    const wrong = residentId.slice(0, 17) + (residentId[17] === '1' ? '2' : '1');
    const r1 = await mediator.post('/api/people', { name: '错误号码', residentId: wrong, regionCode: '442000' });
    expect(r1.statusCode).toBe(400);
    expect(r1.json()).toMatchObject({ field: 'residentId' });
    const feb30 = '44200019900230' + '0011';
    const r2 = await mediator.post('/api/people', { name: '错误日期', residentId: feb30, regionCode: '442000' });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().message).toMatch(/日期|出生/);
  });

  it('refuses registering the same ID twice', async () => {
    const res = await mediator.post('/api/people', { name: '重复', residentId, regionCode: '442000' });
    expect(res.statusCode).toBe(409);
  });

  it('lets a worker read their own record, masked, and nobody else’s', async () => {
    const person = await newPerson(t);
    const worker = await newAccount(t, { role: 'worker', regionCode: person.regionCode, personId: person.id });
    const own = await worker.get('/api/me/person');
    expect(own.statusCode).toBe(200);
    expect(own.json().residentIdMasked).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect((await worker.get(`/api/people/${id}`)).statusCode).toBe(403);
  });
});
