import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { ApplicationAnswer, ApplicationRow } from '../../contracts/membership/api.js';
import type { MemberOccupation } from '../../contracts/membership/codes.js';
import type { Organization, OrganizationKind } from '../../contracts/organizations.js';
import { outbox } from '../../server/modules/notifications/tables.js';
import type { Agent, TestApp } from './app.js';
import { newAdmin, newAccount, uniquePhone, uniqueResidentId, type LoggedIn } from './factories.js';
import { phoneAgent } from './stations.js';

// Membership built through the API: union organizations with a joining code, applications from a
// phone as the joining page sends them, and members approved by the region's staff.

/** Haixi prefecture (海西州), Qinghai: the seed's membership program. */
export const HAIXI = '632800';
/** Golmud (格尔木市), a city of Haixi. */
export const GOLMUD = '632801';

let serial = 0;
const nextCode = () => `T${Date.now().toString(36).slice(-4)}${(serial++).toString(36)}`.toUpperCase();

const admins = new WeakMap<TestApp, Promise<LoggedIn>>();
function adminOf(t: TestApp) {
  let a = admins.get(t);
  if (!a) admins.set(t, (a = newAdmin(t)));
  return a;
}

export type UnionOrganization = Organization & { code: string; regionCode: string };

/** A union a worker can join (a joint union of Golmud unless told), with its joining code. */
export async function newUnionOrganization(
  t: TestApp,
  over: { regionCode?: string; kind?: OrganizationKind; name?: string; code?: string; approverAccountId?: string } = {},
): Promise<UnionOrganization> {
  const admin = await adminOf(t);
  const code = over.code ?? nextCode();
  const res = await admin.post('/api/organizations', {
    name: over.name ?? `格尔木市新就业形态联合工会${code}`,
    kind: over.kind ?? 'joint',
    regionCode: over.regionCode ?? GOLMUD,
    code,
    chairName: '马主席',
    approverAccountId: over.approverAccountId ?? null,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<UnionOrganization>();
}

/** A phone may ask for one code a minute: the test's clock moves on a minute before each. */
export function passMinute(t: TestApp) {
  t.clock.now = new Date(t.clock.now.getTime() + 61_000);
}

/** The membership code last texted to a phone, read from the outbox. */
export async function memberCodeTo(t: TestApp, phone: string): Promise<string> {
  const sms = await t.deps.db.select({ body: outbox.body }).from(outbox).where(eq(outbox.recipient, phone));
  const code = sms
    .filter((m) => m.body.includes('工会'))
    .map((m) => /验证码为(\d{6})/.exec(m.body)?.[1])
    .filter(Boolean)
    .at(-1);
  if (!code) throw new Error(`no membership code texted to ${phone}`);
  return code;
}

export interface Applicant {
  name: string;
  phone: string;
  residentId: string;
  occupation: MemberOccupation;
  employer: string | null;
}

export function newApplicant(over: Partial<Applicant> = {}): Applicant {
  return {
    name: '马骑手',
    phone: uniquePhone(),
    residentId: uniqueResidentId({ regionCode: GOLMUD }),
    occupation: 'rider',
    employer: '美团',
    ...over,
  };
}

/** Applies as the joining page does: a code to the phone, then the form. Answers the raw response. */
export async function applyFromPhone(
  t: TestApp,
  organizationCode: string,
  who: Applicant,
  extra: { organiserCode?: string; visitId?: string; transfer?: boolean; phone?: Agent } = {},
) {
  const phone = extra.phone ?? phoneAgent(t);
  passMinute(t);
  const asked = await phone.post('/api/public/membership/codes', { phone: who.phone });
  expect(asked.statusCode, asked.body).toBe(200);
  const otp = await memberCodeTo(t, who.phone);
  return phone.post('/api/public/membership/applications', {
    organizationCode,
    organiserCode: extra.organiserCode,
    visitId: extra.visitId,
    name: who.name,
    phone: who.phone,
    otp,
    residentId: who.residentId,
    occupation: who.occupation,
    employer: who.employer,
    consent: true,
    transfer: extra.transfer,
  });
}

const approvers = new WeakMap<TestApp, Map<string, Promise<LoggedIn>>>();
/** Union staff of a region (one per app and region), who approve in the queue. */
export function membershipStaff(t: TestApp, regionCode = HAIXI): Promise<LoggedIn> {
  let byRegion = approvers.get(t);
  if (!byRegion) approvers.set(t, (byRegion = new Map()));
  let a = byRegion.get(regionCode);
  if (!a) byRegion.set(regionCode, (a = newAccount(t, { role: 'union_staff', regionCode })));
  return a;
}

/** Approves an application as staff of its organization's region. */
export async function approveApplication(t: TestApp, applicationNo: string, staff?: Agent): Promise<ApplicationRow> {
  const by = staff ?? (await membershipStaff(t, HAIXI));
  const found = await by.get(`/api/membership/applications?q=${applicationNo}`);
  expect(found.statusCode, found.body).toBe(200);
  const row = found.json<{ items: ApplicationRow[] }>().items[0]!;
  const res = await by.post(`/api/membership/applications/${row.id}/approve`, { expectedVersion: row.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ApplicationRow>();
}

export interface NewMember extends Applicant {
  membershipId: string;
  memberNo: string;
  personId: string;
  applicationNo: string;
  organizationId: string;
}

/** A member: applied from a phone and approved by the staff of Haixi (the organization's region by default). */
export async function newMember(
  t: TestApp,
  opts: {
    organization?: { code: string };
    organiserCode?: string;
    occupation?: MemberOccupation;
    applicant?: Partial<Applicant>;
  } = {},
): Promise<NewMember> {
  const organization = opts.organization ?? (await newUnionOrganization(t));
  const who = newApplicant({ ...opts.applicant, ...(opts.occupation ? { occupation: opts.occupation } : {}) });
  const res = await applyFromPhone(t, organization.code, who, { organiserCode: opts.organiserCode });
  expect(res.statusCode, res.body).toBe(200);
  const answer = res.json<ApplicationAnswer>();
  const approved = await approveApplication(t, answer.applicationNo!);
  const staff = await membershipStaff(t, HAIXI);
  const member = await staff.get(`/api/membership/members/${approved.membershipId}`);
  expect(member.statusCode, member.body).toBe(200);
  const { id, memberNo, personId } = member.json<{ id: string; memberNo: string; personId: string }>();
  return {
    ...who,
    membershipId: id,
    memberNo,
    personId,
    applicationNo: answer.applicationNo!,
    organizationId: approved.organizationId,
  };
}

/** Records a worker's occupational-injury cover by hand, as the region's staff. */
export async function recordCover(staff: Agent, personId: string, startsOn: string, endsOn: string): Promise<void> {
  const res = await staff.post('/api/membership/insurance', {
    personId,
    scheme: 'occupational_injury',
    insurer: '中国人民财产保险',
    startsOn,
    endsOn,
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** The phone accepts a transfer it was offered, with the session the offer gave (no second code). */
export function acceptTransfer(
  phone: Agent,
  organizationCode: string,
  member: Applicant,
  sessionToken: string,
  organiserCode?: string,
) {
  return phone.request({
    method: 'POST',
    url: '/api/public/membership/applications',
    headers: { 'x-member-token': sessionToken },
    payload: {
      organizationCode,
      organiserCode,
      name: member.name,
      phone: member.phone,
      residentId: member.residentId,
      occupation: member.occupation,
      consent: true,
      transfer: true,
    },
  });
}
