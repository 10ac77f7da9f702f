import { maskMobile, normalizeMobile } from '../../../../contracts/identifiers.js';
import type { ApplicationAnswer, ApplicationInput, MemberCard } from '../../../../contracts/membership/api.js';
import { APPLICATION_KIND_LABELS, MEMBERSHIP_NOTICE_VERSION } from '../../../../contracts/membership/codes.js';
import { todayInChina } from '../../../../contracts/dates.js';
import { writeAudit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { sha256Hex } from '../../../core/crypto.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { maskResidentIdParts } from '../../../core/identifiers/resident-id.js';
import { newLinkToken, newSmsCode } from '../../../core/one-time-codes.js';
import type { DbOrTx } from '../../../db/client.js';
import { spendPhoneCode } from '../../limits/phone-codes.js';
import { enforce } from '../../limits/service.js';
import { notify, notifyCode } from '../../notifications/service.js';
import { nextNumber } from '../../numbering/service.js';
import { organizationByCode } from '../../organizations/service.js';
import { createPersonForIntake, findPersonByIdHash, residentIdColumns } from '../../people/service.js';
import { areaForJoin } from '../grid/attribution.js';
import { applicationRepo, membershipRepo, organiserLookup } from '../repository.js';
import { applicationNumber, cardCodeOf, JOINABLE_KINDS } from '../rules/card.js';
import {
  applicationLimits,
  CODE_TTL_MS,
  codeAttemptLimits,
  codeRequestLimits,
  RESEND_AFTER_SEC,
  SESSION_TTL_MS,
} from './limits.js';
import { phoneAccessRepo } from './repository.js';

/*
 * A worker joins from a QR or link that names the organization (and the organiser who met them):
 * the phone proved by a texted code, the resident ID checked and stored encrypted on the platform's
 * person record, consent to the notice. One person is one member: the ID's keyed hash finds a
 * membership elsewhere (a transfer is offered instead) and a pending application (not duplicated).
 */

const CODE_REQUESTS = { zh: '获取验证码', en: 'code requests' };
const APPLICATIONS = { zh: '提交申请', en: 'applications' };

function codeHash(deps: Deps, phone: string, expiresAt: Date, code: string): string {
  return deps.cipher.searchHash(`member-code:v1:${phone}:${expiresAt.toISOString()}:${code}`);
}

/** GET /api/public/membership/organizations/:code: the joining page's heading. */
export async function joiningOrganization(deps: Deps, code: string, organiserCode?: string) {
  const org = await joinableOrganization(deps.db, code);
  const organiser = organiserCode ? await organiserLookup.activeByCode(deps.db, organiserCode) : null;
  return {
    code: org.code!,
    name: org.name,
    kind: org.kind,
    regionName: org.regionName,
    organiser: organiser ? { code: organiser.code, name: organiser.name } : null,
  };
}

async function joinableOrganization(db: DbOrTx, code: string) {
  const org = await organizationByCode(db, code);
  if (!org || !JOINABLE_KINDS.includes(org.kind) || !org.regionCode)
    throw errors.notFound('可加入的工会组织（请重新扫码）', 'Union to join (scan the code again)');
  return { ...org, regionCode: org.regionCode };
}

/** POST /api/public/membership/codes: counted per address and per phone before anything is sent. */
export async function requestMemberCode(deps: Deps, ctx: Ctx, body: { phone: string }) {
  const phone = normalizeMobile(body.phone);
  for (const stage of codeRequestLimits(phone, ctx.ip)) await enforce(deps.db, deps.now(), stage, CODE_REQUESTS);
  const code = newSmsCode();
  const expiresAt = new Date(deps.now().getTime() + CODE_TTL_MS);
  await deps.db.transaction(async (tx) => {
    await phoneAccessRepo.store(tx, phone, 'code', codeHash(deps, phone, expiresAt, code), expiresAt);
    await notifyCode(tx, deps, {
      channel: 'sms',
      recipient: phone,
      template: 'membership.code',
      variables: { code },
      topic: `member-phone:${phone}`,
    });
  });
  return { sent: true as const, resendAfterSec: RESEND_AFTER_SEC };
}

async function spendCode(deps: Deps, ctx: Ctx, phone: string, code: string): Promise<void> {
  await spendPhoneCode({
    db: deps.db,
    now: deps.now(),
    store: phoneAccessRepo,
    limits: codeAttemptLimits(phone, ctx.ip),
    phone,
    hashOf: (expiresAt) => codeHash(deps, phone, expiresAt, code),
    field: 'otp',
  });
}

async function openSession(db: DbOrTx, deps: Deps, phone: string) {
  const token = newLinkToken();
  const expiresAt = new Date(deps.now().getTime() + SESSION_TTL_MS);
  await phoneAccessRepo.store(db, phone, 'session', sha256Hex(token), expiresAt);
  return { token, expiresAt: expiresAt.toISOString() };
}

/** The phone a session token (X-Member-Token) proves, or null. */
async function phoneOfSession(deps: Deps, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  const row = await phoneAccessRepo.byHash(deps.db, sha256Hex(token));
  if (!row || row.kind !== 'session' || row.expiresAt <= deps.now()) return null;
  return row.phone;
}

/** The phone proved by the session sent, or else by the code in the body (spent here). */
async function provePhone(deps: Deps, ctx: Ctx, phone: string, otp: string | undefined, token: string | undefined) {
  if ((await phoneOfSession(deps, token)) === phone) return;
  if (!otp) throw errors.validation('otp', '请填写短信验证码', 'Enter the code texted to your phone');
  await spendCode(deps, ctx, phone, otp);
}

/**
 * The duplicate check of an application: what the platform already holds for a resident ID (its
 * keyed hash) — the person, an application pending anywhere, a membership active anywhere.
 */
export async function standingOf(db: DbOrTx, deps: Deps, residentIdHash: string) {
  const person = await findPersonByIdHash(db, residentIdHash);
  const pending = await applicationRepo.pendingOf(db, residentIdHash);
  const active = person ? await membershipRepo.activeOf(db, person.id) : null;
  return { person, pending, active };
}

/** POST /api/public/membership/applications */
export async function applyToJoin(
  deps: Deps,
  ctx: Ctx,
  body: ApplicationInput,
  sessionToken: string | undefined,
): Promise<ApplicationAnswer> {
  const org = await joinableOrganization(deps.db, body.organizationCode);
  const organiser = body.organiserCode ? await organiserLookup.activeByCode(deps.db, body.organiserCode) : null;
  if (body.organiserCode && !organiser)
    throw errors.validation('organiserCode', '组织员代码无效，请重新扫码', 'Unknown organiser; scan the code again');
  // The ID is checked before the code is spent: a typing slip does not cost the worker their code.
  const id = residentIdColumns(deps, body.residentId, 'residentId');
  const phone = normalizeMobile(body.phone);
  await enforce(deps.db, deps.now(), applicationLimits(ctx.ip), APPLICATIONS);
  await provePhone(deps, ctx, phone, body.otp, sessionToken);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const session = await openSession(tx, deps, phone);
    const answer = (fields: Omit<ApplicationAnswer, 'organizationName' | 'session'>): ApplicationAnswer => ({
      ...fields,
      organizationName: org.name,
      session,
    });
    const { person, pending, active } = await standingOf(tx, deps, id.residentIdHash);
    if (person && person.name !== body.name)
      throw errors.validation(
        'name',
        '姓名与该身份证号登记的姓名不一致，请核对',
        'The name differs from the one registered with this resident ID; check both',
      );
    if (pending) {
      if (pending.organizationId !== org.id)
        throw errors.conflict(
          `您已向「${pending.organizationName}」提交申请（${pending.applicationNo}），请等待审核结果`,
          `You have an application with ${pending.organizationName} (${pending.applicationNo}) awaiting approval`,
          'residentId',
        );
      return answer({
        applicationNo: pending.applicationNo,
        status: 'pending',
        kind: pending.kind,
        existing: true,
        memberOf: null,
      });
    }
    if (active?.organizationId === org.id)
      throw errors.conflict(
        `您已是${org.name}会员，可凭手机号查看电子会员卡`,
        `You are already a member of ${org.name}; open your member card with your phone`,
        'residentId',
      );
    const memberOf = active ? { organizationName: active.organizationName, joinedOn: active.joinedOn } : null;
    if (active && !body.transfer)
      return answer({ applicationNo: null, status: 'transfer_offered', kind: 'transfer', existing: false, memberOf });
    const personId =
      person?.id ??
      (await createPersonForIntake(tx, deps, ctx, {
        name: body.name,
        phone,
        regionCode: org.regionCode,
        residentId: body.residentId,
      }));
    const kind = active ? 'transfer' : 'join';
    const today = todayInChina(now);
    const applicationNo = applicationNumber(today, await nextNumber(tx, `membership-application:${today}`));
    const areaId = await areaForJoin(tx, {
      organiserId: organiser?.id ?? null,
      visitId: body.visitId ?? null,
      regionCode: org.regionCode,
      employer: body.employer ?? null,
    });
    const row = await applicationRepo.insert(tx, {
      applicationNo,
      kind,
      organizationId: org.id,
      regionCode: org.regionCode,
      organiserId: organiser?.id ?? null,
      visitId: body.visitId ?? null,
      areaId,
      personId,
      residentIdHash: id.residentIdHash,
      name: body.name,
      phone,
      occupation: body.occupation,
      employer: body.employer ?? null,
      noticeVersion: MEMBERSHIP_NOTICE_VERSION,
      fromMembershipId: active?.id ?? null,
      createdAt: now,
      updatedAt: now,
    });
    if (!row)
      throw errors.conflict(
        '该身份证号的申请正在提交，请稍后查看',
        'An application with this ID is being submitted; look again shortly',
        'residentId',
      );
    await writeAudit(tx, ctx, {
      action: `membership_application.${kind === 'join' ? 'submitted' : 'transfer_requested'}`,
      entityType: 'membership_application',
      entityId: row.id,
      regionCode: org.regionCode,
      after: {
        applicationNo,
        organization: org.name,
        organiser: organiser?.code ?? null,
        personId,
        phone,
        residentId: body.residentId,
        occupation: body.occupation,
        fromMembershipId: row.fromMembershipId,
      },
    });
    await notify(tx, {
      channel: 'sms',
      recipient: phone,
      template: 'membership.received',
      variables: { kind: APPLICATION_KIND_LABELS[kind].zh, organization: org.name, applicationNo },
      regionCode: org.regionCode,
      topic: `member-phone:${phone}`,
    });
    return answer({ applicationNo, status: 'pending', kind, existing: false, memberOf });
  });
}

/** POST /api/public/membership/sign-in: the card page on a new phone, or after the session ended. */
export async function signInMember(deps: Deps, ctx: Ctx, body: { phone: string; otp: string }) {
  const phone = normalizeMobile(body.phone);
  await spendCode(deps, ctx, phone, body.otp);
  return openSession(deps.db, deps, phone);
}

/** GET /api/public/membership/card: the card of the person whose phone the session proves. */
export async function memberCard(deps: Deps, sessionToken: string | undefined): Promise<MemberCard> {
  const phone = await phoneOfSession(deps, sessionToken);
  if (!phone)
    throw new AppError('UNAUTHENTICATED', '请用手机验证码登录后查看', 'Verify your phone with a texted code first');
  const person = await personOfPhone(deps, phone);
  if (!person) throw errors.notFound('该手机号的入会申请', 'An application from this phone');
  const [active, applications, history] = await Promise.all([
    membershipRepo.activeOf(deps.db, person.personId),
    applicationRepo.ofPerson(deps.db, person.personId),
    membershipRepo.historyOf(deps.db, person.personId),
  ]);
  return {
    name: person.name,
    phoneMasked: maskMobile(phone),
    residentIdMasked: maskResidentIdParts(person.residentIdHead, person.residentIdTail),
    card: active
      ? {
          memberNo: active.memberNo,
          organizationName: active.organizationName,
          joinedOn: active.joinedOn,
          cardCode: cardCodeOf((s) => deps.cipher.searchHash(s), active),
        }
      : null,
    applications: applications.map((a) => ({
      applicationNo: a.applicationNo,
      kind: a.kind,
      status: a.status,
      organizationName: a.organizationName,
      submittedAt: a.createdAt.toISOString(),
      decisionReason: a.decisionReason,
    })),
    history: history.map((m) => ({
      organizationName: m.organizationName,
      joinedOn: m.joinedOn,
      endedOn: m.endedOn,
      status: m.status,
    })),
  };
}

/** The applicant a phone belongs to: the newest application from it names the person. */
async function personOfPhone(deps: Deps, phone: string) {
  const latest = await applicationRepo.latestOfPhone(deps.db, phone);
  return latest
    ? {
        personId: latest.personId,
        name: latest.name,
        residentIdHead: latest.residentIdHead,
        residentIdTail: latest.residentIdTail,
      }
    : null;
}
