import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUscc, usccCheckChar } from '../../server/core/identifiers/uscc.js';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newAccount, newAdmin, newEmployer } from '../support/factories.js';

let t: TestApp;
let union: Agent;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  union = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
  // Enough registered employers for the list to need more than two pages of three.
  for (let n = 0; n < 8; n++) await newEmployer(t, { regionCode: '442000' });
});
afterAll(() => t.close());

const valid = buildUscc({
  registrationAuthority: '9',
  entityType: '1',
  regionCode: '442000',
  orgCodeBody8: 'MA4UTE8K',
});
const base = {
  name: '中山市南朗建筑劳务有限公司',
  regionCode: '442000',
  industryCode: 'construction',
  contactName: '冯建华',
  contactPhone: '13800138000',
};

describe('employers', () => {
  it('registers an employer with a valid USCC and records the audit entry', async () => {
    const res = await union.post('/api/employers', { ...base, uscc: valid.toLowerCase() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ uscc: valid, usccCheckWarning: false, regionName: '广东省中山市' });
    const admin = await newAdmin(t);
    const audit = (await admin.get(`/api/audit?entityType=employer&entityId=${res.json().id}`)).json();
    expect(audit.items[0].action).toBe('employer.created');
    expect(audit.items[0].after.contactPhone).toBe('138****8000');
  });

  it('asks for confirmation when the check character fails, then keeps the code flagged', async () => {
    const first17 = buildUscc({
      registrationAuthority: '9',
      entityType: '1',
      regionCode: '442000',
      orgCodeBody8: '19220382',
    }).slice(0, 17);
    const wrongCheck = first17 + (usccCheckChar(first17) === '0' ? '1' : '0');
    const refused = await union.post('/api/employers', { ...base, name: '中山市老字号五金厂', uscc: wrongCheck });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'CONFIRMATION_REQUIRED', field: 'uscc' });
    expect(refused.json().message).toContain('校验');
    const accepted = await union.post('/api/employers', {
      ...base,
      name: '中山市老字号五金厂',
      uscc: wrongCheck,
      acceptUsccWarning: true,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().usccCheckWarning).toBe(true);
  });

  it('refuses a malformed code outright, naming the field', async () => {
    const res = await union.post('/api/employers', { ...base, uscc: '91442000ABCDEFGHIO' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', field: 'uscc' });
  });

  it('refuses a duplicate USCC with a message naming the existing employer', async () => {
    const res = await union.post('/api/employers', { ...base, name: '另一个名字', uscc: valid });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('中山市南朗建筑劳务有限公司');
  });

  it('searches by name or exact code and pages on the server', async () => {
    const byName = (await union.get(`/api/employers?q=${encodeURIComponent('南朗建筑')}`)).json();
    expect(byName.items.map((e: { uscc: string }) => e.uscc)).toContain(valid);
    const page2 = (await union.get('/api/employers?page=2&pageSize=3')).json();
    expect(page2.items).toHaveLength(3);
    expect(page2.total).toBeGreaterThan(6);
    const page1 = (await union.get('/api/employers?page=1&pageSize=3')).json();
    expect(page1.items.map((e: { id: string }) => e.id)).not.toContain(page2.items[0].id);
  });

  it('gives field-level validation errors in Chinese and English', async () => {
    const res = await union.post('/api/employers', { ...base, uscc: valid, contactEmail: 'not-an-email' });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('contactEmail');
    expect(res.json().message).toMatch(/邮箱|字段/);
    expect(res.json().messageEn).toMatch(/contactEmail/);
  });
});
