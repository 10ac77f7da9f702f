import crypto from 'node:crypto';
import { and, desc, eq, like } from 'drizzle-orm';
import { laborLawRequestSchema } from '../../../../contracts/labor-law.js';
import { writeAudit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { requirePermission } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { checkUpload } from '../../../core/uploads.js';
import { calculateEntitlements } from '../../labor-law/service.js';
import { redactOneTimeSecrets } from '../../notifications/redact.js';
import { outbox } from '../../notifications/tables.js';
import { documentData } from '../documents/case-data.js';
import type { CaseRecord } from '../case-record.js';
import {
  DOCUMENT_KINDS,
  DocumentDataError,
  renderDocument,
  type DocumentFormat,
  type DocumentKind,
} from '../documents/index.js';
import { caseRepo } from '../repository.js';
import { proposeMediators } from '../rules/assignment.js';
import { STAGE_BY_CODE } from '../rules/stages.js';
import { caseDetail, loadReadable, regionLike } from '../case-view.js';
import { changeCase } from '../case-writer.js';
import { disputeEvents, disputeEvidence, disputeSessions } from '../tables.js';

async function loadWorkable(deps: Deps, ctx: Ctx, id: string) {
  requirePermission(ctx, 'disputes:work');
  return loadReadable(deps, ctx, id);
}

async function logEvent(deps: Deps, ctx: Ctx, caseId: string, regionCode: string, action: string, payload: object) {
  await deps.db.transaction(async (tx) => {
    await tx.insert(disputeEvents).values({
      caseId,
      actorAccountId: ctx.actor?.accountId ?? null,
      actorLabel: ctx.actor?.displayName ?? 'system',
      action,
      payload,
    });
    await writeAudit(tx, ctx, {
      action: `dispute.${action}`,
      entityType: 'dispute_case',
      entityId: caseId,
      regionCode,
      after: payload,
    });
  });
}

/** Runs the labor-law engine on the case's facts and saves the result with the case. */
export async function analyseCase(
  deps: Deps,
  ctx: Ctx,
  id: string,
  overrides: Record<string, unknown> = {},
  expectedVersion?: number,
) {
  const { row } = await loadWorkable(deps, ctx, id);
  const facts = row.facts as {
    employment: {
      hireDate: string;
      endDate: string | null;
      monthlyWageFen: number;
      contractSigned: boolean;
      contractSignedDate?: string | null;
    };
    claims: { type: string }[];
  };
  const e = facts.employment;
  const types = new Set(facts.claims.map((c) => c.type));
  const request = {
    regionCode: row.regionCode,
    hireDate: e.hireDate,
    endDate: e.endDate,
    termination: types.has('unlawful_termination_damages')
      ? 'unlawful'
      : types.has('economic_compensation')
        ? 'art38'
        : null,
    monthlyWageFen: e.monthlyWageFen,
    // No written contract: the engine works out the double-wage claim even if the worker did not name it.
    ...(!e.contractSigned ? { contractSignedDate: e.contractSignedDate ?? null } : {}),
    ...overrides,
  };
  // The mediator's corrections are checked exactly as the public calculator checks a request.
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
  return analysis;
}

export async function mediatorProposals(deps: Deps, ctx: Ctx, id: string) {
  const { actor, row } = await loadWorkable(deps, ctx, id);
  const pool = await caseRepo.mediators(deps.db, regionLike(actor));
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
export async function assignMediator(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: { mediatorAccountId: string; reason?: string; noConflictDeclared: boolean; version?: number },
) {
  const { actor, row } = await loadWorkable(deps, ctx, id);
  if (!input.noConflictDeclared)
    throw errors.validation(
      'noConflictDeclared',
      '请确认调解员已声明与本案无利害关系',
      'The mediator must declare no conflict of interest',
    );
  const pool = await caseRepo.mediators(deps.db, regionLike(actor));
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
      const record = locked.record as CaseRecord;
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
}

export async function courtJudges(deps: Deps, ctx: Ctx, id: string) {
  const { row } = await loadWorkable(deps, ctx, id);
  return row.courtId ? caseRepo.judges(deps.db, row.courtId) : [];
}

/** A judge of the case's court joins a major dispute; the case then shows both. */
export async function inviteJudge(deps: Deps, ctx: Ctx, id: string, judgeAccountId: string, expectedVersion?: number) {
  const { row } = await loadWorkable(deps, ctx, id);
  if (!row.courtId) throw errors.validation('courtId', '案件未关联法院', 'The case has no court');
  const judges = await caseRepo.judges(deps.db, row.courtId);
  const judge = judges.find((j) => j.id === judgeAccountId);
  if (!judge)
    throw errors.validation('judgeAccountId', '该法官不属于本案法院', 'The judge is not of this case’s court');
  await deps.db.transaction((tx) =>
    changeCase(tx, ctx, id, { expectedVersion, now: deps.now() }, () => ({
      change: {
        set: { judgeAccountId, joint: true },
        event: { action: 'judge_invited', actorLabel: ctx.actor!.displayName, payload: { judge: judge.name } },
        audit: { action: 'dispute.judge_invited', after: { judgeAccountId } },
      },
    })),
  );
}

export interface SessionInput {
  mode: 'in_person' | 'phone' | 'video';
  scheduledAt: string;
  location?: string;
  meetingUrl?: string;
}

export async function scheduleSession(deps: Deps, ctx: Ctx, id: string, input: SessionInput) {
  const { row } = await loadWorkable(deps, ctx, id);
  if (STAGE_BY_CODE[row.stage as keyof typeof STAGE_BY_CODE]?.terminal)
    throw errors.conflict('案件已结束', 'The case has ended');
  if (input.mode === 'video' && !input.meetingUrl)
    throw errors.validation('meetingUrl', '视频调解请填写会议链接', 'A video session needs the meeting link');
  if (input.mode === 'in_person' && !input.location)
    throw errors.validation('location', '当面调解请填写地点', 'An in-person session needs a place');
  const [session] = await deps.db
    .insert(disputeSessions)
    .values({
      caseId: id,
      mode: input.mode,
      scheduledAt: new Date(input.scheduledAt),
      location: input.location ?? null,
      meetingUrl: input.meetingUrl ?? null,
    })
    .returning();
  await logEvent(deps, ctx, id, row.regionCode, 'session_scheduled', {
    mode: input.mode,
    scheduledAt: input.scheduledAt,
  });
  return session!;
}

export async function recordMinutes(
  deps: Deps,
  ctx: Ctx,
  id: string,
  sessionId: string,
  input: { minutes: string; heldAt?: string },
) {
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

/** Per case: enough for a wage dispute's pay slips, chats and photos, not a file store. */
export const EVIDENCE_QUOTA = { files: 50, bytes: 100 * 1024 * 1024 };

export async function addEvidence(
  deps: Deps,
  ctx: Ctx,
  id: string,
  file: { filename: string; content: Buffer; description?: string },
  uploadedBy?: string,
) {
  const { row } = await loadReadable(deps, ctx, id);
  const record = row.record as CaseRecord;
  if (!record.state || STAGE_BY_CODE[row.stage as keyof typeof STAGE_BY_CODE]?.terminal)
    throw errors.conflict(
      '案件已结束或为历史案件，不能再添加证据',
      'The case has ended or is historic; evidence can no longer be added',
    );
  const used = await caseRepo.evidenceUsage(deps.db, id);
  if (used.files >= EVIDENCE_QUOTA.files || used.bytes + file.content.length > EVIDENCE_QUOTA.bytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `本案证据已达上限（${EVIDENCE_QUOTA.files} 个文件或 ${EVIDENCE_QUOTA.bytes / 1024 / 1024} MB），请合并或删减后再上传`,
      `The case's evidence is at its limit (${EVIDENCE_QUOTA.files} files or ${EVIDENCE_QUOTA.bytes / 1024 / 1024} MB)`,
      'file',
    );
  }
  const { mime } = await checkUpload(file.content);
  const [saved] = await deps.db
    .insert(disputeEvidence)
    .values({
      caseId: id,
      filename: file.filename.slice(0, 200),
      mime,
      sizeBytes: file.content.length,
      sha256: crypto.createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      description: file.description ?? null,
      uploadedBy: uploadedBy ?? ctx.actor?.displayName ?? '职工',
    })
    .returning({
      id: disputeEvidence.id,
      filename: disputeEvidence.filename,
      mime: disputeEvidence.mime,
      sizeBytes: disputeEvidence.sizeBytes,
    });
  await logEvent(deps, ctx, id, row.regionCode, 'evidence_added', {
    filename: saved!.filename,
    sizeBytes: saved!.sizeBytes,
  });
  return saved!;
}

export async function getEvidence(deps: Deps, ctx: Ctx, id: string, evidenceId: string) {
  await loadReadable(deps, ctx, id);
  const [e] = await deps.db
    .select()
    .from(disputeEvidence)
    .where(and(eq(disputeEvidence.id, evidenceId), eq(disputeEvidence.caseId, id)));
  if (!e) throw errors.notFound('证据', 'Evidence');
  return e;
}

export async function caseDocument(deps: Deps, ctx: Ctx, id: string, kind: DocumentKind, format: DocumentFormat) {
  const { actor, row } = await loadReadable(deps, ctx, id);
  const detail = await caseDetail(deps, row, actor);
  const data = await documentData(deps, detail);
  const info = DOCUMENT_KINDS.find((k) => k.kind === kind)!;
  const missing = info.requires.filter((key) => data[key] === undefined);
  if (missing.length)
    throw new AppError('CONFLICT', `案件尚未到可生成「${info.zh}」的阶段`, `The case is not ready for: ${info.en}`);
  try {
    return {
      buffer: await renderDocument(kind, data, format),
      filename: `${info.zh}-${row.caseNumber}.${format}`,
      caseNumber: row.caseNumber,
    };
  } catch (err) {
    if (err instanceof DocumentDataError)
      throw new AppError('CONFLICT', `文书数据不完整：${err.message}`, `Document data incomplete: ${err.message}`);
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
    minutes: detail.sessions.map((s) => ({
      mode: s.mode,
      scheduledAt: s.scheduledAt,
      heldAt: s.heldAt,
      minutes: s.minutes,
    })),
    events: detail.events.map((e) => ({ at: e.at, action: e.action, actor: e.actorLabel })),
  };
}

export async function caseOutbox(deps: Deps, ctx: Ctx, id: string) {
  const { row } = await loadReadable(deps, ctx, id);
  requirePermission(ctx, 'disputes:work');
  const rows = await deps.db
    .select()
    .from(outbox)
    .where(like(outbox.topic, `dispute_case:${row.id}`))
    .orderBy(desc(outbox.createdAt))
    .limit(100);
  return rows.map((m) => ({ ...m, body: redactOneTimeSecrets(m.body) }));
}
