import { noticeContext, tellParties } from '../service.js';
import type { NoticeContext, PartyNotice } from '../party-notices.js';
import type { z } from 'zod';
import { laborLawRequestSchema } from '../../../../contracts/labor-law.js';
import type { caseOutboxSchema, mediatorProposalsSchema } from '../../../../contracts/disputes/responses.js';
import { requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { calculateEntitlements } from '../../labor-law/service.js';
import { redactOneTimeSecrets } from '../../notifications/redact.js';
import { loadReadable, loadWorkable, readCaseDetail, regionLike } from '../case-view.js';
import { changeCase, logCaseEvent } from '../case-writer.js';
import { assertNotHeld } from '../identity-hold.js';
import { proposeMediators } from '../rules/assignment.js';
import { STAGE_BY_CODE, isStage } from '../rules/stages.js';
import { caseMessages, mediatorRepo, sessionRepo } from './repository.js';
import type { AnalysisOverrides, AssignInput, MinutesInput, SessionInput } from './schemas.js';

// The mediator's work on a case: the labor-law analysis, choosing the mediator, sessions and
// their minutes, and the messages sent for the case. Each answers with the case file.

/** Runs the labor-law engine on the case's facts, with the mediator's corrections, and saves the result. */
export async function analyseCase(
  deps: Deps,
  ctx: Ctx,
  id: string,
  overrides: AnalysisOverrides = {},
  expectedVersion?: number,
) {
  const { row } = await loadWorkable(deps, ctx, id);
  const e = row.facts.employment;
  if (!e)
    throw errors.conflict('本案没有劳动关系要素（历史案件），无法计算', 'The case has no employment facts to analyse');
  const types = new Set(row.facts.claims.map((c) => c.type));
  const request = {
    regionCode: row.regionCode,
    hireDate: e.hireDate,
    endDate: e.endDate,
    // The reason for leaving recorded at intake; for cases registered before it was asked, the
    // claims suggest it (damages → unlawful dismissal; compensation → the worker resigned over a fault).
    termination:
      e.leavingReason ??
      (types.has('unlawful_termination_damages')
        ? 'unlawful'
        : types.has('economic_compensation') && e.endDate
          ? 'art38'
          : null),
    ...(e.leavingReason === 'art38' && e.art38Reason ? { art38Reason: e.art38Reason } : {}),
    monthlyWageFen: e.monthlyWageFen,
    // No written contract: the engine works out the double-wage claim even if the worker did not name it.
    ...(!e.contractSigned ? { contractSignedDate: e.contractSignedDate ?? null } : {}),
    ...overrides,
  };
  // The corrections together with the facts are checked exactly as the public calculator checks a request.
  const parsed = laborLawRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    throw new AppError(
      'VALIDATION',
      `计算参数有误（${field || '请求'}）：${issue.message}`,
      `Invalid analysis input (${field || 'request'}): ${issue.message}`,
      `overrides.${field}`,
    );
  }
  const analysis = await calculateEntitlements(deps, parsed.data, 'zh');
  await deps.db.transaction((tx) =>
    changeCase(tx, ctx, id, { expectedVersion, now: deps.now() }, () => ({
      change: {
        set: { analysis: { ...analysis, request: parsed.data } },
        event: {
          action: 'analysis_saved',
          actorLabel: ctx.actor?.displayName ?? 'system',
          payload: { totalFen: analysis.totalFen },
        },
        audit: { action: 'dispute.analysis_saved', after: { totalFen: analysis.totalFen } },
      },
    })),
  );
  return readCaseDetail(deps, ctx, id);
}

export async function mediatorProposals(
  deps: Deps,
  ctx: Ctx,
  id: string,
): Promise<z.infer<typeof mediatorProposalsSchema>> {
  const { actor, row } = await loadWorkable(deps, ctx, id);
  const pool = await mediatorRepo.inRegion(deps.db, regionLike(actor));
  return proposeMediators(
    pool.map((m) => ({
      id: m.id,
      name: m.name,
      expertise: m.expertise ?? [],
      activeCases: m.activeCases,
      available: m.available ?? true,
      conflicts: m.conflicts ?? [],
    })),
    { sector: row.sector, claimTypes: row.claimTypes, employerId: row.respondentEmployerId ?? row.employerId ?? '' },
  );
}

/** Assigning needs the mediator's declaration of no conflict; reassigning needs a reason. */
export async function assignMediator(deps: Deps, ctx: Ctx, id: string, input: AssignInput) {
  const { actor, row } = await loadWorkable(deps, ctx, id);
  if (!input.noConflictDeclared)
    throw errors.validation(
      'noConflictDeclared',
      '请确认调解员已声明与本案无利害关系',
      'The mediator must declare no conflict of interest',
    );
  const pool = await mediatorRepo.inRegion(deps.db, regionLike(actor));
  const target = pool.find((m) => m.id === input.mediatorAccountId);
  if (!target) throw errors.validation('mediatorAccountId', '调解员不在本工作室', 'Not a mediator of this studio');
  if ((target.conflicts ?? []).includes(row.respondentEmployerId ?? row.employerId ?? ''))
    throw errors.conflict('该调解员已申报与该单位存在利害关系', 'The mediator declared a conflict with this employer');
  const now = deps.now();
  await deps.db.transaction((tx) =>
    changeCase(tx, ctx, id, { expectedVersion: input.version, now }, (locked) => {
      // Decided on the locked row: a concurrent assignment or action is not undone.
      if (locked.mediatorAccountId && locked.mediatorAccountId !== target.id && !input.reason?.trim())
        throw errors.validation('reason', '更换调解员须说明理由', 'A reason is required to reassign');
      const record = locked.record;
      const history = [
        ...(record.mediatorHistory ?? []),
        {
          accountId: target.id,
          name: target.name,
          at: now.toISOString(),
          reason: input.reason ?? '首次指派',
          conflictDeclared: true,
        },
      ];
      return {
        change: {
          set: { mediatorAccountId: target.id, record: { ...record, mediatorHistory: history } },
          event: {
            action: locked.mediatorAccountId ? 'mediator_reassigned' : 'mediator_assigned',
            actorLabel: actor.displayName,
            payload: { mediator: target.name, reason: input.reason ?? null },
          },
          audit: {
            action: 'dispute.mediator_assigned',
            before: { mediator: locked.mediatorAccountId },
            after: { mediator: target.id, reason: input.reason },
          },
        },
      };
    }),
  );
  return readCaseDetail(deps, ctx, id);
}

/** 2025-06-12 14:30 in China time: how a party reads the time of a session. */
function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function sessionNotices(ctx: NoticeContext, input: SessionInput): PartyNotice[] {
  const how =
    input.mode === 'in_person'
      ? `地点：${input.location ?? ''}`
      : input.mode === 'video'
        ? `视频调解，链接：${input.meetingUrl ?? ''}`
        : '电话调解，调解员会按时致电';
  const when = chinaTime(input.scheduledAt);
  return [
    { to: 'worker', message: `调解定于 ${when}，${how}。请准时参加；安排也可在 ${ctx.trackUrl} 查看。` },
    { to: 'acting', message: `调解定于 ${when}，${how}。请贵方派员准时参加。` },
  ];
}

export async function scheduleSession(deps: Deps, ctx: Ctx, id: string, input: SessionInput) {
  const { row } = await loadWorkable(deps, ctx, id);
  if (isStage(row.stage) && STAGE_BY_CODE[row.stage].terminal)
    throw errors.conflict('案件已结束', 'The case has ended');
  assertNotHeld(row.facts);
  if (input.mode === 'video' && !input.meetingUrl)
    throw errors.validation('meetingUrl', '视频调解请填写会议链接', 'A video session needs the meeting link');
  if (input.mode === 'in_person' && !input.location)
    throw errors.validation('location', '当面调解请填写地点', 'An in-person session needs a place');
  await deps.db.transaction(async (tx) => {
    await sessionRepo.add(tx, {
      caseId: id,
      mode: input.mode,
      scheduledAt: new Date(input.scheduledAt),
      location: input.location ?? null,
      meetingUrl: input.meetingUrl ?? null,
    });
    // Both parties are told when and where (or by which link), each in its own words.
    await tellParties(tx, row, sessionNotices(await noticeContext(tx, deps, row), input));
  });
  await logCaseEvent(deps, ctx, row, 'session_scheduled', { mode: input.mode, scheduledAt: input.scheduledAt });
  return readCaseDetail(deps, ctx, id);
}

export async function recordMinutes(deps: Deps, ctx: Ctx, id: string, sessionId: string, input: MinutesInput) {
  const { row } = await loadWorkable(deps, ctx, id);
  const heldAt = input.heldAt ? new Date(input.heldAt) : deps.now();
  // Minutes record what happened: a session cannot have been held later than now (five minutes' grace
  // for a computer clock a little fast: the form proposes the browser's own time).
  if (heldAt.getTime() > deps.now().getTime() + 5 * 60_000)
    throw errors.validation('heldAt', '调解时间不能晚于现在', 'The session cannot have been held in the future');
  if (!(await sessionRepo.recordMinutes(deps.db, id, sessionId, input.minutes, heldAt)))
    throw errors.notFound('调解场次', 'Session');
  await logCaseEvent(deps, ctx, row, 'minutes_recorded', { sessionId });
  return readCaseDetail(deps, ctx, id);
}

/** The case's SMS and e-mail, newest first, one-time codes and link tokens hidden. */
export async function caseOutbox(deps: Deps, ctx: Ctx, id: string): Promise<z.infer<typeof caseOutboxSchema>> {
  const { row } = await loadReadable(deps, ctx, id);
  requirePermission(ctx, 'disputes:work');
  const rows = await caseMessages(deps.db, row.id, 100);
  return {
    items: rows.map((m) => ({
      id: m.id,
      channel: m.channel,
      recipient: m.recipient,
      subject: m.subject,
      body: redactOneTimeSecrets(m.body),
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
    demoPhone: deps.config.demoData,
  };
}
