import type { Role } from '../../contracts/roles.js';
import type { IntakeInput } from '../../contracts/disputes.js';
import type { Stage } from '../../contracts/disputes/stages.js';
import { commandLineCtx } from '../../server/core/context.js';
import { buildResidentId } from '../../server/core/identifiers/resident-id.js';
import { buildUscc } from '../../server/core/identifiers/uscc.js';
import { createAccount } from '../../server/modules/accounts/service.js';
import { courts } from '../../server/modules/courts/tables.js';
import { mediationBodies } from '../../server/modules/organizations/tables.js';
import { loginAs, type Agent, type TestApp } from './app.js';
import { actOn, agreeOnPaper, constructionIntake } from './disputes.js';

/*
 * Factories: each builds exactly the state a test names, through the real code paths (the
 * administrator's HTTP API, the case actions), with unique phones, IDs and codes of its own, so a
 * file may call them as often as it likes and any test runs alone. Start the app with
 * `createTestApp({ demoScale: null })`: nothing here reads the demo data set.
 */

/** The password of every account a factory makes; strong enough for the password rules. */
export const FACTORY_PASSWORD = 'Factory-Pass-2026';

/** The demo's home region (中山市), so a case built without options reads like the demo story. */
export const HOME_REGION = '442000';

let serial = 0;
/** A number no other factory call in this test file has used. */
function nextSerial(): number {
  serial += 1;
  return serial;
}

/** A mobile number of its own (137 block, which no fixture uses). */
export function uniquePhone(): string {
  return `137${String(nextSerial()).padStart(8, '0')}`;
}

/** A resident ID with a valid check character, born in Ganzhou (361102) unless told. */
export function uniqueResidentId(opts: { regionCode?: string; birthYear?: number } = {}): string {
  const n = nextSerial();
  return buildResidentId({
    regionCode: opts.regionCode ?? '361102',
    birthDate: `${opts.birthYear ?? 1970 + (Math.floor(n / 1000) % 30)}-05-${String(1 + (n % 28)).padStart(2, '0')}`,
    sequence: n % 1000,
  });
}

/** A USCC with valid check characters for an enterprise in `regionCode`. */
export function uniqueUscc(regionCode = HOME_REGION): string {
  return buildUscc({
    registrationAuthority: '9',
    entityType: '1',
    regionCode,
    orgCodeBody8: `F${String(nextSerial()).padStart(7, '0')}`,
  });
}

/** The administrator the factories act as, one per app (made on first use). */
const factoryAdmins = new WeakMap<TestApp, Promise<Agent>>();
function adminOf(t: TestApp): Promise<Agent> {
  let admin = factoryAdmins.get(t);
  if (!admin) {
    admin = newAdmin(t);
    factoryAdmins.set(t, admin);
  }
  return admin;
}

export type LoggedIn = Agent & { id: string; username: string; password: string };

/** A system administrator of the whole country, created as `admin:create` does, logged in. */
export async function newAdmin(t: TestApp, opts: { username?: string } = {}): Promise<LoggedIn> {
  const username = opts.username ?? `admin_${nextSerial()}`;
  const account = await createAccount(t.deps, commandLineCtx('test-factory'), {
    username,
    password: FACTORY_PASSWORD,
    displayName: '系统管理员',
    roles: ['system_admin'],
    regionCode: null,
    status: 'active',
  });
  return Object.assign(await loginAs(t.app, username, FACTORY_PASSWORD), {
    id: account.id,
    username,
    password: FACTORY_PASSWORD,
  });
}

/** An account made by the administrator through the accounts API, logged in. */
export async function newAccount(
  t: TestApp,
  opts: {
    role?: Role;
    roles?: Role[];
    /** null: the whole country. */
    regionCode?: string | null;
    organizationId?: string;
    courtId?: string;
    employerId?: string;
    personId?: string;
    username?: string;
    displayName?: string;
    phone?: string;
  },
): Promise<LoggedIn> {
  const roles = opts.roles ?? [opts.role ?? 'union_staff'];
  const username = opts.username ?? `${roles[0]}_${nextSerial()}`;
  const admin = await adminOf(t);
  const res = await admin.post('/api/accounts', {
    username,
    password: FACTORY_PASSWORD,
    displayName: opts.displayName ?? `测试${username}`,
    phone: opts.phone,
    roles,
    regionCode: opts.regionCode === undefined ? HOME_REGION : opts.regionCode,
    organizationId: opts.organizationId,
    courtId: opts.courtId,
    employerId: opts.employerId,
    personId: opts.personId,
  });
  if (res.statusCode !== 200) throw new Error(`newAccount ${username}: ${res.statusCode} ${res.body}`);
  return Object.assign(await loginAs(t.app, username, FACTORY_PASSWORD), {
    id: res.json<{ id: string }>().id,
    username,
    password: FACTORY_PASSWORD,
  });
}

export interface Court {
  id: string;
  code: string;
  name: string;
  regionCode: string;
}

/**
 * A court. Courts are reference rows with no administration page, so this writes the row as the
 * installation's loader does. The first court without a code is 粤2071 (ruling numbers read like
 * the demo's); later ones get codes of their own.
 */
export async function newCourt(
  t: TestApp,
  opts: { code?: string; name?: string; regionCode?: string } = {},
): Promise<Court> {
  const regionCode = opts.regionCode ?? HOME_REGION;
  const code = opts.code ?? (await freeCourtCode(t));
  const [row] = await t.deps.db
    .insert(courts)
    .values({ code, name: opts.name ?? `测试人民法院${code}`, level: 'basic', regionCode })
    .returning();
  return { id: row!.id, code, name: row!.name, regionCode };
}

async function freeCourtCode(t: TestApp): Promise<string> {
  const taken = new Set((await t.deps.db.select({ code: courts.code }).from(courts)).map((r) => r.code));
  if (!taken.has('粤2071')) return '粤2071';
  for (;;) {
    const code = `粤${2100 + nextSerial()}`;
    if (!taken.has(code)) return code;
  }
}

export interface Studio {
  id: string;
  organizationId: string;
  name: string;
  regionCode: string;
  caseNumberPrefix: string;
  court: Court;
}

/**
 * A union mediation studio with its organization (made through the organizations API) and the
 * court that confirms its agreements. Studios have no administration page, so the studio row is
 * written as the installation's loader does.
 */
export async function newStudio(
  t: TestApp,
  opts: { regionCode?: string; name?: string; caseNumberPrefix?: string; court?: Court } = {},
): Promise<Studio> {
  const regionCode = opts.regionCode ?? HOME_REGION;
  const n = nextSerial();
  const name = opts.name ?? `中山市总工会劳动争议调解工作室${n}`;
  const court = opts.court ?? (await newCourt(t, { regionCode }));
  const admin = await adminOf(t);
  const org = await admin.post('/api/organizations', { name, kind: 'city', regionCode });
  if (org.statusCode !== 200) throw new Error(`newStudio organization: ${org.statusCode} ${org.body}`);
  const organizationId = org.json<{ id: string }>().id;
  const caseNumberPrefix = opts.caseNumberPrefix ?? (n === 1 ? '粤中工调' : `测调${n}`);
  const [row] = await t.deps.db
    .insert(mediationBodies)
    .values({
      name,
      kind: 'union_studio',
      organizationId,
      regionCode,
      caseNumberPrefix,
      defaultCourtId: court.id,
      contactPhone: '0760-88880001',
    })
    .returning({ id: mediationBodies.id });
  return { id: row!.id, organizationId, name, regionCode, caseNumberPrefix, court };
}

/** The studio a case gets when none is named: one per app, made on first use. */
const homeStudios = new WeakMap<TestApp, Promise<Studio>>();
export function homeStudio(t: TestApp): Promise<Studio> {
  let studio = homeStudios.get(t);
  if (!studio) {
    studio = newStudio(t, { name: '中山市总工会劳动争议诉调对接工作室', caseNumberPrefix: '粤中工调' });
    homeStudios.set(t, studio);
  }
  return studio;
}

/** A mediator of a studio (the home studio unless told), logged in. */
export async function newMediator(
  t: TestApp,
  opts: { studio?: Studio; regionCode?: string; displayName?: string } = {},
): Promise<LoggedIn & { studio: Studio }> {
  const studio =
    opts.studio ?? (opts.regionCode ? await newStudio(t, { regionCode: opts.regionCode }) : await homeStudio(t));
  const mediator = await newAccount(t, {
    role: 'mediator',
    regionCode: studio.regionCode,
    organizationId: studio.organizationId,
    displayName: opts.displayName,
  });
  return Object.assign(mediator, { studio });
}

/** A judge (or clerk) of a court (the home studio's court unless told), logged in. */
export async function newJudge(
  t: TestApp,
  opts: { court?: Court; role?: 'judge' | 'court_clerk'; displayName?: string } = {},
): Promise<LoggedIn & { court: Court }> {
  const court = opts.court ?? (await homeStudio(t)).court;
  const judge = await newAccount(t, {
    role: opts.role ?? 'judge',
    regionCode: court.regionCode,
    courtId: court.id,
    displayName: opts.displayName,
  });
  return Object.assign(judge, { court });
}

export interface Employer {
  id: string;
  uscc: string;
  name: string;
  regionCode: string;
  contactPhone: string;
}

/** An employer registered through the employers API. */
export async function newEmployer(
  t: TestApp,
  opts: {
    name?: string;
    regionCode?: string;
    contactPhone?: string;
    contactEmail?: string;
    industryCode?: string;
  } = {},
): Promise<Employer> {
  const regionCode = opts.regionCode ?? HOME_REGION;
  const uscc = uniqueUscc(regionCode);
  const name = opts.name ?? `中山市测试建筑有限公司${uscc.slice(-6)}`;
  const contactPhone = opts.contactPhone ?? uniquePhone();
  const res = await (
    await adminOf(t)
  ).post('/api/employers', {
    uscc,
    name,
    regionCode,
    industryCode: opts.industryCode ?? 'E47',
    contactPhone,
    contactEmail: opts.contactEmail,
  });
  if (res.statusCode !== 200) throw new Error(`newEmployer: ${res.statusCode} ${res.body}`);
  return { id: res.json<{ id: string }>().id, uscc, name, regionCode, contactPhone };
}

export interface Person {
  id: string;
  name: string;
  phone: string;
  residentId: string;
  regionCode: string;
}

/** A person registered through the people API. */
export async function newPerson(
  t: TestApp,
  opts: { name?: string; phone?: string; residentId?: string; regionCode?: string } = {},
): Promise<Person> {
  const regionCode = opts.regionCode ?? HOME_REGION;
  const person = {
    name: opts.name ?? `测试职工${nextSerial()}`,
    phone: opts.phone ?? uniquePhone(),
    residentId: opts.residentId ?? uniqueResidentId(),
    regionCode,
  };
  const res = await (await adminOf(t)).post('/api/people', person);
  if (res.statusCode !== 200) throw new Error(`newPerson: ${res.statusCode} ${res.body}`);
  return { id: res.json<{ id: string }>().id, ...person };
}

/** The stages `newCase` drives a case to, in the order the actions reach them. */
export type CaseStage = Extract<
  Stage,
  | 'intake'
  | 'consultation'
  | 'employer_contacted'
  | 'consented'
  | 'mediating'
  | 'agreement_signed'
  | 'confirmation_applied'
  | 'ruling_issued'
  | 'confirmation_refused'
>;

/** Review answers of a court that finds nothing against the agreement. */
export const REVIEW_OK = {
  violates_mandatory_law: false,
  harms_state_public_or_third_party: false,
  offends_public_order: false,
  not_voluntary: false,
  content_unclear: false,
};

export const JOINT_CONFIRMATION_APPLICATION = {
  applicants: ['worker', 'employer'],
  // 调解组织主持调解的证明 belongs to the application (民诉法解释第三百五十四条).
  materials: { agreement: true, identityProofs: true, contactDetails: true, mediationProof: true },
  court: 'inviting_court',
};

export interface NewCase {
  id: string;
  caseNumber: string;
  stage: Stage;
  version: number;
  mediator: LoggedIn & { studio: Studio };
  /** The judge of the case's court; made when the stage needs one, else on request. */
  judge: (LoggedIn & { court: Court }) | null;
  worker: { name: string; phone: string; residentId: string };
  intake: IntakeInput;
}

/**
 * A case registered at the counter by a mediator (the seed's construction story unless `intake`
 * changes it) and driven through the real actions to `stage`:
 * intake → consultation (start) → employer_contacted (worker consents, employer reached by phone)
 * → consented (employer accepts) → mediating (in person) → agreement_signed (terms on paper,
 * both parties and the mediator sign) → confirmation_applied (joint application) →
 * ruling_issued | confirmation_refused (the court's judge).
 */
export async function newCase(
  t: TestApp,
  opts: {
    stage?: CaseStage;
    mediator?: LoggedIn & { studio: Studio };
    judge?: LoggedIn & { court: Court };
    /** China date the case is registered on; the clock is set to 10:00 that day. */
    day?: string;
    claims?: IntakeInput['claims'];
    /** The general contractor the construction story names as liable. */
    employer?: Employer;
    worker?: { name?: string; phone?: string; residentId?: string };
    /** The agreement's instalments (default: the claim paid in one, 30 days after registration). */
    installments?: { dueOn: string; amountFen: number }[];
    /** A last change of the intake before it is sent. */
    intake?: (base: IntakeInput) => IntakeInput;
  } = {},
): Promise<NewCase> {
  if (opts.day) t.clock.now = new Date(`${opts.day}T02:00:00Z`);
  const mediator = opts.mediator ?? (await newMediator(t));
  const worker = {
    name: opts.worker?.name ?? `测试职工${nextSerial()}`,
    phone: opts.worker?.phone ?? uniquePhone(),
    residentId: opts.worker?.residentId ?? uniqueResidentId(),
  };
  const story = constructionIntake(t, { courtId: mediator.studio.court.id });
  let intake: IntakeInput = { ...story, worker: { ...story.worker, ...worker } };
  if (opts.claims) intake.claims = opts.claims;
  if (opts.employer && intake.construction) {
    const parties = [...intake.construction.parties];
    parties[1] = {
      ...parties[1]!,
      name: opts.employer.name,
      uscc: opts.employer.uscc,
      contactPhone: opts.employer.contactPhone,
    };
    intake = { ...intake, construction: { ...intake.construction, parties } };
  }
  if (opts.intake) intake = opts.intake(intake);
  const registered = await mediator.post('/api/disputes', intake);
  if (registered.statusCode !== 200) throw new Error(`newCase register: ${registered.statusCode} ${registered.body}`);
  const { id, caseNumber } = registered.json<{ id: string; caseNumber: string }>();

  const target = opts.stage ?? 'intake';
  const order: CaseStage[] = [
    'intake',
    'consultation',
    'employer_contacted',
    'consented',
    'mediating',
    'agreement_signed',
    'confirmation_applied',
  ];
  const reach = (stage: CaseStage) =>
    order.indexOf(stage) <= (order.includes(target) ? order.indexOf(target) : order.length - 1);
  const step = async (who: Agent, action: string, payload: object = {}, extra: object = {}) => {
    const res = await actOn(who, id, action, payload, extra);
    if (res.statusCode !== 200) throw new Error(`newCase ${action}: ${res.statusCode} ${res.body}`);
    return res;
  };
  if (reach('consultation')) await step(mediator, 'start_consultation');
  if (reach('employer_contacted')) {
    await step(mediator, 'record_consent', { party: 'worker' });
    await step(mediator, 'contact_employer', { channel: 'phone', reached: true });
  }
  if (reach('consented')) await step(mediator, 'record_employer_answer', { answer: 'accept' });
  if (reach('mediating')) await step(mediator, 'start_mediation', { mode: 'in_person' });
  if (reach('agreement_signed')) {
    const total = intake.claims.reduce((sum, c) => sum + (c.amountFen ?? 0), 0);
    const signed = await agreeOnPaper(mediator, id, {
      installments: opts.installments ?? [{ dueOn: chinaDatePlus(t.clock.now, 30), amountFen: total }],
      claimTypes: [...new Set(intake.claims.map((c) => c.type))],
    });
    if (signed.statusCode !== 200) throw new Error(`newCase agreement: ${signed.statusCode} ${signed.body}`);
  }
  if (reach('confirmation_applied')) await step(mediator, 'apply_confirmation', JOINT_CONFIRMATION_APPLICATION);
  let judge = opts.judge ?? null;
  if (target === 'ruling_issued' || target === 'confirmation_refused') {
    judge ??= await newJudge(t, { court: mediator.studio.court });
    if (target === 'ruling_issued') await step(judge, 'issue_ruling', {}, { review: REVIEW_OK });
    else
      await step(
        judge,
        'refuse_confirmation',
        { ground: 'content_unclear', note: '付款方式约定不明' },
        { review: { ...REVIEW_OK, content_unclear: true } },
      );
  }
  const detail = (await mediator.get(`/api/disputes/${id}`)).json<{ version: number; stage: Stage }>();
  return { id, caseNumber, stage: detail.stage, version: detail.version, mediator, judge, worker, intake };
}

/** The China date `days` after `now`. */
function chinaDatePlus(now: Date, days: number): string {
  return new Date(now.getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
