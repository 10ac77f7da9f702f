import { eq, sql } from 'drizzle-orm';
import type { Intake } from '../../../contracts/disputes.js';
import { writeAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import { normalizeResidentId, validateResidentId } from '../../core/identifiers/resident-id.js';
import { normalizeUscc, validateUscc } from '../../core/identifiers/uscc.js';
import type { Tx } from '../../db/client.js';
import { employers } from '../employers/tables.js';
import { notify } from '../notifications/service.js';
import { mediationBodies } from '../organizations/tables.js';
import { people } from '../people/tables.js';
import { calendarFor, todayOf } from './calendar.js';
import { clocksOf, nextDueOf, type CaseRecord, type Notice } from './case-record.js';
import { caseRepo } from './repository.js';
import { proposeLiableParties } from './rules/construction-liability.js';
import { collectiveRule, shouldInviteJudge } from './rules/joint-mediation.js';
import { newCase } from './rules/state-machine.js';
import { jointConfig } from './settings.js';
import { disputeCases, disputeEvents } from './tables.js';

/**
 * Registers a case from either door: the studio counter (a mediator records the application,
 * oral ones included) or the worker's phone. The worker is never asked twice: person and
 * employer are matched to existing records.
 */
export async function registerCase(deps: Deps, ctx: Ctx, input: Intake) {
  if (input.channel === 'counter' && !ctx.actor) throw errors.unauthenticated();
  const actor = ctx.actor ? requirePermission(ctx, 'disputes:intake') : null;
  if (input.channel === 'counter' && !actor?.roles.includes('mediator')) throw errors.forbidden();
  const today = todayOf(deps);
  const appliedOn = input.appliedOn ?? today;
  if (appliedOn > today) throw errors.validation('appliedOn', '申请日期不能晚于今天', 'The application date cannot be in the future');
  if (input.employment.endDate && input.employment.endDate < input.employment.hireDate) throw errors.validation('employment.endDate', '离职日期不能早于入职日期', 'End date before hire date');

  const notices: Notice[] = [];
  const collective = collectiveRule(input.workerCount, input.representatives.length);
  for (const e of collective.errors) throw new AppError('VALIDATION', e.message, e.messageEn, 'representatives');
  notices.push(...collective.warnings);

  const liability = input.construction ? proposeLiableParties(input.construction) : null;
  if (liability?.errors.length) throw new AppError('VALIDATION', liability.errors[0]!.message, liability.errors[0]!.messageEn, 'construction');
  const claimTotalFen = input.claims.reduce((s, c) => s + c.amountFen, 0);
  const jointReasons = shouldInviteJudge({ workerCount: input.workerCount, claimFen: claimTotalFen, mediatorRequested: input.mediatorRequestsJudge }, await jointConfig(deps));

  const calendar = await calendarFor(deps);
  return deps.db.transaction(async (tx) => {
    const studio = await studioFor(tx, actor?.regionCode ?? input.worker.regionCode ?? '442000');
    const personId = await matchPerson(tx, deps, input.worker, studio.regionCode);
    const employerId = await matchEmployer(tx, input.employer, studio.regionCode);
    const duplicate = await caseRepo.openForWorkerAndEmployer(tx, personId, employerId, input.employer.name);
    if (duplicate) throw errors.conflict(`该职工对同一单位已有未结案件 ${duplicate.caseNumber}，请在原案件中继续办理`, `An open case ${duplicate.caseNumber} already exists for this worker and employer`, 'employer');
    const contactFirst = liability?.contactFirst;
    const liableParty = contactFirst ? input.construction!.parties.find((p) => p.id === contactFirst.partyId) : null;
    const respondentId = liableParty?.uscc ? await matchEmployer(tx, { name: liableParty.name, uscc: liableParty.uscc, contactPhone: liableParty.contactPhone, contactEmail: liableParty.contactEmail }, studio.regionCode) : employerId;
    const [seq] = await tx.select({ n: sql<number>`nextval('dispute_case_seq')::int` }).from(sql`(select 1) as one`);
    const caseNumber = `粤中工调〔${appliedOn.slice(0, 4)}〕${String(seq!.n).padStart(6, '0')}号`;
    const state = newCase({ kind: input.kind, appliedOn, acceptedOn: today < appliedOn ? appliedOn : today });
    const record: CaseRecord = { state, liability, jointReasons, intakeWarnings: notices };
    const contact = liableParty
      ? { name: liableParty.name, contactPhone: liableParty.contactPhone ?? input.employer.contactPhone, contactEmail: liableParty.contactEmail ?? input.employer.contactEmail }
      : input.employer;
    // The resident ID lives encrypted on the person record only; the case file keeps its masked form.
    const { residentId: rawId, ...workerFacts } = input.worker;
    const worker = { ...workerFacts, residentIdMasked: rawId ? `${rawId.slice(0, 4)}**********${rawId.slice(-4)}` : null };
    const facts = { ...input, worker, respondent: contact, employer: { ...input.employer, contactPhone: contact.contactPhone, contactEmail: contact.contactEmail } };
    const clocks = clocksOf({ record, facts, claimTypes: input.claims.map((c) => c.type) }, calendar, today);
    const limitation = clocks.find((c) => c.code === 'limitation');
    if (limitation && (limitation.status === 'overdue' || (limitation.daysLeft !== null && limitation.daysLeft <= 60))) {
      notices.push({ code: 'limitation', message: `仲裁时效风险：${limitation.note ?? limitation.label}（截止 ${limitation.dueOn}）`, messageEn: `Limitation risk: ${limitation.noteEn ?? limitation.labelEn} (until ${limitation.dueOn})` });
    }
    const [row] = await tx
      .insert(disputeCases)
      .values({
        caseNumber,
        regionCode: studio.regionCode,
        courtId: input.courtId ?? null,
        mediationBodyId: studio.id,
        kind: input.kind,
        channel: input.channel,
        stage: 'intake',
        sector: input.sector,
        claimTypes: [...new Set(input.claims.map((c) => c.type))],
        claimTotalFen,
        workerPersonId: personId,
        workerCount: input.workerCount,
        employerId,
        respondentEmployerId: respondentId,
        mediatorAccountId: input.channel === 'counter' ? actor!.accountId : null,
        joint: jointReasons.length > 0,
        facts,
        record,
        appliedOn,
        acceptedOn: state.acceptedOn,
        nextDueOn: nextDueOf(clocks),
      })
      .returning();
    await tx.insert(disputeEvents).values({ caseId: row!.id, actorAccountId: actor?.accountId ?? null, actorLabel: actor?.displayName ?? input.worker.name, action: 'intake', toStage: 'intake', payload: { channel: input.channel, oral: input.oral } });
    await writeAudit(tx, ctx, { action: 'dispute.registered', entityType: 'dispute_case', entityId: row!.id, regionCode: row!.regionCode, after: { caseNumber, channel: input.channel, claimTotalFen, worker: { name: input.worker.name, phone: input.worker.phone } } });
    await notify(tx, {
      channel: 'sms',
      recipient: input.worker.phone,
      body: `【一站】您的劳动争议调解申请已登记，案件编号${caseNumber}。凭案件编号和本手机号可随时查询进度。`,
      topic: `dispute_case:${row!.id}`,
      regionCode: row!.regionCode,
    });
    return row!;
  });
}

async function studioFor(tx: Tx, regionCode: string) {
  const bodies = await tx.select().from(mediationBodies).where(eq(mediationBodies.kind, 'union_studio'));
  const match = bodies.find((b) => regionCode.startsWith(b.regionCode.slice(0, 4))) ?? bodies[0];
  if (!match) throw new AppError('CONFLICT', '本地区尚未设立调解工作室', 'No mediation studio is set up for this region');
  return match;
}

async function matchPerson(tx: Tx, deps: Deps, worker: Intake['worker'], regionCode: string): Promise<string> {
  if (worker.residentId) {
    const id = normalizeResidentId(worker.residentId);
    const check = validateResidentId(id, deps.now());
    if (!check.ok) throw errors.validation('worker.residentId', check.message, check.messageEn);
    const hash = deps.cipher.searchHash(id);
    const [found] = await tx.select({ id: people.id }).from(people).where(eq(people.residentIdHash, hash));
    if (found) return found.id;
    const [created] = await tx
      .insert(people)
      .values({ name: worker.name, phone: worker.phone, regionCode, residentIdEnc: deps.cipher.encrypt(id), residentIdHash: hash, residentIdHead: id.slice(0, 4), residentIdTail: id.slice(-4), sex: check.sex, birthDate: check.birthDate })
      .returning({ id: people.id });
    return created!.id;
  }
  const [found] = await tx.select({ id: people.id }).from(people).where(sql`${people.phone} = ${worker.phone} and ${people.name} = ${worker.name}`);
  if (found) return found.id;
  const [created] = await tx.insert(people).values({ name: worker.name, phone: worker.phone, regionCode }).returning({ id: people.id });
  return created!.id;
}

/** An employer with a valid-looking USCC is registered once; one without a code stays in the case facts only. */
async function matchEmployer(tx: Tx, e: { employerId?: string; name: string; uscc?: string; contactName?: string; contactPhone?: string; contactEmail?: string }, regionCode: string): Promise<string | null> {
  if (e.employerId) {
    const [found] = await tx.select({ id: employers.id }).from(employers).where(eq(employers.id, e.employerId));
    if (!found) throw errors.validation('employer.employerId', '用人单位不存在', 'Employer not found');
    return found.id;
  }
  if (!e.uscc) return null;
  const uscc = normalizeUscc(e.uscc);
  const check = validateUscc(uscc);
  if (!check.ok && check.reason === 'format') throw errors.validation('employer.uscc', check.message, check.messageEn);
  const [found] = await tx.select({ id: employers.id }).from(employers).where(eq(employers.uscc, uscc));
  if (found) return found.id;
  const [created] = await tx
    .insert(employers)
    .values({ uscc, usccCheckWarning: !check.ok, name: e.name, regionCode, industryCode: 'construction', contactName: e.contactName ?? null, contactPhone: e.contactPhone ?? null, contactEmail: e.contactEmail ?? null })
    .returning({ id: employers.id });
  return created!.id;
}
