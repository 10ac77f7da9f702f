// The worker's files on the phone (/track): evidence sent to the mediator, and the agreement and the
// court's ruling downloaded as PDF, only for the case the tracking session opens and only once the
// case has them.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/modules/audit/tables.js';
import { pdfText } from '../../server/modules/disputes/documents/test-support.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import { agent, createTestApp, type TestApp } from '../support/app.js';
import { actOn, agreeOnPaper, lastCodeTo, nextAddress } from '../support/disputes.js';
import {
  REVIEW_OK,
  homeStudio,
  newAccount,
  newCase,
  newJudge,
  uniquePhone,
  type NewCase,
} from '../support/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoScale: null });
  t.clock.now = new Date('2025-06-09T02:00:00Z');
});
afterAll(() => t.close());

const later = (minutes: number) => {
  t.clock.now = new Date(t.clock.now.getTime() + minutes * 60_000);
};

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2219bc30000000049454e44ae426082',
  'hex',
);

function multipart(filename: string, content: Buffer) {
  const boundary = '----yizhan-track-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Each tracking session's phone, by its token: its own address on the mobile network. */
const addressOf = new Map<string, string>();

/** The worker signs in on the phone (case number, phone, texted code), from an address of its own. */
async function trackSession(c: NewCase): Promise<string> {
  const remoteAddress = nextAddress();
  const { caseNumber, phone } = { caseNumber: c.caseNumber, phone: c.worker.phone };
  const sent = await t.app.inject({
    method: 'POST',
    url: '/api/public/disputes/track/request-code',
    payload: { caseNumber, phone },
    remoteAddress,
  });
  expect(sent.statusCode, sent.body).toBe(200);
  const code = await lastCodeTo(t, phone);
  const verified = await t.app.inject({
    method: 'POST',
    url: '/api/public/disputes/track/verify',
    payload: { caseNumber, code },
    remoteAddress,
  });
  expect(verified.statusCode, verified.body).toBe(200);
  const token = verified.json<{ caseToken: string }>().caseToken;
  addressOf.set(token, remoteAddress);
  return token;
}

const upload = (token: string | null, filename: string, content: Buffer) => {
  const { payload, headers } = multipart(filename, content);
  return t.app.inject({
    method: 'POST',
    url: '/api/public/disputes/track/evidence',
    payload,
    headers: token ? { ...headers, 'x-case-token': token } : headers,
    remoteAddress: (token && addressOf.get(token)) || nextAddress(),
  });
};
const files = (token: string) =>
  t.app.inject({
    method: 'GET',
    url: '/api/public/disputes/track/files',
    headers: { 'x-case-token': token },
    remoteAddress: addressOf.get(token) ?? nextAddress(),
  });
const download = (token: string | null, doc: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/public/disputes/track/documents/${doc}`,
    headers: token ? { 'x-case-token': token } : {},
    remoteAddress: (token && addressOf.get(token)) || nextAddress(),
  });

/** A mediator of the home studio with a phone, to be told of the worker's uploads. */
async function mediatorWithPhone() {
  const studio = await homeStudio(t);
  const phone = uniquePhone();
  const account = await newAccount(t, {
    role: 'mediator',
    regionCode: studio.regionCode,
    organizationId: studio.organizationId,
    phone,
  });
  return Object.assign(account, { studio, phone });
}

describe('evidence from the worker’s phone', () => {
  it('is stored as provided by the worker, audited, shown to the mediator, who is told by SMS', async () => {
    const mediator = await mediatorWithPhone();
    const c = await newCase(t, { stage: 'mediating', mediator });
    const token = await trackSession(c);

    const res = await upload(token, '五月工资条.png', PNG);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json<{ evidence: { filename: string; uploadedAt: string }[]; canUpload: boolean }>();
    expect(answer.evidence.map((e) => e.filename)).toEqual(['五月工资条.png']);
    expect(Number.isNaN(Date.parse(answer.evidence[0]!.uploadedAt))).toBe(false);
    expect(answer.canUpload).toBe(true);

    const detail = (await mediator.get(`/api/disputes/${c.id}`)).json<{
      evidence: { id: string; filename: string; uploadedBy: string; mime: string }[];
      events: { action: string; actorLabel: string }[];
    }>();
    expect(detail.evidence).toHaveLength(1);
    expect(detail.evidence[0]).toMatchObject({ filename: '五月工资条.png', uploadedBy: '申请人', mime: 'image/png' });
    const stored = await mediator.get(`/api/disputes/${c.id}/evidence/${detail.evidence[0]!.id}`);
    expect(stored.rawPayload.equals(PNG)).toBe(true);
    const event = detail.events.find((e) => e.action === 'evidence_added');
    expect(event?.actorLabel).toContain(c.worker.name);

    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dispute.evidence_added'), eq(auditLog.entityId, c.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ filename: '五月工资条.png' });

    const notice = await t.deps.db.select().from(outbox).where(eq(outbox.recipient, mediator.phone));
    expect(notice.map((m) => m.body).join('\n')).toMatch(/申请人通过手机上传了新的证据/);
    expect(notice.every((m) => m.template === 'dispute.staff_notice')).toBe(true);
  });

  it('lists only what the worker sent, not the files the mediator added', async () => {
    const c = await newCase(t, { stage: 'mediating' });
    const token = await trackSession(c);
    expect((await upload(token, 'chat.png', PNG)).statusCode).toBe(200);
    const { payload, headers } = multipart('单位考勤表.png', PNG);
    const staff = await c.mediator.request({ method: 'POST', url: `/api/disputes/${c.id}/evidence`, payload, headers });
    expect(staff.statusCode, staff.body).toBe(200);
    const mine = (await files(token)).json<{ evidence: { filename: string }[] }>();
    expect(mine.evidence.map((e) => e.filename)).toEqual(['chat.png']);
  });

  it('refuses a file whose bytes are not what its name says, naming the file', async () => {
    const c = await newCase(t, { stage: 'mediating' });
    const token = await trackSession(c);
    const res = await upload(token, '工资条.pdf', Buffer.from('MZ\x90\x00 this is a program, not a pdf'));
    expect(res.statusCode).toBe(415);
    const body = res.json<{ message: string; messageEn: string; field: string }>();
    expect(body.field).toBe('file');
    expect(body.message).toContain('「工资条.pdf」');
    expect(body.message).toContain('文件名与内容不符');
    expect(body.messageEn).toContain('does not match');
    expect((await files(token)).json<{ evidence: unknown[] }>().evidence).toEqual([]);
  });

  it('answers 401 without a tracking session, and to a token that is not one', async () => {
    const c = await newCase(t, { stage: 'mediating' });
    expect((await upload(null, 'a.png', PNG)).statusCode).toBe(401);
    expect((await upload('not-a-session-token', 'a.png', PNG)).statusCode).toBe(401);
    expect((await agent(t.app).get('/api/public/disputes/track/files')).statusCode).toBe(401);
    expect((await download(null, 'agreement')).statusCode).toBe(401);
    const detail = (await c.mediator.get(`/api/disputes/${c.id}`)).json<{ evidence: unknown[] }>();
    expect(detail.evidence).toEqual([]);
  });

  it('refuses once the case is closed', async () => {
    const c = await newCase(t, { stage: 'mediating' });
    const token = await trackSession(c);
    const closed = await actOn(c.mediator, c.id, 'close_failed', { reason: 'withdrawn' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await files(token)).json<{ canUpload: boolean }>().canUpload).toBe(false);
    const res = await upload(token, 'late.png', PNG);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ message: string }>().message).toContain('案件已结束');
  });

  it('limits the uploads of one tracking session', async () => {
    const c = await newCase(t, { stage: 'mediating' });
    const token = await trackSession(c);
    for (let i = 1; i <= 20; i++) expect((await upload(token, `p${i}.png`, PNG)).statusCode).toBe(200);
    const over = await upload(token, 'p21.png', PNG);
    expect(over.statusCode).toBe(429);
    expect(over.json<{ message: string }>().message).toMatch(/上传证据过于频繁，请.*后再试/);
    later(11);
    expect((await upload(token, 'p21.png', PNG)).statusCode).toBe(200);
    expect((await files(token)).json<{ filesLeft: number }>().filesLeft).toBe(30 - 21);
  });
});

describe('the agreement and the ruling from the worker’s phone', () => {
  it('gives the agreement only once it is signed and in force, as the case’s own PDF', async () => {
    const c = await newCase(t, { stage: 'mediating' });
    const token = await trackSession(c);
    expect((await files(token)).json()).toMatchObject({ documents: { agreement: false, ruling: false } });
    const early = await download(token, 'agreement');
    expect(early.statusCode).toBe(409);
    expect(early.json<{ message: string }>().message).toContain('调解协议尚未经各方签署生效');

    const total = c.intake.claims.reduce((s, x) => s + (x.amountFen ?? 0), 0);
    const set = await actOn(c.mediator, c.id, 'set_agreement_terms', {
      terms: { installments: [{ dueOn: '2025-07-09', amountFen: total }], claimTypes: ['wage_arrears'] },
    });
    expect(set.statusCode, set.body).toBe(200);
    // Terms set, nobody has signed: still nothing to download.
    expect((await download(token, 'agreement')).statusCode).toBe(409);

    const signed = await agreeOnPaper(c.mediator, c.id, {
      installments: [{ dueOn: '2025-07-09', amountFen: total }],
      claimTypes: ['wage_arrears'],
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect((await files(token)).json()).toMatchObject({ documents: { agreement: true, ruling: false } });
    const pdf = await download(token, 'agreement');
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(decodeURIComponent(String(pdf.headers['content-disposition']))).toContain(
      `attachment; filename*=UTF-8''调解协议书-${c.caseNumber}.pdf`,
    );
    const text = (await pdfText(pdf.rawPayload)).flat;
    expect(text).toContain(c.caseNumber);
    expect(text).toContain(c.worker.name);
    expect(text).not.toContain(c.worker.residentId);
    expect(text).not.toContain(c.worker.residentId.slice(6, 14)); // the birth date part is masked too
    expect((await download(token, 'ruling')).statusCode).toBe(409);
  });

  it('serves only the session’s own case: another case’s session does not reach this agreement', async () => {
    const signedCase = await newCase(t, { stage: 'agreement_signed' });
    const other = await newCase(t, { stage: 'mediating' });
    const otherToken = await trackSession(other);
    const res = await download(otherToken, 'agreement');
    expect(res.statusCode).toBe(409);
    const ownToken = await trackSession(signedCase);
    expect((await download(ownToken, 'agreement')).statusCode).toBe(200);
    // A token that opens no tracking session opens nothing.
    expect((await download('x'.repeat(32), 'agreement')).statusCode).toBe(401);
    expect((await download(ownToken, 'mediation-application')).statusCode).toBe(400);
  });

  it('gives the ruling only after the court has ruled', async () => {
    const c = await newCase(t, { stage: 'confirmation_applied' });
    const token = await trackSession(c);
    const early = await download(token, 'ruling');
    expect(early.statusCode).toBe(409);
    expect(early.json<{ message: string }>().message).toContain('法院尚未作出裁定');
    expect((await download(token, 'agreement')).statusCode).toBe(200);

    const judge = await newJudge(t, { court: c.mediator.studio.court });
    const ruled = await actOn(judge, c.id, 'issue_ruling', {}, { review: REVIEW_OK });
    expect(ruled.statusCode, ruled.body).toBe(200);
    expect((await files(token)).json()).toMatchObject({ documents: { agreement: true, ruling: true } });
    const pdf = await download(token, 'ruling');
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(decodeURIComponent(String(pdf.headers['content-disposition']))).toContain('民事裁定书-');
    expect((await pdfText(pdf.rawPayload)).flat).toContain('裁定');
  });
});
