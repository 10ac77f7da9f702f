import type { Role } from '../../../contracts/roles.js';
import type { Ctx } from '../../core/context.js';
import { sha256Hex } from '../../core/crypto.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import type { Tx } from '../../db/client.js';
import type { EventPayload } from '../../../contracts/disputes/case-json.js';
import { notify } from '../notifications/service.js';
import { assertCanRead, roleFor } from './access.js';
import { calendarFor, todayOf } from './calendar.js';
import { caseRoster } from './case-parties.js';
import { documentPartiesRepo } from './documents/repository.js';
import { partyNotices, type NoticeContext, type PartyNotice } from './party-notices.js';
import { clocksOf, liveState, nextDueOf, projectColumns, type CaseRecord } from './case-record.js';
import { readCaseDetail } from './case-view.js';
import { changeCase, type CaseRow } from './case-writer.js';
import { checkedReview, nextRulingNo, type ConfirmationReview } from './court/confirmation.js';
import { assertActionAllowed, isIdentityHeld } from './identity-hold.js';
import { issueEmployerLink } from './public/employer-link.js';
import { caseRepo, contactRepo, paymentRepo } from './repository.js';
import { isActionCode, transition, type ActionCode, type CaseState, type Effect } from './rules/state-machine.js';
import type { ActionBody } from './schemas.js';
import type { disputeCases } from './tables.js';

// Changing cases: every action goes through applyAction (see ADR 0002).

export interface ActionOptions {
  /** The role a one-time link or code acts in (employer link, worker code). */
  role?: Role;
  actorLabel?: string;
  expectedVersion?: number;
  review?: ConfirmationReview;
  /** What the record keeps beside the rules' state, e.g. the employer's counter-offer amount. */
  sideData?: { counterAmountFen?: number | null };
  /** A signature through a public door: how it was given and the name signed (else: the account's). */
  signature?: { method: 'link_code' | 'sms_code'; signerName: string };
}

/**
 * How a signature came and whose name is on it are the door's to say, not the caller's: a signed-in
 * account signs as itself, a link or a phone code as the service that checked it says.
 */
function withSignatureSource(action: string, payload: EventPayload, ctx: Ctx, opts: ActionOptions): EventPayload {
  if (action !== 'sign_agreement') return payload;
  const { method: _m, signerName: _n, ...rest } = payload;
  if (opts.signature) return { ...rest, ...opts.signature };
  return { ...rest, method: 'account', ...(ctx.actor ? { signerName: ctx.actor.displayName } : {}) };
}

const HTTP_OF_RULE: Record<string, 'FORBIDDEN' | 'VALIDATION' | 'CONFLICT'> = {
  forbidden_role: 'FORBIDDEN',
  invalid_payload: 'VALIDATION',
  unknown_action: 'VALIDATION',
};

/**
 * POST /api/disputes/:id/actions: a staff member's action, answered with the case file, or with
 * the new stage only (`view: 'none'`, for callers that do not show the case).
 */
export async function actOnCase(deps: Deps, ctx: Ctx, caseId: string, body: ActionBody, view: 'full' | 'none') {
  const opts = { expectedVersion: body.version, review: body.review };
  const updated = await applyAction(deps, ctx, caseId, body.action, body.payload, opts);
  if (view === 'none') return { id: updated.id, stage: updated.stage, version: updated.version };
  return readCaseDetail(deps, ctx, caseId);
}

/**
 * Every change of a case's legal state goes through here: the state machine decides on the
 * locked row, then one transaction writes the case, its event, the audit record and the
 * notifications the effects ask for (see case-writer.ts).
 */
export async function applyAction(
  deps: Deps,
  ctx: Ctx,
  caseId: string,
  action: string,
  payload: EventPayload,
  opts: ActionOptions = {},
) {
  if (!isActionCode(action))
    throw new AppError('VALIDATION', `未知操作：${action}`, `Unknown action: ${action}`, 'action');
  const actor = ctx.actor;
  if (!opts.role && !actor) throw errors.unauthenticated();
  // Whether this kind of person may take this action at all is decided before the case's stage.
  const role = opts.role ?? roleFor(actor!, action);
  if (!role) throw errors.forbidden();
  const calendar = await calendarFor(deps);
  const now = deps.now();
  payload = withSignatureSource(action, payload, ctx, opts);
  return deps.db.transaction(async (tx) => {
    const authorize = (row: CaseRow) => {
      if (!opts.role && actor) assertCanRead(actor, row);
    };
    const { row: updated, result: effects } = await changeCase(
      tx,
      ctx,
      caseId,
      { expectedVersion: opts.expectedVersion, now, authorize },
      async (row) => {
        // Decided on the locked row: a hold placed or lifted meanwhile is what counts.
        assertActionAllowed(row.facts, action);
        const record = row.record;
        const result = transition(liveState(record), action, payload, now, { role, calendar, hashTerms: sha256Hex });
        if (!result.ok) {
          const status = result.field ? 'VALIDATION' : (HTTP_OF_RULE[result.code] ?? 'CONFLICT');
          throw new AppError(status, result.message, result.messageEn, result.field);
        }
        const nextRecord: CaseRecord = { ...record, state: result.state };
        if (action === 'issue_ruling' || action === 'refuse_confirmation') {
          nextRecord.confirmationReview = {
            grounds: checkedReview(action, result.state.refusalGround, opts.review),
            at: now.toISOString(),
            by: actor?.displayName ?? role,
          };
          // The names under the ruling: the judge who made it (this account) and the clerk named.
          if (actor)
            nextRecord.rulingBench = {
              judge: actor.displayName,
              ...(payload.clerkName ? { clerk: String(payload.clerkName) } : {}),
            };
        }
        const extra = await sideEffects(tx, deps, row, nextRecord, result.state, action, payload, opts.sideData);
        const clocks = clocksOf({ ...row, record: nextRecord }, calendar, todayOf(deps));
        return {
          change: {
            set: { ...projectColumns(result.state), ...extra, record: nextRecord, nextDueOn: nextDueOf(clocks) },
            event: {
              action,
              actorLabel: opts.actorLabel ?? actor?.displayName ?? role,
              fromStage: result.from,
              toStage: result.to,
              payload,
            },
            audit: {
              action: `dispute.${action}`,
              before: { stage: row.stage, version: row.version },
              after: { stage: result.to, payload },
            },
          },
          result: { effects: result.effects, before: liveState(record), after: result.state },
        };
      },
    );
    await deliverEffects(tx, updated, effects.effects);
    await tellParties(
      tx,
      updated,
      partyNotices(action, effects.before, effects.after, await noticeContext(tx, deps, updated), payload),
    );
    return updated;
  });
}

/** Database consequences a rule cannot express: instalment rows, payment allocation, ruling numbers. */
async function sideEffects(
  tx: Tx,
  deps: Deps,
  row: CaseRow,
  record: CaseRecord,
  state: CaseState,
  action: ActionCode,
  payload: EventPayload,
  sideData: ActionOptions['sideData'],
) {
  const extra: Partial<typeof disputeCases.$inferInsert> = {};
  // New terms (set, or amended after a refused confirmation) replace the unpaid instalments.
  if ((action === 'set_agreement_terms' || action === 'amend_agreement') && state.agreement) {
    await paymentRepo.deleteUnpaid(tx, row.id);
    const start = (await caseRepo.payments(tx, row.id)).length;
    await paymentRepo.add(
      tx,
      state.agreement.installments.map((i, k) => ({
        caseId: row.id,
        seq: start + k + 1,
        dueOn: i.dueOn,
        amountFen: i.amountFen,
      })),
    );
  }
  if (action === 'record_payment') {
    // The payment settles the earliest open instalments first.
    let left = Number(payload.amountFen);
    for (const p of await caseRepo.payments(tx, row.id)) {
      if (left <= 0) break;
      const open = p.amountFen - p.paidFen;
      if (open <= 0) continue;
      const take = Math.min(open, left);
      left -= take;
      await paymentRepo.setPaid(tx, p.id, {
        paidFen: p.paidFen + take,
        paidOn: p.paidFen + take === p.amountFen ? String(payload.paidOn) : p.paidOn,
      });
    }
  }
  if (action === 'issue_ruling') {
    record.rulingNo = (payload.rulingNo as string | undefined) ?? (await nextRulingNo(tx, row, state.rulingIssuedOn!));
    extra.rulingNo = record.rulingNo;
    if (await caseRepo.rulingNoTaken(tx, record.rulingNo, row.id))
      throw errors.conflict(
        `裁定书编号 ${record.rulingNo} 已被使用`,
        `Ruling number ${record.rulingNo} is already in use`,
        'rulingNo',
      );
  }
  if (action === 'contact_employer') await issueEmployerLink(tx, deps, row);
  if (action === 'refuse_confirmation' && payload.note) record.refusalNote = String(payload.note);
  if (action === 'record_employer_answer' && payload.answer === 'counter') {
    record.counterOffer = {
      amountFen: sideData?.counterAmountFen ?? null,
      note: (payload.note as string) ?? null,
      at: deps.now().toISOString(),
    };
  }
  return extra;
}

/** Who the parties are and where the worker follows the case, for the words of a notice. */
export async function noticeContext(tx: Tx, deps: Deps, row: CaseRow): Promise<NoticeContext> {
  const roster = caseRoster(row.facts, row.record);
  const court = row.courtId ? await documentPartiesRepo.court(tx, row.courtId) : null;
  return {
    actingName: roster.acting?.name ?? '对方',
    workerName: roster.workers[0]?.name ?? '',
    trackUrl: `${deps.config.publicUrl}/track`,
    courtName: court?.name ?? null,
  };
}

/** Sends each party its own notice: the worker by SMS, the paying party by SMS and e-mail. */
export async function tellParties(tx: Tx, row: CaseRow, notices: PartyNotice[]) {
  // The other side hears nothing of an application whose applicant is not yet verified (identity-hold.ts).
  if (isIdentityHeld(row.facts)) notices = notices.filter((n) => n.to === 'worker');
  if (notices.length === 0) return;
  const topic = `dispute_case:${row.id}`;
  const acting = caseRoster(row.facts, row.record).acting;
  for (const n of notices) {
    const variables = { caseNumber: row.caseNumber, message: n.message };
    if (n.to === 'worker') {
      const w = await contactRepo.worker(tx, row.workerPersonId);
      if (w?.phone)
        await notify(tx, {
          channel: 'sms',
          recipient: w.phone,
          template: 'dispute.case_notice',
          variables,
          topic,
          regionCode: row.regionCode,
        });
      continue;
    }
    if (acting?.phone)
      await notify(tx, {
        channel: 'sms',
        recipient: acting.phone,
        template: 'dispute.case_notice',
        variables,
        topic,
        regionCode: row.regionCode,
      });
    if (acting?.email)
      await notify(tx, {
        channel: 'email',
        recipient: acting.email,
        template: 'dispute.case_notice_email',
        variables,
        topic,
        regionCode: row.regionCode,
      });
  }
}

/** Turns the state machine's `notify` effects into SMS and e-mail in the outbox. */
async function deliverEffects(tx: Tx, row: CaseRow, effects: Effect[]) {
  for (const e of effects) {
    if (e.type !== 'notify') continue;
    const topic = `dispute_case:${row.id}`;
    // The parties hear through the same path as their own notices (the paying side: its acting party).
    const toParties: PartyNotice[] = [];
    if (e.audience.includes('worker')) toParties.push({ to: 'worker', message: e.message });
    if (e.audience.includes('employer_agent')) toParties.push({ to: 'acting', message: e.message });
    await tellParties(tx, row, toParties);
    for (const staffRole of ['mediator', 'judge', 'court_clerk'] as const) {
      if (!e.audience.includes(staffRole)) continue;
      const target =
        staffRole === 'mediator' ? row.mediatorAccountId : staffRole === 'judge' ? row.judgeAccountId : null;
      if (!target) continue;
      const acc = await contactRepo.account(tx, target);
      if (acc?.phone)
        await notify(tx, {
          channel: 'sms',
          recipient: acc.phone,
          template: 'dispute.staff_notice',
          variables: { caseNumber: row.caseNumber, message: e.message },
          topic,
          regionCode: row.regionCode,
        });
    }
  }
}
