import type { Intake } from '../../../../contracts/disputes.js';
import type { EmployerFact, IdentityDifference, IdentityMatch } from '../../../../contracts/disputes/case-json.js';
import { regionWithin } from '../../../../contracts/regions.js';
import type { Actor, Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { normalizeResidentId, validateResidentId } from '../../../core/identifiers/resident-id.js';
import type { Tx } from '../../../db/client.js';
import { courtRepo } from '../../courts/repository.js';
import { employerExists, employerForIntake } from '../../employers/service.js';
import {
  onlyStudio,
  studioById,
  studioForRegion,
  studioOfOrganization,
  type Studio,
} from '../../organizations/service.js';
import { createPersonForIntake, findPersonByPhoneAndName, findPersonByResidentId } from '../../people/service.js';
import { regionRepo } from '../../regions/repository.js';
import type { Notice } from '../case-record.js';
import { openCaseOf } from './repository.js';

// Who a new case is between and where it goes: the studio that takes it, its court, the worker
// as a person record, the employer in the register, and what the mediator should check.

/** A studio with a case-number prefix: one that can number (and so take) cases. */
export type ReadyStudio = Studio & { caseNumberPrefix: string };

/**
 * The studio that takes the case: the one the application names; at the counter, the
 * mediator's own studio (or the one covering the mediator's region); online, the one covering
 * the worker's region, or the only studio there is.
 */
export async function studioOf(tx: Tx, input: Intake, actor: Actor | null): Promise<ReadyStudio> {
  const counter = input.channel === 'counter' && actor;
  if (input.mediationBodyId) {
    const named = await studioById(tx, input.mediationBodyId);
    if (!named) throw errors.validation('mediationBodyId', '调解工作室不存在', 'Unknown mediation studio');
    if (counter && !regionWithin(named.regionCode, actor.regionCode))
      throw errors.validation(
        'mediationBodyId',
        '只能为本地区的调解工作室登记案件',
        'You can register cases for the studios of your region only',
      );
    return ready(named);
  }
  if (counter) {
    const own =
      (actor.organizationId ? await studioOfOrganization(tx, actor.organizationId) : null) ??
      (actor.regionCode ? await studioForRegion(tx, actor.regionCode) : null);
    if (!own)
      throw new AppError(
        'CONFLICT',
        '您所在地区尚未设立劳动争议调解工作室',
        'No mediation studio is set up for your region',
        'mediationBodyId',
      );
    return ready(own);
  }
  if (input.worker.regionCode) {
    const local = await studioForRegion(tx, input.worker.regionCode);
    if (!local)
      throw errors.validation(
        'worker.regionCode',
        '该地区尚未设立劳动争议调解工作室，请选择受理申请的工作室',
        'No mediation studio serves this region; choose a studio',
      );
    return ready(local);
  }
  const only = await onlyStudio(tx);
  if (!only)
    throw errors.validation(
      'mediationBodyId',
      '请选择受理申请的调解工作室',
      'Choose the mediation studio for your application',
    );
  return ready(only);
}

/** A studio numbers its own cases; one set up without a prefix cannot take any yet. */
function ready(studio: Studio): ReadyStudio {
  if (!studio.caseNumberPrefix)
    throw new AppError(
      'CONFLICT',
      `「${studio.name}」尚未设置案件编号前缀，请联系系统管理员`,
      `The studio "${studio.name}" has no case-number prefix yet; contact the administrator`,
      'mediationBodyId',
    );
  return studio as ReadyStudio;
}

/** The court named, which must exist; else the court that confirms the studio's agreements. */
export async function courtOf(tx: Tx, courtId: string | undefined, studio: Studio): Promise<string | null> {
  if (!courtId) return studio.defaultCourtId ?? null;
  if (!(await courtRepo.byId(tx, courtId))) throw errors.validation('courtId', '法院不存在', 'Unknown court');
  return courtId;
}

/** The worker's own region when given (it must exist), else the studio's. */
export async function workerRegion(tx: Tx, regionCode: string | undefined, studio: Studio): Promise<string> {
  if (!regionCode) return studio.regionCode;
  if (!(await regionRepo.byCode(tx, regionCode)))
    throw errors.validation('worker.regionCode', '行政区划代码不存在', 'Unknown region code');
  return regionCode;
}

export async function workerPerson(
  tx: Tx,
  deps: Deps,
  ctx: Ctx,
  worker: Intake['worker'],
  regionCode: string,
  online: boolean,
): Promise<{ personId: string; identityMatch?: IdentityMatch }> {
  const residentId = worker.residentId ? normalizeResidentId(worker.residentId) : null;
  if (residentId) {
    const check = validateResidentId(residentId, deps.now());
    if (!check.ok) throw errors.validation('worker.residentId', check.message, check.messageEn);
  }
  const registered = residentId ? await findPersonByResidentId(tx, deps, residentId) : null;
  if (online) {
    // Anybody can type somebody else's ID on a phone. The applicant becomes a person of their
    // own, without the ID (which would claim it); the mediator verifies the ID card and merges.
    const personId = await createPersonForIntake(tx, deps, ctx, { name: worker.name, phone: worker.phone, regionCode });
    if (!registered) return { personId, identityMatch: { status: 'unverified', matchesRegisteredPerson: false } };
    // The ID is somebody's: with another name or phone the case waits for the mediator (identity-hold.ts).
    const differs = differencesFrom(registered, worker);
    return {
      personId,
      identityMatch: {
        status: differs.length ? 'held' : 'unverified',
        matchesRegisteredPerson: true,
        registeredPersonId: registered.id,
        ...(differs.length ? { differs } : {}),
      },
    };
  }
  if (registered) return { personId: registered.id };
  if (!residentId) {
    const known = await findPersonByPhoneAndName(tx, worker.phone, worker.name);
    if (known) return { personId: known.id };
  }
  return {
    personId: await createPersonForIntake(
      tx,
      deps,
      ctx,
      { name: worker.name, phone: worker.phone, regionCode, residentId },
      'worker.residentId',
    ),
  };
}

/**
 * What an applicant typed that a registered person's record does not say. A record without a
 * phone differs from any phone typed: the name and the ID alone are what an impostor would know.
 */
export function differencesFrom(
  registered: { name: string; phone: string | null },
  typed: { name: string; phone: string },
): IdentityDifference[] {
  const out: IdentityDifference[] = [];
  if (registered.name.trim() !== typed.name.trim()) out.push('name');
  if (registered.phone !== typed.phone) out.push('phone');
  return out;
}

/** Told to the mediator only: the applicant online learns nothing about other records. */
export async function identityNotices(
  tx: Tx,
  match: IdentityMatch,
  employerId: string | null,
  employerName: string,
): Promise<Notice[]> {
  const out: Notice[] = [
    match.status === 'held'
      ? {
          code: 'identity_held',
          message:
            '在线申请：所填身份证号属于已登记人员，但姓名或手机号不一致。本案暂停办理，请核验申请人身份证件后在案件页作出判断。',
          messageEn:
            'Online application: the resident ID belongs to a registered person with another name or phone. The case is held; check the applicant’s ID card and decide on the case page.',
        }
      : match.matchesRegisteredPerson
        ? {
            code: 'identity_unverified',
            message: '在线申请：所填身份证号与已登记人员一致，但姓名、手机号未经核验。请核验身份证件后再合并人员档案。',
            messageEn:
              'Online application: the resident ID matches a registered person, but name and phone are unverified. Check the ID card before merging the records.',
          }
        : {
            code: 'identity_unverified',
            message: '在线申请：申请人身份尚未核验，请在首次接触时核验身份证件。',
            messageEn:
              'Online application: the applicant’s identity is unverified; check the ID card at first contact.',
          },
  ];
  if (match.registeredPersonId) {
    const open = await openCaseOf(tx, match.registeredPersonId, employerId, employerName);
    if (open)
      out.push({
        code: 'possible_duplicate',
        message: `可能重复：该身份证号的人员对同一单位已有未结案件 ${open.caseNumber}。`,
        messageEn: `Possible duplicate: the person with this resident ID has an open case ${open.caseNumber} against the same employer.`,
      });
  }
  return out;
}

/** The hirer as the intake gives it: the employer block, or in a construction case the chain's hiring party. */
export function hirerOf(input: Intake): { partyId: string; name: string; fact: EmployerFact } {
  const chain = input.construction;
  const hirer = chain?.parties.find((p) => p.id === chain.hiredWorker);
  if (chain && hirer) {
    const e = input.employer;
    return {
      partyId: hirer.id,
      name: hirer.name,
      fact: {
        name: hirer.name,
        ...(hirer.uscc || e?.uscc ? { uscc: hirer.uscc ?? e?.uscc } : {}),
        ...(e?.contactName ? { contactName: e.contactName } : {}),
        ...(hirer.contactPhone || e?.contactPhone ? { contactPhone: hirer.contactPhone ?? e?.contactPhone } : {}),
        ...(hirer.contactEmail || e?.contactEmail ? { contactEmail: hirer.contactEmail ?? e?.contactEmail } : {}),
      },
    };
  }
  const e = input.employer;
  if (!e) throw errors.validation('employer.name', '请填写用工单位', 'The employer is required');
  const { kind: _k, address: _a, serviceAddress: _s, representative: _r, agent: _g, ...fact } = e;
  return { partyId: 'employer', name: e.name, fact };
}

/**
 * Every organisation of the case with a USCC is linked to the register: the employer, and in a
 * construction case each party of the hiring chain. At the counter a new one is registered (the
 * mediator sees the licence; a code failing its check character only when confirmed); an online
 * application never writes to the register, so nobody can claim a code under a made-up name: the
 * party stays in the case facts until the mediator verifies it. Answers the register's id per party id.
 */
export async function registerPartyEmployers(
  tx: Tx,
  ctx: Ctx,
  input: Intake,
  opts: { regionCode: string; online: boolean },
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const link = async (
    partyId: string,
    e: {
      employerId?: string;
      name: string;
      uscc?: string;
      contactName?: string;
      contactPhone?: string;
      contactEmail?: string;
    },
    field: string,
  ) => {
    if (e.employerId) {
      ids.set(partyId, await employerExists(tx, e.employerId, `${field}.employerId`));
      return;
    }
    if (!e.uscc) return;
    const values = {
      name: e.name,
      uscc: e.uscc,
      regionCode: opts.regionCode,
      industryCode: input.sector,
      contactName: e.contactName,
      contactPhone: e.contactPhone,
      contactEmail: e.contactEmail,
      acceptUsccWarning: input.acceptUsccWarning,
    };
    const id = await employerForIntake(tx, ctx, values, { create: !opts.online, field: `${field}.uscc` });
    if (id) ids.set(partyId, id);
  };
  const chain = input.construction;
  if (!chain) {
    if (input.employer) await link('employer', input.employer, 'employer');
    return ids;
  }
  for (const [i, p] of chain.parties.entries()) {
    const asEmployer = p.id === chain.hiredWorker ? input.employer : undefined;
    await link(
      p.id,
      { ...p, employerId: asEmployer?.employerId, uscc: p.uscc ?? asEmployer?.uscc },
      `construction.parties.${i}`,
    );
  }
  return ids;
}
