import { buildResidentId } from '../../server/core/identifiers/resident-id.js';
import type { IntakeInput } from '../../contracts/disputes.js';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { outbox } from '../../server/modules/notifications/tables.js';
import { agent, type Agent, type TestApp } from './app.js';

/** The seed's story: a crew boss owes a year of wages and vanished; the general contractor is liable. */
export function constructionIntake(
  t: TestApp,
  opts: { courtId?: string; courtCode?: string; workerName?: string; sequence?: number; appliedOn?: string } = {},
): IntakeInput {
  // A factory-built app names its court; an app with the demo data finds the demo's by code.
  const courtId = opts.courtId ?? t.ids?.courtIds.get(opts.courtCode ?? '粤2071');
  return {
    channel: 'counter',
    kind: 'court_pre_filing',
    courtId,
    oral: true,
    appliedOn: opts.appliedOn,
    worker: {
      name: opts.workerName ?? '宋建军',
      phone: '13912340001',
      residentId: buildResidentId({ regionCode: '361102', birthDate: '1982-04-18', sequence: opts.sequence ?? 31 }),
    },
    workerCount: 1,
    // The hirer is the chain's crew boss; the employer block describes that same party.
    employer: { name: '李某（包工头）' },
    employment: {
      hireDate: '2024-03-01',
      endDate: '2025-03-31',
      wageStructure: 'monthly',
      monthlyWageFen: 700_000,
      workingHours: 'standard',
      contractSigned: false,
      contractSignedDate: null,
    },
    sector: 'construction',
    claims: [{ type: 'wage_arrears', amountFen: 8_400_000, description: '2024 年 3 月至 2025 年 2 月劳务费' }],
    construction: {
      parties: [
        { id: 'dev', name: '中山市翠亨置业有限公司', role: 'developer' },
        {
          id: 'gc',
          name: '中山市华裕建筑劳务有限公司',
          role: 'general_contractor',
          contractedBy: 'dev',
          uscc: undefined,
          contactPhone: '13800002222',
          contactEmail: 'hr@huayu.example.cn',
        },
        {
          id: 'boss',
          name: '李某（包工头）',
          role: 'crew_boss',
          contractedBy: 'gc',
          contractType: 'contract',
          isIndividualOrUnqualified: true,
        },
      ],
      hiredWorker: 'boss',
      developerPaidProjectFunds: 'unknown',
      crewBossReachable: false,
    },
    narrative: '申请人在某住宅项目做钢筋工一年多，包工头李某拖欠劳务费后失联，申请人多次找中间承包人、发包人均无果。',
  };
}

/** An action on the version the agent has just read, as the web app sends it. */
export async function actOn(
  a: Agent,
  caseId: string,
  action: string,
  payload: object = {},
  extra: object = {},
): Promise<LightMyRequestResponse> {
  const current = await a.get(`/api/disputes/${caseId}`);
  const version = current.statusCode === 200 ? current.json<{ version: number }>().version : 1;
  return a.post(`/api/disputes/${caseId}/actions`, { action, payload, version, ...extra });
}

/** The hash of the terms on the case, which a signature must name. */
export async function termsHashOf(a: Agent, caseId: string): Promise<string> {
  const detail = (await a.get(`/api/disputes/${caseId}`)).json<{
    record: { state: { agreementHash?: string } };
  }>();
  return detail.record.state.agreementHash ?? '';
}

/**
 * The mediator sets the terms, records both parties' signatures on the printed agreement and
 * signs with the seal: the agreement takes effect.
 */
export async function agreeOnPaper(mediator: Agent, caseId: string, terms: object): Promise<LightMyRequestResponse> {
  const set = await actOn(mediator, caseId, 'set_agreement_terms', { terms });
  if (set.statusCode !== 200) return set;
  const termsHash = await termsHashOf(mediator, caseId);
  for (const signer of ['worker', 'employer'] as const) {
    const r = await actOn(mediator, caseId, 'record_party_signature', { signer, termsHash, method: 'paper' });
    if (r.statusCode !== 200) return r;
  }
  return actOn(mediator, caseId, 'sign_agreement', { signer: 'mediator', termsHash, sealApplied: true });
}

/**
 * The same story sent by the worker from a phone: no date, no oral flag; to the studio named by
 * `mediationBodyId`, else the demo's (`studio` key, Zhongshan unless told).
 */
export function onlineApplication(
  t: TestApp,
  opts: { workerName?: string; phone?: string; sequence?: number; studio?: string; mediationBodyId?: string } = {},
): IntakeInput {
  const {
    appliedOn: _date,
    oral: _oral,
    mediatorRequestsJudge: _judge,
    courtId: _court,
    ...rest
  } = constructionIntake(t, { workerName: opts.workerName, sequence: opts.sequence });
  return {
    ...rest,
    channel: 'online',
    mediationBodyId: opts.mediationBodyId ?? t.ids?.studioIds.get(opts.studio ?? 'zs'),
    worker: { ...rest.worker, phone: opts.phone ?? rest.worker.phone },
  };
}

/** A fresh address per simulated phone, as on the mobile network (the limits count addresses). */
let addressCounter = 1;
export function nextAddress(): string {
  const n = addressCounter++;
  return `172.16.${(n >> 8) & 255}.${n & 255}`;
}

/** The code last texted to a phone (a tracking or signing code), read from the outbox. */
export async function lastCodeTo(t: TestApp, phone: string): Promise<string | undefined> {
  const sms = await t.deps.db.select({ body: outbox.body }).from(outbox).where(eq(outbox.recipient, phone));
  return sms
    .map((m) => /验证码 (\d{6})/.exec(m.body)?.[1])
    .filter(Boolean)
    .at(-1);
}

/** The worker's phone page for a case, as the worker reaches it: case number, phone, the texted code. */
export async function workerTrackView(t: TestApp, caseNumber: string, phone: string): Promise<LightMyRequestResponse> {
  const anon = agent(t.app);
  await anon.post('/api/public/disputes/track/request-code', { caseNumber, phone });
  const code = await lastCodeTo(t, phone);
  const { caseToken } = (await anon.post('/api/public/disputes/track/verify', { caseNumber, code })).json<{
    caseToken: string;
  }>();
  return anon.request({ method: 'GET', url: '/api/public/disputes/track', headers: { 'x-case-token': caseToken } });
}

/**
 * The paying party signs through its link as a person would: asks for the code (texted to the
 * party's registered phone, `phone`), then signs in a name with it.
 */
export async function signByLink(
  t: TestApp,
  token: string,
  termsHash: string,
  opts: { phone: string; signerName?: string },
): Promise<LightMyRequestResponse> {
  const anon = agent(t.app);
  const asked = await anon.post(`/api/public/disputes/employer/${token}/sign-code`, {});
  if (asked.statusCode !== 200) return asked;
  const code = await lastCodeTo(t, opts.phone);
  return anon.post(`/api/public/disputes/employer/${token}/sign`, {
    termsHash,
    code,
    signerName: opts.signerName ?? '周经理',
  });
}
