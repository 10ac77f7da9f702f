import crypto from 'node:crypto';
import { and, desc, eq, like } from 'drizzle-orm';
import type { LaborLawRequest } from '../../../contracts/labor-law.js';
import { writeAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import { checkUpload } from '../../core/uploads.js';
import { calculateEntitlements } from '../labor-law/service.js';
import { outbox } from '../notifications/tables.js';
import { documentData } from './case-documents.js';
import type { CaseRecord } from './case-record.js';
import { DOCUMENT_KINDS, DocumentDataError, renderDocument, type DocumentFormat, type DocumentKind } from './documents/index.js';
import { caseRepo } from './repository.js';
import { proposeMediators } from './rules/assignment.js';
import { STAGE_BY_CODE } from './rules/stages.js';
import { caseDetail, loadReadable, regionLike } from './case-view.js';
import { disputeCases, disputeEvents, disputeEvidence, disputeSessions } from './tables.js';

async function loadWorkable(deps: Deps, ctx: Ctx, id: string) {
  requirePermission(ctx, 'disputes:work');
  return loadReadable(deps, ctx, id);
}

async function logEvent(deps: Deps, ctx: Ctx, caseId: string, regionCode: string, action: string, payload: object) {
  await deps.db.transaction(async (tx) => {
    await tx.insert(disputeEvents).values({ caseId, actorAccountId: ctx.actor?.accountId ?? null, actorLabel: ctx.actor?.displayName ?? 'system', action, payload });
    await writeAudit(tx, ctx, { action: `dispute.${action}`, entityType: 'dispute_case', entityId: caseId, regionCode, after: payload });
  });
}

/** Runs the labor-law engine on the case's facts and saves the result with the case. */
export async function analyseCase(deps: Deps, ctx: Ctx, id: string, overrides: Partial<LaborLawRequest> = {}) {
  const { row } = await loadWorkable(deps, ctx, id);
  const facts = row.facts as { employment: { hireDate: string; endDate: string | null; monthlyWageFen: number; contractSigned: boolean; contractSignedDate?: string | null }; claims: { type: string }[] };
  const e = facts.employment;
  const types = new Set(facts.claims.map((c) => c.type));
  const request: LaborLawRequest = {
    regionCode: row.regionCode,
    hireDate: e.hireDate,
    endDate: e.endDate,
    termination: types.has('unlawful_termination_damages') ? 'unlawful' : types.has('economic_compensation') ? 'art38' : null,
    monthlyWageFen: e.monthlyWageFen,
    // No written contract: the engine works out the double-wage claim even if the worker did not name it.
    ...(!e.contractSigned ? { contractSignedDate: e.contractSignedDate ?? null } : {}),
    ...overrides,
  } as LaborLawRequest;
  const analysis = await calculateEntitlements(deps, request, 'zh');
  await deps.db.transaction(async (tx) => {
    await tx.update(disputeCases).set({ analysis: { ...analysis, request }, updatedAt: deps.now() }).where(eq(disputeCases.id, id));
    await tx.insert(disputeEvents).values({ caseId: id, actorAccountId: ctx.actor?.accountId ?? null, actorLabel: ctx.actor?.displayName ?? 'system', action: 'analysis_saved', payload: { totalFen: analysis.totalFen } });
    await writeAudit(tx, ctx, { action: 'dispute.analysis_saved', entityType: 'dispute_case', entityId: id, regionCode: row.regionCode, after: { totalFen: analysis.totalFen } });
  });
  return analysis;
}

export async function mediatorProposals(deps: Deps, ctx: Ctx, id: string) {
  const { actor, row } = await loadWorkable(deps, ctx, id);
  const pool = await caseRepo.mediators(deps.db, regionLike(actor));
  return proposeMediators(
    pool.map((m) => ({ id: m.id, name: m.name, expertise: m.expertise ?? [], activeCases: m.activeCases, available: m.available ?? true, conflicts: m.conflicts ?? [] })),
    { sector: row.sector, claimTypes: row.claimTypes, employerId: row.respondentEmployerId ?? row.employerId ?? '' },
  );
}

/** Assigning needs the mediator's declaration of no conflict; reassigning needs a reason. */
export async function assignMediator(deps: Deps, ctx: Ctx, id: string, input: { mediatorAccountId: string; reason?: string; noConflictDeclared: boolean }) {
  const { actor, row } = await loadWorkable(deps, ctx, id);
  if (!input.noConflictDeclared) throw errors.validation('noConflictDeclared', '请确认调解员已声明与本案无利害关系', 'The mediator must declare no conflict of interest');
  if (row.mediatorAccountId && row.mediatorAccountId !== input.mediatorAccountId && !input.reason?.trim()) throw errors.validation('reason', '更换调解员须说明理由', 'A reason is required to reassign');
  const pool = await caseRepo.mediators(deps.db, regionLike(actor));
  const target = pool.find((m) => m.id === input.mediatorAccountId);
  if (!target) throw errors.validation('mediatorAccountId', '调解员不在本工作室', 'Not a mediator of this studio');
  if ((target.conflicts ?? []).includes(row.respondentEmployerId ?? row.employerId ?? '')) throw errors.conflict('该调解员已申报与该单位存在利害关系', 'The mediator declared a conflict with this employer');
  const record = row.record as CaseRecord;
  const history = [...(record.mediatorHistory ?? []), { accountId: target.id, name: target.name, at: deps.now().toISOString(), reason: input.reason ?? '首次指派', conflictDeclared: true }];
  await deps.db.transaction(async (tx) => {
    await tx.update(disputeCases).set({ mediatorAccountId: target.id, record: { ...record, mediatorHistory: history }, updatedAt: deps.now() }).where(eq(disputeCases.id, id));
    await tx.insert(disputeEvents).values({ caseId: id, actorAccountId: actor.accountId, actorLabel: actor.displayName, action: row.mediatorAccountId ? 'mediator_reassigned' : 'mediator_assigned', payload: { mediator: target.name, reason: input.reason ?? null } });
    await writeAudit(tx, ctx, { action: 'dispute.mediator_assigned', entityType: 'dispute_case', entityId: id, regionCode: row.regionCode, before: { mediator: row.mediatorAccountId }, after: { mediator: target.id, reason: input.reason } });
  });
}

export async function courtJudges(deps: Deps, ctx: Ctx, id: string) {
  const { row } = await loadWorkable(deps, ctx, id);
  return row.courtId ? caseRepo.judges(deps.db, row.courtId) : [];
}

/** A judge of the case's court joins a major dispute; the case then shows both. */
export async function inviteJudge(deps: Deps, ctx: Ctx, id: string, judgeAccountId: string) {
  const { row } = await loadWorkable(deps, ctx, id);
  if (!row.courtId) throw errors.validation('courtId', '案件未关联法院', 'The case has no court');
  const judges = await caseRepo.judges(deps.db, row.courtId);
  const judge = judges.find((j) => j.id === judgeAccountId);
  if (!judge) throw errors.validation('judgeAccountId', '该法官不属于本案法院', 'The judge is not of this case’s court');
  await deps.db.transaction(async (tx) => {
    await tx.update(disputeCases).set({ judgeAccountId, joint: true, updatedAt: deps.now() }).where(eq(disputeCases.id, id));
    await tx.insert(disputeEvents).values({ caseId: id, actorAccountId: ctx.actor!.accountId, actorLabel: ctx.actor!.displayName, action: 'judge_invited', payload: { judge: judge.name } });
    await writeAudit(tx, ctx, { action: 'dispute.judge_invited', entityType: 'dispute_case', entityId: id, regionCode: row.regionCode, after: { judgeAccountId } });
  });
}

export interface SessionInput {
  mode: 'in_person' | 'phone' | 'video';
  scheduledAt: string;
  location?: string;
  meetingUrl?: string;
}

export async function scheduleSession(deps: Deps, ctx: Ctx, id: string, input: SessionInput) {
  const { row } = await loadWorkable(deps, ctx, id);
  if (STAGE_BY_CODE[row.stage as keyof typeof STAGE_BY_CODE]?.terminal) throw errors.conflict('案件已结束', 'The case has ended');
  if (input.mode === 'video' && !input.meetingUrl) throw errors.validation('meetingUrl', '视频调解请填写会议链接', 'A video session needs the meeting link');
  if (input.mode === 'in_person' && !input.location) throw errors.validation('location', '当面调解请填写地点', 'An in-person session needs a place');
  const [session] = await deps.db.insert(disputeSessions).values({ caseId: id, mode: input.mode, scheduledAt: new Date(input.scheduledAt), location: input.location ?? null, meetingUrl: input.meetingUrl ?? null }).returning();
  await logEvent(deps, ctx, id, row.regionCode, 'session_scheduled', { mode: input.mode, scheduledAt: input.scheduledAt });
  return session!;
}

export async function recordMinutes(deps: Deps, ctx: Ctx, id: string, sessionId: string, input: { minutes: string; heldAt?: string }) {
  const { row } = await loadWorkable(deps, ctx, id);
  const [updated] = await deps.db
    .update(disputeSessions)
    .set({ minutes: input.minutes, heldAt: input.heldAt ? new Date(input.heldAt) : deps.now() })
    .where(and(eq(disputeSessions.id, sessionId), eq(disputeSessions.caseId, id)))
    .returning();
  if (!updated) throw errors.notFound('调解场次', 'Session');
  await logEvent(deps, ctx, id, row.regionCode, 'minutes_recorded', { sessionId });
  return updated;
}

export async function addEvidence(deps: Deps, ctx: Ctx, id: string, file: { filename: string; content: Buffer; description?: string }, uploadedBy?: string) {
  const { row } = await loadReadable(deps, ctx, id);
  const { mime } = await checkUpload(file.content);
  const [saved] = await deps.db
    .insert(disputeEvidence)
    .values({ caseId: id, filename: file.filename.slice(0, 200), mime, sizeBytes: file.content.length, sha256: crypto.createHash('sha256').update(file.content).digest('hex'), content: file.content, description: file.description ?? null, uploadedBy: uploadedBy ?? ctx.actor?.displayName ?? '职工' })
    .returning({ id: disputeEvidence.id, filename: disputeEvidence.filename, mime: disputeEvidence.mime, sizeBytes: disputeEvidence.sizeBytes });
  await logEvent(deps, ctx, id, row.regionCode, 'evidence_added', { filename: saved!.filename, sizeBytes: saved!.sizeBytes });
  return saved!;
}

export async function getEvidence(deps: Deps, ctx: Ctx, id: string, evidenceId: string) {
  await loadReadable(deps, ctx, id);
  const [e] = await deps.db.select().from(disputeEvidence).where(and(eq(disputeEvidence.id, evidenceId), eq(disputeEvidence.caseId, id)));
  if (!e) throw errors.notFound('证据', 'Evidence');
  return e;
}

export async function caseDocument(deps: Deps, ctx: Ctx, id: string, kind: DocumentKind, format: DocumentFormat) {
  const { actor, row } = await loadReadable(deps, ctx, id);
  const detail = await caseDetail(deps, row, actor);
  const data = await documentData(deps, detail);
  const info = DOCUMENT_KINDS.find((k) => k.kind === kind)!;
  const missing = info.requires.filter((key) => data[key] === undefined);
  if (missing.length) throw new AppError('CONFLICT', `案件尚未到可生成「${info.zh}」的阶段`, `The case is not ready for: ${info.en}`);
  try {
    return { buffer: await renderDocument(kind, data, format), filename: `${info.zh}-${row.caseNumber}.${format}`, caseNumber: row.caseNumber };
  } catch (err) {
    if (err instanceof DocumentDataError) throw new AppError('CONFLICT', `文书数据不完整：${err.message}`, `Document data incomplete: ${err.message}`);
    throw err;
  }
}

/** Everything a court or arbitration commission needs when the worker goes on from here. */
export async function filingPackage(deps: Deps, ctx: Ctx, id: string) {
  const { actor, row } = await loadReadable(deps, ctx, id);
  const detail = await caseDetail(deps, row, actor);
  const data = await documentData(deps, detail);
  return {
    caseNumber: row.caseNumber,
    stage: row.stage,
    closedReason: row.closedReason,
    referral: row.referral,
    parties: data.parties,
    claims: data.claims,
    facts: data.facts,
    analysis: detail.analysis,
    evidence: detail.evidence,
    minutes: detail.sessions.map((s) => ({ mode: s.mode, scheduledAt: s.scheduledAt, heldAt: s.heldAt, minutes: s.minutes })),
    events: detail.events.map((e) => ({ at: e.at, action: e.action, actor: e.actorLabel })),
  };
}

export async function caseOutbox(deps: Deps, ctx: Ctx, id: string) {
  const { row } = await loadReadable(deps, ctx, id);
  requirePermission(ctx, 'disputes:work');
  return deps.db.select().from(outbox).where(like(outbox.topic, `dispute_case:${row.id}`)).orderBy(desc(outbox.createdAt)).limit(100);
}

