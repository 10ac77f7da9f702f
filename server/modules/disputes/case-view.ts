import { regionPrefix } from '../../../contracts/regions.js';
import type { Actor, Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import { maskMobile } from '../../core/identifiers/phone.js';
import { offsetOf, type PageQuery } from '../../core/paging.js';
import { assertCanRead, caseListCondition, roleFor } from './access.js';
import { calendarFor, todayOf } from './calendar.js';
import { caseRisk, clocksOf, type CaseRecord } from './case-record.js';
import { caseRepo, type CaseFilter, type CaseNames } from './repository.js';
import { ACTIONS, type ActionCode } from './rules/state-machine.js';
import { STAGE_BY_CODE } from './rules/stages.js';
import { disputeCases } from './tables.js';

// Reading cases: lists in the caller's view, the full case file, what the caller may do next.

type CaseRow = typeof disputeCases.$inferSelect;

export async function listCases(
  deps: Deps,
  ctx: Ctx,
  filter: Omit<CaseFilter, 'visibility'>,
  page: PageQuery,
  order: 'recent' | 'due' = 'recent',
) {
  const actor = requirePermission(ctx, 'disputes:read');
  const { items, total, totalCapped } = await caseRepo.list(
    deps.db,
    { ...filter, visibility: caseListCondition(actor) },
    page.pageSize,
    offsetOf(page),
    order,
  );
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
  // The row is the one the caller holds (read or just written); the rest comes in one query.
  const [calendar, file] = await Promise.all([calendarFor(deps), caseRepo.file(deps.db, row.id)]);
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
    mediationBodyId: row.mediationBodyId,
    ...partyNames(row, file?.names),
    facts: factsFor(row.facts as Record<string, unknown>, actor),
    analysis: row.analysis,
    record,
    clocks,
    risk: caseRisk(clocks, today),
    // Timestamps arrive as ISO strings (`toISOString()` form) from the query.
    events: file?.events ?? [],
    sessions: file?.sessions ?? [],
    payments: file?.payments ?? [],
    evidence: file?.evidence ?? [],
    availableActions: actor ? availableActions(actor, row) : [],
    version: row.version,
  };
}

/** The other side sees the worker's phone masked; nobody sees a full resident ID in the file. */
function factsFor(facts: Record<string, unknown>, actor: Actor | null): Record<string, unknown> {
  const worker = { ...(facts.worker as Record<string, unknown>) };
  delete worker.residentId;
  const staff = actor?.roles.some(
    (r) => r === 'mediator' || r === 'judge' || r === 'court_clerk' || r === 'system_admin',
  );
  if (!staff && typeof worker.phone === 'string') worker.phone = maskMobile(worker.phone);
  return { ...facts, worker };
}

/** Every name the case page shows (read with the file, in the same query). */
function partyNames(row: CaseRow, names: CaseNames | undefined) {
  const worker = names ? { name: names.workerName, phone: names.workerPhone } : null;
  const employer = names?.employerName ? { name: names.employerName } : null;
  const respondent = names?.respondentName ? { name: names.respondentName } : null;
  const mediator = names?.mediatorName ? { name: names.mediatorName } : null;
  const judge = names?.judgeName ? { name: names.judgeName } : null;
  const court = names?.courtName ? { name: names.courtName, code: names.courtCode } : null;
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
  return (Object.keys(ACTIONS) as ActionCode[]).filter(
    (code) => ACTIONS[code].from.includes(stage as never) && roleFor(actor, code) !== null,
  );
}

export function regionLike(actor: Actor): string {
  return actor.regionCode ? `${regionPrefix(actor.regionCode)}%` : '%';
}

/**
 * The employer's one-time link: it answers the mediation request (accept, decline, counter)
 * and later signs the agreement, without an account. Sent once, on the first contact.
 */
