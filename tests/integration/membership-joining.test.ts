import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationAnswer, ApplicationRow, MemberCard, MemberRecord } from '../../contracts/membership/api.js';
import { auditLog } from '../../server/modules/audit/tables.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { people } from '../../server/modules/people/tables.js';
import { todayInChina } from '../../contracts/dates.js';
import { createTestApp, type Agent, type TestApp } from '../support/app.js';
import { newAccount, uniqueResidentId } from '../support/factories.js';
import {
  GOLMUD,
  HAIXI,
  acceptTransfer,
  applyFromPhone,
  approveApplication,
  memberCodeTo,
  membershipStaff,
  newApplicant,
  newMember,
  newUnionOrganization,
  passMinute,
  type UnionOrganization,
} from '../support/membership.js';
import { phoneAgent, stationCodeTo } from '../support/stations.js';

// Joining from a phone: the application, its duplicates (the same ID twice, a member elsewhere
// offered a transfer), approval into a member number and card, transfers, leaving and returning.

let t: TestApp;
let org: UnionOrganization;
let other: UnionOrganization;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  // 10:00 in China: the minutes the phones' codes move the clock on never cross midnight.
  t.clock.now = new Date(`${todayInChina(new Date())}T02:00:00Z`);
  org = await newUnionOrganization(t, { name: '格尔木市快递行业工会', kind: 'industry' });
  other = await newUnionOrganization(t, { name: '德令哈市新就业形态联合工会', regionCode: '632802' });
});
afterAll(() => t.close());

const smsTo = async (phone: string) =>
  (await t.deps.db.select({ body: outbox.body }).from(outbox).where(eq(outbox.recipient, phone))).map((m) => m.body);

async function cardOf(phone: string, token?: string): Promise<MemberCard> {
  let session = token;
  if (!session) {
    const a = phoneAgent(t);
    passMinute(t);
    expect((await a.post('/api/public/membership/codes', { phone })).statusCode).toBe(200);
    const signedIn = await a.post('/api/public/membership/sign-in', { phone, otp: await memberCodeTo(t, phone) });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    session = signedIn.json<{ token: string }>().token;
  }
  const res = await phoneAgent(t).request({
    method: 'GET',
    url: '/api/public/membership/card',
    headers: { 'x-member-token': session },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MemberCard>();
}

describe('applying', () => {
  it('takes an application, texts its number, and keeps the ID encrypted with sex and birth date read from it', async () => {
    const who = newApplicant({
      name: '韩快递',
      occupation: 'courier',
      residentId: uniqueResidentId({ regionCode: GOLMUD, birthYear: 1992 }),
    });
    const res = await applyFromPhone(t, org.code, who);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json<ApplicationAnswer>();
    expect(answer).toMatchObject({
      status: 'pending',
      kind: 'join',
      existing: false,
      organizationName: '格尔木市快递行业工会',
    });
    expect(answer.applicationNo).toMatch(/^RH\d{8}-\d{5}$/);
    expect((await smsTo(who.phone)).some((b) => b.includes(answer.applicationNo!))).toBe(true);
    const [person] = await t.deps.db.select().from(people).where(eq(people.phone, who.phone));
    expect(person!.residentIdEnc).not.toContain(who.residentId);
    expect(person!.birthDate).toBe(`1992-${who.residentId.slice(10, 12)}-${who.residentId.slice(12, 14)}`);
    const staff = await membershipStaff(t);
    const row = (await staff.get(`/api/membership/applications?q=${answer.applicationNo}`)).json<{
      items: ApplicationRow[];
    }>().items[0]!;
    expect(row.residentIdMasked).toBe(`${who.residentId.slice(0, 4)}**********${who.residentId.slice(-4)}`);
    expect(row.sex).toBe(Number(who.residentId[16]) % 2 === 1 ? 'male' : 'female');
    expect(row.phoneMasked).not.toContain(who.phone.slice(3, 7));
    // The audit record keeps the ID masked, never in clear.
    const audits = await t.deps.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(JSON.stringify(audits)).not.toContain(who.residentId);
  });

  it('does not duplicate a pending application of the same ID, and refuses one at another organization', async () => {
    const who = newApplicant();
    const first = (await applyFromPhone(t, org.code, who)).json<ApplicationAnswer>();
    const again = await applyFromPhone(t, org.code, who);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<ApplicationAnswer>()).toMatchObject({ applicationNo: first.applicationNo, existing: true });
    const elsewhere = await applyFromPhone(t, other.code, who);
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json()).toMatchObject({ field: 'residentId' });
    expect(elsewhere.json().message).toContain(first.applicationNo);
  });

  it('refuses a bad resident ID before the code is spent, so the same code works once it is fixed', async () => {
    const who = newApplicant();
    const a = phoneAgent(t);
    await a.post('/api/public/membership/codes', { phone: who.phone });
    const otp = await memberCodeTo(t, who.phone);
    const body = {
      organizationCode: org.code,
      name: who.name,
      phone: who.phone,
      otp,
      occupation: 'rider',
      consent: true,
    };
    const bad = await a.post('/api/public/membership/applications', {
      ...body,
      residentId: `${who.residentId.slice(0, 17)}${who.residentId[17] === '0' ? '1' : '0'}`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION', field: 'residentId' });
    expect(bad.json().messageEn).toBeTruthy();
    const good = await a.post('/api/public/membership/applications', { ...body, residentId: who.residentId });
    expect(good.statusCode, good.body).toBe(200);
  });

  it('keeps each page’s codes apart: a station’s code neither joins nor hides the joining code', async () => {
    const who = newApplicant();
    const a = phoneAgent(t);
    passMinute(t);
    expect((await a.post('/api/public/membership/codes', { phone: who.phone })).statusCode).toBe(200);
    const joiningCode = await memberCodeTo(t, who.phone);
    // The same phone then asks a station for a code: the newer code is the station's alone.
    passMinute(t);
    const asked = await a.post('/api/public/stations/request-code', { phone: who.phone });
    expect(asked.statusCode, asked.body).toBe(200);
    const stationCode = await stationCodeTo(t, who.phone);
    expect(stationCode).toMatch(/^\d{6}$/);
    const body = {
      organizationCode: org.code,
      name: who.name,
      phone: who.phone,
      residentId: who.residentId,
      occupation: 'rider',
      consent: true,
    };
    if (stationCode !== joiningCode) {
      const wrong = await a.post('/api/public/membership/applications', { ...body, otp: stationCode });
      expect(wrong.statusCode, wrong.body).toBe(400);
      expect(wrong.json()).toMatchObject({ field: 'otp' });
    }
    const joined = await a.post('/api/public/membership/applications', { ...body, otp: joiningCode });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json<ApplicationAnswer>().status).toBe('pending');
  });

  it('refuses a wrong code, counts it, and locks the phone after five', async () => {
    const who = newApplicant();
    const a = phoneAgent(t);
    await a.post('/api/public/membership/codes', { phone: who.phone });
    const right = await memberCodeTo(t, who.phone);
    const wrong = right === '000000' ? '111111' : '000000';
    const body = {
      organizationCode: org.code,
      name: who.name,
      phone: who.phone,
      residentId: who.residentId,
      occupation: 'rider',
      consent: true,
    };
    const first = await a.post('/api/public/membership/applications', { ...body, otp: wrong });
    expect(first.statusCode).toBe(400);
    expect(first.json()).toMatchObject({ field: 'otp' });
    expect(first.json().messageEn).toContain('4 attempt');
    for (let i = 0; i < 4; i++) await a.post('/api/public/membership/applications', { ...body, otp: wrong });
    const locked = await a.post('/api/public/membership/applications', { ...body, otp: right });
    expect(locked.statusCode).toBe(429);
  });

  it('refuses an ID registered under another name, without a code, a union that is a federation, and no consent', async () => {
    const member = await newMember(t, { organization: org });
    const res = await applyFromPhone(t, other.code, { ...newApplicant(), residentId: member.residentId, name: '别人' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'name' });
    const who = newApplicant();
    const noCode = await phoneAgent(t).post('/api/public/membership/applications', {
      organizationCode: org.code,
      name: who.name,
      phone: who.phone,
      residentId: who.residentId,
      occupation: 'rider',
      consent: true,
    });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json()).toMatchObject({ field: 'otp' });
    const federation = await newUnionOrganization(t, { kind: 'city', regionCode: HAIXI });
    expect((await phoneAgent(t).get(`/api/public/membership/organizations/${federation.code}`)).statusCode).toBe(404);
    const noConsent = await phoneAgent(t).post('/api/public/membership/applications', {
      organizationCode: org.code,
      name: who.name,
      phone: who.phone,
      otp: '123456',
      residentId: who.residentId,
      occupation: 'rider',
      consent: false,
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json()).toMatchObject({ field: 'consent' });
  });
});

describe('approval and the card', () => {
  it('gives an approved applicant a member number and a card that staff can verify; a forged card is not valid', async () => {
    const who = newApplicant({ name: '马卡车', occupation: 'truck_driver' });
    const applied = await applyFromPhone(t, org.code, who);
    const answer = applied.json<ApplicationAnswer>();
    const before = await cardOf(who.phone, answer.session.token);
    expect(before.card).toBeNull();
    expect(before.applications[0]).toMatchObject({ applicationNo: answer.applicationNo, status: 'pending' });
    const row = await approveApplication(t, answer.applicationNo!);
    expect(row.status).toBe('approved');
    expect((await smsTo(who.phone)).some((b) => b.includes('欢迎加入'))).toBe(true);
    const card = (await cardOf(who.phone)).card!;
    expect(card.memberNo).toMatch(new RegExp(`^${GOLMUD}\\d{4}\\d{6}$`));
    expect(card.organizationName).toBe(org.name);
    const staff = await membershipStaff(t);
    const verified = await staff.post('/api/membership/verify-card', { cardCode: card.cardCode });
    expect(verified.json()).toMatchObject({
      valid: true,
      memberNo: card.memberNo,
      nameMasked: '马**',
      organizationName: org.name,
    });
    const forged = card.cardCode.slice(0, -1) + (card.cardCode.endsWith('a') ? 'b' : 'a');
    expect((await staff.post('/api/membership/verify-card', { cardCode: forged })).json().valid).toBe(false);
    // Approving again: the queue's version has moved.
    const again = await staff.post(`/api/membership/applications/${row.id}/approve`, {
      expectedVersion: row.version - 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe('version');
  });

  it('texts the reason of a rejection and shows it on the phone', async () => {
    const who = newApplicant();
    const answer = (await applyFromPhone(t, org.code, who)).json<ApplicationAnswer>();
    const staff = await membershipStaff(t);
    const row = (await staff.get(`/api/membership/applications?q=${answer.applicationNo}`)).json<{
      items: ApplicationRow[];
    }>().items[0]!;
    const rejected = await staff.post(`/api/membership/applications/${row.id}/reject`, {
      expectedVersion: row.version,
      reason: '非本行业从业人员',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect((await smsTo(who.phone)).some((b) => b.includes('非本行业从业人员'))).toBe(true);
    const card = await cardOf(who.phone, answer.session.token);
    expect(card.applications[0]).toMatchObject({ status: 'rejected', decisionReason: '非本行业从业人员' });
    const noReason = await staff.post(`/api/membership/applications/${row.id}/reject`, {
      expectedVersion: 2,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
  });

  it('approves many at once and names the one that had moved', async () => {
    const staff = await membershipStaff(t);
    const rows: ApplicationRow[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = (await applyFromPhone(t, org.code, newApplicant())).json<ApplicationAnswer>();
      rows.push(
        (await staff.get(`/api/membership/applications?q=${answer.applicationNo}`)).json<{ items: ApplicationRow[] }>()
          .items[0]!,
      );
    }
    await staff.post(`/api/membership/applications/${rows[2]!.id}/reject`, {
      expectedVersion: rows[2]!.version,
      reason: '材料不实',
    });
    const res = await staff.post('/api/membership/applications/approve', {
      items: rows.map((r) => ({ id: r.id, expectedVersion: r.version })),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      approved: 2,
      refused: [{ id: rows[2]!.id, applicationNo: rows[2]!.applicationNo }],
    });
  });
});

describe('transfers, leaving and returning', () => {
  it('offers a member elsewhere a transfer, which on approval ends the old stay and keeps the number and the history', async () => {
    const member = await newMember(t, { organization: other, applicant: { name: '青藏货运' } });
    const a = phoneAgent(t);
    const offered = await applyFromPhone(t, org.code, member, { phone: a });
    expect(offered.statusCode, offered.body).toBe(200);
    const offer = offered.json<ApplicationAnswer>();
    expect(offer).toMatchObject({
      status: 'transfer_offered',
      applicationNo: null,
      memberOf: { organizationName: other.name },
    });
    // Accepting the offer with the phone's session: no second code.
    const accepted = await acceptTransfer(a, org.code, member, offer.session.token);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const transfer = accepted.json<ApplicationAnswer>();
    expect(transfer).toMatchObject({ status: 'pending', kind: 'transfer' });
    const oldCard = (await cardOf(member.phone, offer.session.token)).card!;
    const row = await approveApplication(t, transfer.applicationNo!);
    expect(row.fromOrganizationName).toBe(other.name);
    const staff = await membershipStaff(t);
    const record = (await staff.get(`/api/membership/members/${row.membershipId}`)).json<MemberRecord>();
    expect(record.memberNo).toBe(member.memberNo);
    expect(record.history.map((h) => [h.organizationName, h.status])).toEqual([
      [other.name, 'transferred'],
      [org.name, 'active'],
    ]);
    expect((await staff.post('/api/membership/verify-card', { cardCode: oldCard.cardCode })).json().valid).toBe(false);
    const card = await cardOf(member.phone, offer.session.token);
    expect(card.card).toMatchObject({ memberNo: member.memberNo, organizationName: org.name });
    expect(card.history).toHaveLength(2);
  });

  it('records a member leaving and returning, with the same member number', async () => {
    const member = await newMember(t, { organization: org });
    const staff = await membershipStaff(t);
    const record = (await staff.get(`/api/membership/members/${member.membershipId}`)).json<MemberRecord>();
    const future = await staff.post(`/api/membership/members/${member.membershipId}/leave`, {
      expectedVersion: record.version,
      reason: 'left_work',
      on: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().field).toBe('on');
    const left = await staff.post(`/api/membership/members/${member.membershipId}/leave`, {
      expectedVersion: record.version,
      reason: 'left_work',
      on: record.joinedOn,
      note: '改行',
    });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json<MemberRecord>()).toMatchObject({
      status: 'left',
      leaveReason: 'left_work',
      endedOn: record.joinedOn,
    });
    const back = await applyFromPhone(t, org.code, member);
    const row = await approveApplication(t, back.json<ApplicationAnswer>().applicationNo!);
    const again = (await staff.get(`/api/membership/members/${row.membershipId}`)).json<MemberRecord>();
    expect(again.memberNo).toBe(member.memberNo);
    expect(again.history.map((h) => h.status)).toEqual(['left', 'active']);
  });

  it('keeps the register’s fields at the version read', async () => {
    const member = await newMember(t, { organization: org });
    const staff = await membershipStaff(t);
    const record = (await staff.get(`/api/membership/members/${member.membershipId}`)).json<MemberRecord>();
    const fields = {
      ethnicity: '03',
      education: 'senior_secondary',
      politicalStatus: 'masses',
      occupation: 'rider',
      employer: '美团',
      post: '骑手',
    };
    const res = await staff.put(`/api/membership/members/${member.membershipId}`, {
      expectedVersion: record.version,
      ...fields,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MemberRecord>()).toMatchObject({ ...fields, version: record.version + 1 });
    const stale = await staff.put(`/api/membership/members/${member.membershipId}`, {
      expectedVersion: record.version,
      ...fields,
    });
    expect(stale.statusCode).toBe(409);
    const badEthnicity = await staff.put(`/api/membership/members/${member.membershipId}`, {
      expectedVersion: record.version + 1,
      ...fields,
      ethnicity: '99',
    });
    expect(badEthnicity.statusCode).toBe(400);
    expect(badEthnicity.json().field).toBe('ethnicity');
  });
});

describe('who may see and decide', () => {
  let pending: ApplicationRow;
  let staff: Agent;
  beforeAll(async () => {
    staff = await membershipStaff(t);
    const answer = (await applyFromPhone(t, org.code, newApplicant())).json<ApplicationAnswer>();
    pending = (await staff.get(`/api/membership/applications?q=${answer.applicationNo}`)).json<{
      items: ApplicationRow[];
    }>().items[0]!;
  });

  it('refuses no login, the wrong roles and another region', async () => {
    expect((await phoneAgent(t).get('/api/membership/applications')).statusCode).toBe(401);
    for (const role of ['worker', 'mediator', 'union_organiser', 'station_manager'] as const) {
      const a = await newAccount(t, { role, regionCode: HAIXI });
      expect((await a.get('/api/membership/applications')).statusCode, role).toBe(403);
      expect(
        (await a.post(`/api/membership/applications/${pending.id}/approve`, { expectedVersion: pending.version }))
          .statusCode,
        role,
      ).toBe(403);
    }
    const zhongshan = await newAccount(t, { role: 'union_staff', regionCode: '442000' });
    const list = (await zhongshan.get('/api/membership/applications?pageSize=100')).json<{ items: ApplicationRow[] }>();
    expect(list.items.map((i) => i.id)).not.toContain(pending.id);
    expect((await zhongshan.get(`/api/membership/applications/${pending.id}`)).statusCode).toBe(404);
    expect(
      (await zhongshan.post(`/api/membership/applications/${pending.id}/approve`, { expectedVersion: pending.version }))
        .statusCode,
    ).toBe(404);
    const bulk = await zhongshan.post('/api/membership/applications/approve', {
      items: [{ id: pending.id, expectedVersion: pending.version }],
    });
    expect(bulk.json(), bulk.body).toMatchObject({ approved: 0, refused: [{ id: pending.id, applicationNo: null }] });
  });

  it('lets only the named approver decide for an organization that has one', async () => {
    const approver = await newAccount(t, { role: 'union_staff', regionCode: GOLMUD });
    // Union staff pick the approver among the region's staff (they cannot list every account).
    const choices = await staff.get('/api/organizations/approver-accounts');
    expect(choices.statusCode, choices.body).toBe(200);
    const ids = choices.json<{ items: { id: string; regionCode: string }[] }>().items;
    expect(ids.map((c) => c.id)).toContain(approver.id);
    expect(ids.every((c) => c.regionCode.startsWith('6328'))).toBe(true);
    const worker = await newAccount(t, { role: 'worker', regionCode: HAIXI });
    expect((await worker.get('/api/organizations/approver-accounts')).statusCode).toBe(403);
    const named = await newUnionOrganization(t, { approverAccountId: approver.id });
    const answer = (await applyFromPhone(t, named.code, newApplicant())).json<ApplicationAnswer>();
    const row = (await staff.get(`/api/membership/applications?q=${answer.applicationNo}`)).json<{
      items: ApplicationRow[];
    }>().items[0]!;
    expect(row.canDecide).toBe(false);
    expect(
      (await staff.post(`/api/membership/applications/${row.id}/approve`, { expectedVersion: row.version })).statusCode,
    ).toBe(403);
    expect(
      (await approver.post(`/api/membership/applications/${row.id}/approve`, { expectedVersion: row.version }))
        .statusCode,
    ).toBe(200);
  });

  it('filters the queue by status, occupation, organization and day', async () => {
    const driver = (
      await applyFromPhone(t, other.code, newApplicant({ occupation: 'ride_hailing_driver' }))
    ).json<ApplicationAnswer>();
    const page = await staff.get(
      `/api/membership/applications?status=pending&occupation=ride_hailing_driver&organizationId=${other.id}`,
    );
    expect(page.json<{ items: ApplicationRow[] }>().items.map((i) => i.applicationNo)).toEqual([driver.applicationNo]);
    const today = new Date(t.clock.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const todays = await staff.get(
      `/api/membership/applications?from=${today}&to=${today}&organizationId=${other.id}&status=pending`,
    );
    expect(todays.json<{ total: number }>().total).toBe(1);
    const yesterday = new Date(t.clock.now.getTime() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    const none = await staff.get(`/api/membership/applications?to=${yesterday}&organizationId=${other.id}`);
    expect(none.json<{ total: number }>().total).toBe(0);
  });
});
