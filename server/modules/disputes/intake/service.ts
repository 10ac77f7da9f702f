import type { Intake } from '../../../../contracts/disputes.js';
import type { CaseFacts } from '../../../../contracts/disputes/case-json.js';
import type { Ctx } from '../../../core/context.js';
import { requirePermission } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { maskResidentId } from '../../../core/identifiers/resident-id.js';
import type { Tx } from '../../../db/client.js';
import { notify } from '../../notifications/service.js';
import { nextNumber } from '../../numbering/service.js';
import { calendarFor, todayOf } from '../calendar.js';
import { clocksOf, nextDueOf, type CaseRecord, type Notice } from '../case-record.js';
import { readCaseDetail } from '../case-view.js';
import { createCase } from '../case-writer.js';
import { proposeLiableParties } from '../rules/construction-liability.js';
import { collectiveRule, shouldInviteJudge } from '../rules/joint-mediation.js';
import { newCase } from '../rules/state-machine.js';
import { jointConfig } from '../settings.js';
import { rosterOf } from '../../../../contracts/disputes/parties.js';
import { partiesAtIntake } from '../case-parties.js';
import {
  hirerOf,
  registerPartyEmployers,
  courtOf,
  identityNotices,
  studioOf,
  workerPerson,
  workerRegion,
  type ReadyStudio,
} from './parties.js';
import { highestCaseSeq, openCaseOf } from './repository.js';
import { alertStudioOfApplication } from './to-assign.js';

/** POST /api/disputes: a mediator registers a case at the counter; the answer is the new case file. */
export async function registerAtCounter(deps: Deps, ctx: Ctx, input: Omit<Intake, 'channel'>) {
  const row = await registerCase(deps, ctx, { ...input, channel: 'counter' });
  return readCaseDetail(deps, ctx, row.id);
}

/**
 * Registers a case from either door: the studio counter (a mediator records the application,
 * oral ones included, and sees the worker's ID card) or the worker's phone (nobody has checked
 * who is typing). At the counter the worker is never asked twice: person and employer are
 * matched to existing records. Online, nothing the applicant types changes or joins an
 * existing record: the applicant becomes a new person, flagged for the mediator to verify.
 */
export async function registerCase(deps: Deps, ctx: Ctx, input: Intake) {
  const online = input.channel === 'online';
  if (!online && !ctx.actor) throw errors.unauthenticated();
  const actor = ctx.actor ? requirePermission(ctx, 'disputes:intake') : null;
  if (!online && !actor?.roles.includes('mediator')) throw errors.forbidden();
  const today = todayOf(deps);
  const appliedOn = online ? today : counterApplicationDate(input, today);
  checkEmploymentDates(input.employment, today);

  const notices: Notice[] = [];
  const collective = collectiveRule(input.workerCount, input.representatives.length);
  for (const e of collective.errors) throw new AppError('VALIDATION', e.message, e.messageEn, 'representatives');
  notices.push(...collective.warnings);

  const liability = input.construction ? proposeLiableParties(input.construction) : null;
  if (liability?.errors.length)
    throw new AppError('VALIDATION', liability.errors[0]!.message, liability.errors[0]!.messageEn, 'construction');
  const claimTotalFen = input.claims.reduce((s, c) => s + c.amountFen, 0);
  // Asking for a judge is the mediator's call, not the anonymous applicant's.
  const mediatorRequestsJudge = online ? false : input.mediatorRequestsJudge;
  const jointReasons = shouldInviteJudge(
    { workerCount: input.workerCount, claimFen: claimTotalFen, mediatorRequested: mediatorRequestsJudge },
    await jointConfig(deps),
  );

  const calendar = await calendarFor(deps);
  return deps.db.transaction(async (tx) => {
    const studio = await studioOf(tx, input, actor);
    const courtId = await courtOf(tx, input.courtId, studio);
    const personRegion = await workerRegion(tx, input.worker.regionCode, studio);
    const worker = await workerPerson(tx, deps, ctx, input.worker, personRegion, online);
    const hirerInput = hirerOf(input);
    const employerIds = await registerPartyEmployers(tx, ctx, input, { regionCode: studio.regionCode, online });
    const employerId = employerIds.get(hirerInput.partyId) ?? null;
    if (!online) {
      const duplicate = await openCaseOf(tx, worker.personId, employerId, hirerInput.name);
      if (duplicate)
        throw errors.conflict(
          `该职工对同一单位已有未结案件 ${duplicate.caseNumber}，请在原案件中继续办理`,
          `An open case ${duplicate.caseNumber} already exists for this worker and employer`,
          'employer',
        );
    }
    if (worker.identityMatch)
      notices.push(...(await identityNotices(tx, worker.identityMatch, employerId, hirerInput.name)));
    const caseNumber = await nextCaseNumber(tx, studio, appliedOn.slice(0, 4));
    const state = newCase({ kind: input.kind, appliedOn, acceptedOn: today < appliedOn ? appliedOn : today });
    const record: CaseRecord = { state, liability, jointReasons, intakeWarnings: notices };
    // The resident ID lives encrypted on the person record only; the case file keeps its masked form.
    const { residentId: rawId, ...workerFacts } = input.worker;
    const workerFact = { ...workerFacts, residentIdMasked: rawId ? maskResidentId(rawId) : null };
    const parties = partiesAtIntake({ input, worker: workerFact, personId: worker.personId, liability, employerIds });
    const roster = rosterOf(parties);
    const { acceptUsccWarning: _accepted, ...kept } = input;
    const facts: CaseFacts = {
      ...kept,
      mediatorRequestsJudge,
      mediationBodyId: studio.id,
      worker: workerFact,
      // The hirer as the register knows it; who answers and pays is in `parties`.
      employer: hirerInput.fact,
      parties,
      ...(worker.identityMatch ? { identityMatch: worker.identityMatch } : {}),
    };
    const clocks = clocksOf({ record, facts, claimTypes: input.claims.map((c) => c.type) }, calendar, today);
    const limitation = clocks.find((c) => c.code === 'limitation');
    if (
      limitation &&
      (limitation.status === 'overdue' || (limitation.daysLeft !== null && limitation.daysLeft <= 60))
    ) {
      notices.push({
        code: 'limitation',
        message: `仲裁时效风险：${limitation.note ?? limitation.label}（截止 ${limitation.dueOn}）`,
        messageEn: `Limitation risk: ${limitation.noteEn ?? limitation.labelEn} (until ${limitation.dueOn})`,
      });
    }
    const row = await createCase(
      tx,
      ctx,
      {
        caseNumber,
        regionCode: studio.regionCode,
        courtId,
        mediationBodyId: studio.id,
        kind: input.kind,
        channel: input.channel,
        stage: 'intake',
        sector: input.sector,
        claimTypes: [...new Set(input.claims.map((c) => c.type))],
        claimTotalFen,
        workerPersonId: worker.personId,
        workerCount: input.workerCount,
        employerId,
        respondentEmployerId: roster.acting?.employerId ?? employerId,
        mediatorAccountId: online ? null : actor!.accountId,
        joint: jointReasons.length > 0,
        facts,
        record,
        appliedOn,
        acceptedOn: state.acceptedOn,
        nextDueOn: nextDueOf(clocks),
      },
      {
        event: {
          action: 'intake',
          actorLabel: actor?.displayName ?? input.worker.name,
          toStage: 'intake',
          payload: { channel: input.channel, oral: input.oral },
        },
        audit: {
          action: 'dispute.registered',
          after: {
            caseNumber,
            channel: input.channel,
            claimTotalFen,
            worker: { name: input.worker.name, phone: input.worker.phone },
          },
        },
      },
    );
    await notify(tx, {
      channel: 'sms',
      recipient: input.worker.phone,
      template: 'dispute.registered',
      variables: { caseNumber },
      topic: `dispute_case:${row.id}`,
      regionCode: row.regionCode,
    });
    await alertStudioOfApplication(tx, row);
    return row;
  });
}

/**
 * A counter application may be recorded after the day it was made (a paper form typed in
 * later, an oral application noted after the session), but not in the future, not before the
 * worker was hired, and not more than a year back: the arbitration limitation period is one
 * year (劳动争议调解仲裁法第二十七条), so an older application date is a typing error.
 */
function counterApplicationDate(input: Intake, today: string): string {
  const appliedOn = input.appliedOn ?? today;
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  if (appliedOn > today)
    throw errors.validation('appliedOn', '申请日期不能晚于今天', 'The application date cannot be in the future');
  if (appliedOn < input.employment.hireDate)
    throw errors.validation(
      'appliedOn',
      '申请日期不能早于入职日期',
      'The application date cannot be before the hire date',
    );
  if (appliedOn < yearAgo)
    throw errors.validation(
      'appliedOn',
      `申请日期不能早于 ${yearAgo}（一年以前）`,
      `The application date cannot be before ${yearAgo} (a year ago)`,
    );
  return appliedOn;
}

/** The order of the dates is checked by the schema; here, that none is after today. */
function checkEmploymentDates(e: Intake['employment'], today: string) {
  const future: [string | null | undefined, string, string, string][] = [
    [e.hireDate, 'employment.hireDate', '入职日期', 'The hire date'],
    [e.endDate, 'employment.endDate', '离职日期', 'The end date'],
    [e.contractSignedDate, 'employment.contractSignedDate', '合同签订日期', 'The contract date'],
    [e.harmKnownOn, 'employment.harmKnownOn', '知道权利受侵害的日期', 'The date the harm became known'],
  ];
  for (const [value, field, zh, en] of future) {
    if (value && value > today) throw errors.validation(field, `${zh}不能晚于今天`, `${en} cannot be in the future`);
  }
}

/**
 * The studio's next number of the year: 粤中工调〔2025〕000123号. The series starts above any
 * number already issued with this prefix and year (imported history, or numbers from the
 * platform's former single sequence), so a new number never repeats an old one.
 */
async function nextCaseNumber(tx: Tx, studio: ReadyStudio, year: string): Promise<string> {
  const prefix = `${studio.caseNumberPrefix}〔${year}〕`;
  const series = `case:${studio.id}:${year}`;
  const n = await nextNumber(tx, series, () => highestCaseSeq(tx, prefix));
  return `${prefix}${String(n).padStart(6, '0')}号`;
}
