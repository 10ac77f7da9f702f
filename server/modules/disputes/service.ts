import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.js';
import { regionPrefix } from '../../../contracts/regions.js';
import { writeAudit } from '../../core/audit.js';
import type { Actor, Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import { maskMobile } from '../../core/identifiers/phone.js';
import { offsetOf, type PageQuery } from '../../core/paging.js';
import type { Tx } from '../../db/client.js';
import { accounts } from '../accounts/tables.js';
import { courts } from '../courts/tables.js';
import { employers } from '../employers/tables.js';
import { notify } from '../notifications/service.js';
import { people } from '../people/tables.js';
import { assertCanRead, caseListCondition } from './access.js';
import { calendarFor, todayOf } from './calendar.js';
import { caseRisk, clocksOf, nextDueOf, projectColumns, type CaseRecord } from './case-record.js';
import { caseRepo, type CaseFilter } from './repository.js';
import { ACTIONS, REFUSAL_GROUNDS, isActionCode, transition, type ActionCode, type Effect, type RefusalGround } from './rules/state-machine.js';
import { STAGE_BY_CODE } from './rules/stages.js';
import { disputeCases, disputeEvents, disputePayments } from './tables.js';
import { latestOpenCode, newLinkToken, storeToken } from './tokens.js';
import { sha256Hex } from '../../core/crypto.js';

type CaseRow = typeof disputeCases.$inferSelect;

export async function listCases(deps: Deps, ctx: Ctx, filter: Omit<CaseFilter, 'visibility'>, page: PageQuery, order: 'recent' | 'due' = 'recent') {
  const actor = requirePermission(ctx, 'disputes:read');
  const { items, total, totalCapped } = await caseRepo.list(deps.db, { ...filter, visibility: caseListCondition(actor) }, page.pageSize, offsetOf(page), order);
  const today = todayOf(deps);
  return {
    items: items.map((i) => ({ ...i, risk: listRisk(i.nextDueOn, today) })),
    total,
    totalCapped,
    ...page,
  };
}

function listRisk(nextDueOn: string | null, today: string): 'ok' | 'due_soon' | 'overdue' {
  if (!nextDueOn) return 'ok';
  if (nextDueOn < today) return 'overdue';
  return nextDueOn <= addDaysIso(today, 3) ? 'due_soon' : 'ok';
}

function addDaysIso(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export async function loadReadable(deps: Deps, ctx: Ctx, id: string): Promise<{ actor: Actor; row: CaseRow }> {
  const actor = requirePermission(ctx, 'disputes:read');
  const row = await caseRepo.byId(deps.db, id);
  if (!row) throw errors.notFound('案件', 'Case');
  assertCanRead(actor, row);
  return { actor, row };
}

/** The full case as staff see it: facts, state, every clock with its basis, the file. */
export async function caseDetail(deps: Deps, row: CaseRow, actor: Actor | null) {
  const [calendar, events, sessions, payments, evidence, names] = await Promise.all([
    calendarFor(deps),
    caseRepo.events(deps.db, row.id),
    caseRepo.sessions(deps.db, row.id),
    caseRepo.payments(deps.db, row.id),
    caseRepo.evidence(deps.db, row.id),
    partyNames(deps, row),
  ]);
  const today = todayOf(deps);
  const clocks = clocksOf(row, calendar, today);
  const record = row.record as CaseRecord;
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    stage: row.stage,
    stageLabel: STAGE_BY_CODE[row.stage as keyof typeof STAGE_BY_CODE]?.zh ?? row.stage,
    kind: row.kind,
    channel: row.channel,
    sector: row.sector,
    claimTypes: row.claimTypes,
    claimTotalFen: row.claimTotalFen,
    settledFen: row.settledFen,
    workerCount: row.workerCount,
    workerPersonId: row.workerPersonId,
    joint: row.joint,
    appliedOn: row.appliedOn,
    closedReason: row.closedReason,
    referral: row.referral,
    regionCode: row.regionCode,
    ...names,
    facts: factsFor(row.facts as Record<string, unknown>, actor),
    analysis: row.analysis,
    record,
    clocks,
    risk: caseRisk(clocks, today),
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    sessions: sessions.map((s) => ({ ...s, scheduledAt: s.scheduledAt.toISOString(), heldAt: s.heldAt?.toISOString() ?? null, createdAt: s.createdAt.toISOString(), reminderSentAt: s.reminderSentAt?.toISOString() ?? null })),
    payments,
    evidence: evidence.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    availableActions: actor ? availableActions(actor, row) : [],
    version: row.version,
  };
}

/** The other side sees the worker's phone masked; nobody sees a full resident ID in the file. */
function factsFor(facts: Record<string, unknown>, actor: Actor | null): Record<string, unknown> {
  const worker = { ...(facts.worker as Record<string, unknown>) };
  delete worker.residentId;
  const staff = actor?.roles.some((r) => r === 'mediator' || r === 'judge' || r === 'court_clerk' || r === 'system_admin');
  if (!staff && typeof worker.phone === 'string') worker.phone = maskMobile(worker.phone);
  return { ...facts, worker };
}

async function partyNames(deps: Deps, row: CaseRow) {
  const [worker] = await deps.db.select({ name: people.name, phone: people.phone }).from(people).where(eq(people.id, row.workerPersonId));
  const employer = row.employerId ? (await deps.db.select({ name: employers.name }).from(employers).where(eq(employers.id, row.employerId)))[0] : null;
  const respondent = row.respondentEmployerId ? (await deps.db.select({ name: employers.name }).from(employers).where(eq(employers.id, row.respondentEmployerId)))[0] : null;
  const mediator = row.mediatorAccountId ? (await deps.db.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, row.mediatorAccountId)))[0] : null;
  const judge = row.judgeAccountId ? (await deps.db.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, row.judgeAccountId)))[0] : null;
  const court = row.courtId ? (await deps.db.select({ name: courts.name, code: courts.code }).from(courts).where(eq(courts.id, row.courtId)))[0] : null;
  const factsEmployer = (row.facts as { employer?: { name?: string } }).employer?.name ?? null;
  return {
    workerName: worker?.name ?? '',
    workerPhoneMasked: worker?.phone ? maskMobile(worker.phone) : null,
    employerName: employer?.name ?? factsEmployer,
    respondentName: respondent?.name ?? null,
    mediatorId: row.mediatorAccountId,
    mediatorName: mediator?.name ?? null,
    judgeId: row.judgeAccountId,
    judgeName: judge?.name ?? null,
    courtId: row.courtId,
    courtName: court?.name ?? null,
    courtCode: court?.code ?? null,
  };
}

/** Actions this actor could try now (the state machine still has the last word). */
export function availableActions(actor: Actor, row: CaseRow): ActionCode[] {
  const stage = row.stage;
  return (Object.keys(ACTIONS) as ActionCode[]).filter((code) => ACTIONS[code].from.includes(stage as never) && roleFor(actor, code) !== null);
}

function roleFor(actor: Actor, action: ActionCode): Role | null {
  const allowed = ACTIONS[action].roles as readonly Role[];
  return actor.roles.find((r) => allowed.includes(r)) ?? null;
}

export interface ActionOptions {
  /** The role a one-time link or code acts in (employer link, worker code). */
  role?: Role;
  actorLabel?: string;
  expectedVersion?: number;
  review?: Partial<Record<RefusalGround, boolean>>;
}

const HTTP_OF_RULE: Record<string, 'FORBIDDEN' | 'VALIDATION' | 'CONFLICT'> = { forbidden_role: 'FORBIDDEN', invalid_payload: 'VALIDATION', unknown_action: 'VALIDATION' };

/**
 * Every change of a case goes through here: the state machine decides, then one transaction
 * writes the case, its event, the audit record and the notifications the effects ask for.
 */
export async function applyAction(deps: Deps, ctx: Ctx, caseId: string, action: string, payload: unknown, opts: ActionOptions = {}) {
  if (!isActionCode(action)) throw new AppError('VALIDATION', `未知操作：${action}`, `Unknown action: ${action}`, 'action');
  const actor = ctx.actor;
  if (!opts.role && !actor) throw errors.unauthenticated();
  // Whether this kind of person may take this action at all is decided before the case's stage.
  const role = opts.role ?? roleFor(actor!, action);
  if (!role) throw errors.forbidden();
  const calendar = await calendarFor(deps);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await caseRepo.byIdForUpdate(tx, caseId);
    if (!row) throw errors.notFound('案件', 'Case');
    if (!opts.role && actor) assertCanRead(actor, row);
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) {
      throw errors.conflict('案件已被他人更新，请刷新后重试', 'The case changed meanwhile; reload and retry');
    }
    const record = row.record as CaseRecord;
    if (!record.state) throw errors.conflict('历史案件只能查看', 'Historic cases are read-only');
    const result = transition(record.state, action, payload, now, { role, calendar });
    if (!result.ok) throw new AppError(HTTP_OF_RULE[result.code] ?? 'CONFLICT', result.message, result.messageEn);
    const nextRecord: CaseRecord = { ...record, state: result.state };
    if (action === 'issue_ruling' || action === 'refuse_confirmation') {
      nextRecord.confirmationReview = { grounds: checkedReview(action, payload as { ground?: RefusalGround }, opts.review), at: now.toISOString(), by: actor?.displayName ?? role };
    }
    const extra = await sideEffects(tx, deps, row, nextRecord, action, payload as Record<string, unknown>);
    const clocks = clocksOf({ ...row, record: nextRecord }, calendar, todayOf(deps));
    const changes = { ...projectColumns(result.state), ...extra, record: nextRecord, nextDueOn: nextDueOf(clocks), version: row.version + 1, updatedAt: now };
    // The locked row plus what we set is the new row: no need to read the (large) JSON back.
    await tx.update(disputeCases).set(changes).where(eq(disputeCases.id, row.id));
    const updated: CaseRow = { ...row, ...changes };
    await tx.insert(disputeEvents).values({
      caseId: row.id,
      at: now,
      actorAccountId: actor?.accountId ?? null,
      actorLabel: opts.actorLabel ?? actor?.displayName ?? role,
      action,
      fromStage: result.from,
      toStage: result.to,
      payload: payload as object,
    });
    await writeAudit(tx, ctx, { action: `dispute.${action}`, entityType: 'dispute_case', entityId: row.id, regionCode: row.regionCode, before: { stage: row.stage }, after: { stage: result.to, payload } });
    await deliverEffects(tx, updated, result.effects);
    return updated;
  });
}

/**
 * Confirmation is decided against every refusal ground (民事诉讼法第二百零六条): a ruling needs all
 * of them checked as not applying; a refusal needs its ground checked as applying.
 */
function checkedReview(action: ActionCode, payload: { ground?: RefusalGround }, review: Partial<Record<RefusalGround, boolean>> | undefined) {
  const grounds = REFUSAL_GROUNDS.filter((g) => g !== 'other');
  const missing = grounds.filter((g) => review?.[g] === undefined);
  if (missing.length) throw new AppError('VALIDATION', `请逐项完成审查清单（未勾选：${missing.map((g) => REFUSAL_GROUND_LABELS[g]).join('、')}）`, `Complete the review checklist (missing: ${missing.join(', ')})`, 'review');
  const applying = grounds.filter((g) => review![g]);
  if (action === 'issue_ruling' && applying.length) throw new AppError('VALIDATION', '审查清单中有不予确认的情形，不能出具确认裁定', 'A refusal ground applies; the agreement cannot be confirmed', 'review');
  if (action === 'refuse_confirmation' && payload.ground && payload.ground !== 'other' && !review![payload.ground]) throw new AppError('VALIDATION', '驳回理由须与审查清单一致', 'The refusal ground must match the checklist', 'review');
  return review!;
}

export const REFUSAL_GROUND_LABELS: Record<RefusalGround, string> = {
  violates_mandatory_law: '违反法律强制性规定',
  harms_state_public_or_third_party: '损害国家利益、社会公共利益或他人合法权益',
  offends_public_order: '违背公序良俗',
  not_voluntary: '违反自愿原则',
  content_unclear: '内容不明确',
  other: '其他不能进行司法确认的情形',
};

/** Database consequences a rule cannot express: instalment rows, payment allocation, ruling numbers. */
async function sideEffects(tx: Tx, deps: Deps, row: CaseRow, record: CaseRecord, action: ActionCode, payload: Record<string, unknown>) {
  const extra: Partial<typeof disputeCases.$inferInsert> = {};
  const state = record.state;
  if (action === 'sign_agreement' && payload.terms && state.agreement) {
    await tx.delete(disputePayments).where(and(eq(disputePayments.caseId, row.id), isNull(disputePayments.paidOn)));
    const paid = await caseRepo.payments(tx, row.id);
    const start = paid.length;
    if (state.agreement.installments.length) {
      await tx.insert(disputePayments).values(state.agreement.installments.map((i, k) => ({ caseId: row.id, seq: start + k + 1, dueOn: i.dueOn, amountFen: i.amountFen })));
    }
  }
  if (action === 'record_payment') {
    let left = Number(payload.amountFen);
    for (const p of await caseRepo.payments(tx, row.id)) {
      if (left <= 0) break;
      const open = p.amountFen - p.paidFen;
      if (open <= 0) continue;
      const take = Math.min(open, left);
      left -= take;
      await tx.update(disputePayments).set({ paidFen: p.paidFen + take, paidOn: p.paidFen + take === p.amountFen ? String(payload.paidOn) : p.paidOn }).where(eq(disputePayments.id, p.id));
    }
  }
  if (action === 'issue_ruling') {
    record.rulingNo = (payload.rulingNo as string | undefined) ?? (await nextRulingNo(tx, row, state.rulingIssuedOn!));
  }
  if (action === 'contact_employer') await issueEmployerLink(tx, deps, row);
  if (action === 'refuse_confirmation' && payload.note) record.refusalNote = String(payload.note);
  if (action === 'record_employer_answer' && payload.answer === 'counter') {
    record.counterOffer = { amountFen: null, note: (payload.note as string) ?? null, at: deps.now().toISOString() };
  }
  return extra;
}

async function nextRulingNo(tx: Tx, row: CaseRow, issuedOn: string): Promise<string> {
  const [court] = row.courtId ? await tx.select({ code: courts.code }).from(courts).where(eq(courts.id, row.courtId)) : [];
  const year = issuedOn.slice(0, 4);
  const prefix = `（${year}）${court?.code ?? '粤20'}民特`;
  const [n] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(disputeCases)
    .where(and(eq(disputeCases.courtId, row.courtId ?? sql`null`), sql`${disputeCases.record}->>'rulingNo' like ${prefix + '%'}`));
  return `${prefix}${(n?.n ?? 0) + 1}号`;
}

/** Turns the state machine's `notify` effects into SMS and e-mail in the outbox. */
async function deliverEffects(tx: Tx, row: CaseRow, effects: Effect[]) {
  for (const e of effects) {
    if (e.type !== 'notify') continue;
    const topic = `dispute_case:${row.id}`;
    if (e.audience.includes('worker')) {
      const [w] = await tx.select({ phone: people.phone }).from(people).where(eq(people.id, row.workerPersonId));
      if (w?.phone) await notify(tx, { channel: 'sms', recipient: w.phone, body: `【一站】案件${row.caseNumber}：${e.message}`, topic, regionCode: row.regionCode });
    }
    if (e.audience.includes('employer_agent')) {
      const contact = (row.facts as { employer?: { contactPhone?: string; contactEmail?: string } }).employer;
      if (contact?.contactPhone) await notify(tx, { channel: 'sms', recipient: contact.contactPhone, body: `【一站】案件${row.caseNumber}：${e.message}`, topic, regionCode: row.regionCode });
      if (contact?.contactEmail) await notify(tx, { channel: 'email', recipient: contact.contactEmail, subject: `劳动争议调解案件 ${row.caseNumber}`, body: e.message, topic, regionCode: row.regionCode });
    }
    for (const staffRole of ['mediator', 'judge', 'court_clerk'] as const) {
      if (!e.audience.includes(staffRole)) continue;
      const target = staffRole === 'mediator' ? row.mediatorAccountId : staffRole === 'judge' ? row.judgeAccountId : null;
      if (!target) continue;
      const [acc] = await tx.select({ phone: accounts.phone, name: accounts.displayName }).from(accounts).where(eq(accounts.id, target));
      if (acc?.phone) await notify(tx, { channel: 'sms', recipient: acc.phone, body: `【一站】${row.caseNumber}：${e.message}`, topic, regionCode: row.regionCode });
    }
  }
}

export function regionLike(actor: Actor): string {
  return actor.regionCode ? `${regionPrefix(actor.regionCode)}%` : '%';
}

/**
 * The employer's one-time link: it answers the mediation request (accept, decline, counter)
 * and later signs the agreement, without an account. Sent once, on the first contact.
 */
async function issueEmployerLink(tx: Tx, deps: Deps, row: CaseRow) {
  if (await latestOpenCode(tx, row.id, 'employer_link', deps.now())) return;
  const token = newLinkToken();
  await storeToken(tx, row.id, 'employer_link', sha256Hex(token), new Date(deps.now().getTime() + 60 * 86_400_000));
  const contact = (row.facts as { employer?: { name?: string; contactPhone?: string; contactEmail?: string } }).employer ?? {};
  const link = `${deps.config.publicUrl}/e/${token}`;
  const text = `【一站】${contact.name ?? '贵单位'}：中山市总工会劳动争议诉调对接工作室受理了案件${row.caseNumber}，请通过以下链接答复是否同意调解（可提出金额方案）：${link}`;
  const topic = `dispute_case:${row.id}`;
  if (contact.contactPhone) await notify(tx, { channel: 'sms', recipient: contact.contactPhone, body: text, topic, regionCode: row.regionCode });
  if (contact.contactEmail) await notify(tx, { channel: 'email', recipient: contact.contactEmail, subject: `劳动争议调解邀请 ${row.caseNumber}`, body: text, topic, regionCode: row.regionCode });
  if (!contact.contactPhone && !contact.contactEmail) await notify(tx, { channel: 'sms', recipient: '（无联系方式）', body: text, topic, regionCode: row.regionCode });
}
