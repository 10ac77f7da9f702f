import type { z } from 'zod';
import type { caseDetailSchema } from '../../../contracts/disputes/responses.js';
import { addDays } from '../../../contracts/dates.js';
import { regionPrefix } from '../../../contracts/regions.js';
import type { Actor, Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import { maskMobile } from '../../core/identifiers/phone.js';
import { offsetOf, type PageQuery } from '../../core/paging.js';
import { assertCanRead, caseListCondition } from './access.js';
import { calendarFor, todayOf } from './calendar.js';
import type { CaseParty } from '../../../contracts/disputes/parties.js';
import { casePartiesOf, caseRoster } from './case-parties.js';
import { caseRisk, clocksOf, riskOfClocks, type CaseFacts } from './case-record.js';
import { caseRepo, type CaseFilter, type CaseNames } from './repository.js';
import { availableActions } from './available-actions.js';
import { identityCheckOf } from './intake/identity-view.js';
import { STAGE_BY_CODE, isStage } from './rules/stages.js';
import type { AtRiskQuery, CaseListQuery } from './schemas.js';
import { disputeCases } from './tables.js';

// Reading cases: lists in the caller's view, the full case file, what the caller may do next.

type CaseRow = typeof disputeCases.$inferSelect;
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** GET /api/disputes: the cases in the caller's view, newest first, filtered. */
export async function listCases(deps: Deps, ctx: Ctx, query: CaseListQuery) {
  const { page, pageSize, open, unassigned, ...filter } = query;
  return listPage(
    deps,
    ctx,
    { ...filter, open: open === 'true', unassigned: unassigned === 'true' },
    { page, pageSize },
  );
}

/** GET /api/disputes/at-risk: open cases due within `days` days (China time) or overdue, soonest first. */
export async function listAtRisk(deps: Deps, ctx: Ctx, query: AtRiskQuery) {
  const dueBefore = addDays(todayOf(deps), query.days);
  return listPage(deps, ctx, { open: true, dueBefore }, { page: query.page, pageSize: query.pageSize }, 'due');
}

async function listPage(
  deps: Deps,
  ctx: Ctx,
  filter: Omit<CaseFilter, 'visibility'>,
  page: PageQuery,
  order: 'recent' | 'due' = 'recent',
) {
  const actor = requirePermission(ctx, 'disputes:read');
  const [calendar, { items, total, totalCapped }] = await Promise.all([
    calendarFor(deps),
    caseRepo.list(deps.db, { ...filter, visibility: caseListCondition(actor) }, page.pageSize, offsetOf(page), order),
  ]);
  const today = todayOf(deps);
  return {
    items: items.map(({ clockState, employment, ...row }) => ({
      ...row,
      // Whether an applicant's identity is checked is the studio's business, not the other side's.
      identityHeld: row.identityHeld && isStaff(actor),
      risk: caseRisk(
        {
          record: { state: clockState ?? undefined },
          facts: { employment: employment ?? undefined },
          claimTypes: row.claimTypes,
        },
        calendar,
        today,
      ),
    })),
    total,
    totalCapped,
    ...page,
  };
}

export async function loadReadable(deps: Deps, ctx: Ctx, id: string): Promise<{ actor: Actor; row: CaseRow }> {
  const actor = requirePermission(ctx, 'disputes:read');
  const row = await caseRepo.byId(deps.db, id);
  if (!row) throw errors.notFound('案件', 'Case');
  assertCanRead(actor, row);
  return { actor, row };
}

/** A case the caller may read and work on (a mediator of its studio, an administrator). */
export async function loadWorkable(deps: Deps, ctx: Ctx, id: string) {
  requirePermission(ctx, 'disputes:work');
  return loadReadable(deps, ctx, id);
}

/** The case file of a case the caller may read (GET /api/disputes/:id, and after every staff change). */
export async function readCaseDetail(deps: Deps, ctx: Ctx, id: string): Promise<CaseDetail> {
  const { actor, row } = await loadReadable(deps, ctx, id);
  return caseDetail(deps, row, actor);
}

/** The full case as staff see it: facts, state, every clock with its basis, the file. */
export async function caseDetail(deps: Deps, row: CaseRow, actor: Actor | null): Promise<CaseDetail> {
  // The row is the one the caller holds (read or just written); the rest comes in one query.
  const [calendar, file, identityCheck] = await Promise.all([
    calendarFor(deps),
    caseRepo.file(deps.db, row.id),
    identityCheckOf(deps, row, actor),
  ]);
  const today = todayOf(deps);
  const clocks = clocksOf(row, calendar, today);
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    stage: row.stage,
    stageLabel: isStage(row.stage) ? STAGE_BY_CODE[row.stage].zh : row.stage,
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
    facts: factsFor(row.facts, actor),
    parties: partiesFor(casePartiesOf(row.facts, row.record), actor),
    analysis: row.analysis,
    record: row.record,
    clocks,
    risk: riskOfClocks(clocks, today),
    // Timestamps arrive as ISO strings (`toISOString()` form) from the query.
    events: file?.events ?? [],
    sessions: file?.sessions ?? [],
    payments: file?.payments ?? [],
    evidence: file?.evidence ?? [],
    availableActions: actor ? availableActions(actor, row, deps.now(), calendar) : [],
    identityCheck,
    version: row.version,
  };
}

/**
 * The other side sees the worker's phone masked, and nothing of the check of an online applicant's
 * identity (another person's record, the phone typed). Nobody sees a full resident ID: the facts
 * keep the masked form only, and the response schema has no field for any other.
 */
function factsFor(facts: CaseFacts, actor: Actor | null): CaseFacts {
  if (isStaff(actor)) return facts;
  const { identityMatch: _staffOnly, ...shown } = facts;
  if (!shown.worker) return shown;
  const parties = shown.parties ? partiesFor(shown.parties, actor) : undefined;
  return {
    ...shown,
    worker: { ...shown.worker, phone: maskMobile(shown.worker.phone) },
    ...(parties ? { parties } : {}),
  };
}

export function isStaff(actor: Actor | null): boolean {
  return !!actor?.roles.some((r) => r === 'mediator' || r === 'judge' || r === 'court_clerk' || r === 'system_admin');
}

/** The parties as the caller may see them: the other side sees the worker's phone masked. */
function partiesFor(parties: CaseParty[], actor: Actor | null): CaseParty[] {
  if (isStaff(actor)) return parties;
  return parties.map((p) => (p.roles.includes('worker') && p.phone ? { ...p, phone: maskMobile(p.phone) } : p));
}

/** Every name the case page shows (read with the file, in the same query). */
function partyNames(row: CaseRow, names: CaseNames | undefined) {
  const worker = names ? { name: names.workerName, phone: names.workerPhone } : null;
  const employer = names?.employerName ? { name: names.employerName } : null;
  // The party liable to pay, from the case's own party list (not the register's row).
  const liable = caseRoster(row.facts, row.record).liable;
  const mediator = names?.mediatorName ? { name: names.mediatorName } : null;
  const judge = names?.judgeName ? { name: names.judgeName } : null;
  const court = names?.courtName ? { name: names.courtName, code: names.courtCode } : null;
  const factsEmployer = row.facts.employer?.name ?? null;
  return {
    workerName: worker?.name ?? '',
    workerPhoneMasked: worker?.phone ? maskMobile(worker.phone) : null,
    employerName: employer?.name ?? factsEmployer,
    respondentName: liable?.name ?? names?.respondentName ?? null,
    mediatorId: row.mediatorAccountId,
    mediatorName: mediator?.name ?? null,
    judgeId: row.judgeAccountId,
    judgeName: judge?.name ?? null,
    courtId: row.courtId,
    courtName: court?.name ?? null,
    courtCode: court?.code ?? null,
  };
}

export function regionLike(actor: Actor): string {
  return actor.regionCode ? `${regionPrefix(actor.regionCode)}%` : '%';
}
