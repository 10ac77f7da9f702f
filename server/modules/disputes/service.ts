import { and, eq, isNull } from 'drizzle-orm';
import type { Role } from '../../../contracts/roles.js';
import type { Ctx } from '../../core/context.js';
import { sha256Hex } from '../../core/crypto.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import type { Tx } from '../../db/client.js';
import { accounts } from '../accounts/tables.js';
import { courts } from '../courts/tables.js';
import { mediationBodies } from '../organizations/tables.js';
import { notify } from '../notifications/service.js';
import { people } from '../people/tables.js';
import { assertCanRead, roleFor } from './access.js';
import { calendarFor, todayOf } from './calendar.js';
import { clocksOf, nextDueOf, projectColumns, type CaseRecord } from './case-record.js';
import { caseRepo } from './repository.js';
import {
  REFUSAL_GROUNDS,
  isActionCode,
  transition,
  type ActionCode,
  type Effect,
  type RefusalGround,
} from './rules/state-machine.js';
import { nextNumber } from '../numbering/service.js';
import { changeCase, type CaseRow } from './case-writer.js';
import { disputeCases, disputePayments } from './tables.js';
import { latestOpenCode, newLinkToken, storeToken } from './public/tokens.js';

// Changing cases: every action goes through applyAction (see ADR 0002).

export interface ActionOptions {
  /** The role a one-time link or code acts in (employer link, worker code). */
  role?: Role;
  actorLabel?: string;
  expectedVersion?: number;
  review?: Partial<Record<RefusalGround, boolean>>;
  /** What the record keeps beside the rules' state, e.g. the employer's counter-offer amount. */
  sideData?: { counterAmountFen?: number | null };
}

const HTTP_OF_RULE: Record<string, 'FORBIDDEN' | 'VALIDATION' | 'CONFLICT'> = {
  forbidden_role: 'FORBIDDEN',
  invalid_payload: 'VALIDATION',
  unknown_action: 'VALIDATION',
};

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
  payload: unknown,
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
        const record = row.record as CaseRecord;
        if (!record.state) throw errors.conflict('历史案件只能查看', 'Historic cases are read-only');
        const result = transition(record.state, action, payload, now, { role, calendar, hashTerms: sha256Hex });
        if (!result.ok) throw new AppError(HTTP_OF_RULE[result.code] ?? 'CONFLICT', result.message, result.messageEn);
        const nextRecord: CaseRecord = { ...record, state: result.state };
        if (action === 'issue_ruling' || action === 'refuse_confirmation') {
          nextRecord.confirmationReview = {
            grounds: checkedReview(action, payload as { ground?: RefusalGround }, opts.review),
            at: now.toISOString(),
            by: actor?.displayName ?? role,
          };
        }
        const extra = await sideEffects(
          tx,
          deps,
          row,
          nextRecord,
          action,
          payload as Record<string, unknown>,
          opts.sideData,
        );
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
          result: result.effects,
        };
      },
    );
    await deliverEffects(tx, updated, effects);
    return updated;
  });
}

/**
 * Confirmation is decided against every refusal ground (民事诉讼法第二百零六条): a ruling needs all
 * of them checked as not applying; a refusal needs its ground checked as applying.
 */
function checkedReview(
  action: ActionCode,
  payload: { ground?: RefusalGround },
  review: Partial<Record<RefusalGround, boolean>> | undefined,
) {
  const grounds = REFUSAL_GROUNDS.filter((g) => g !== 'other');
  const missing = grounds.filter((g) => review?.[g] === undefined);
  if (missing.length)
    throw new AppError(
      'VALIDATION',
      `请逐项完成审查清单（未勾选：${missing.map((g) => REFUSAL_GROUND_LABELS[g]).join('、')}）`,
      `Complete the review checklist (missing: ${missing.join(', ')})`,
      'review',
    );
  const applying = grounds.filter((g) => review![g]);
  if (action === 'issue_ruling' && applying.length)
    throw new AppError(
      'VALIDATION',
      '审查清单中有不予确认的情形，不能出具确认裁定',
      'A refusal ground applies; the agreement cannot be confirmed',
      'review',
    );
  if (action === 'refuse_confirmation' && payload.ground && payload.ground !== 'other' && !review![payload.ground])
    throw new AppError(
      'VALIDATION',
      '驳回理由须与审查清单一致',
      'The refusal ground must match the checklist',
      'review',
    );
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
async function sideEffects(
  tx: Tx,
  deps: Deps,
  row: CaseRow,
  record: CaseRecord,
  action: ActionCode,
  payload: Record<string, unknown>,
  sideData: ActionOptions['sideData'],
) {
  const extra: Partial<typeof disputeCases.$inferInsert> = {};
  const state = record.state;
  if (action === 'set_agreement_terms' && state.agreement) {
    await tx.delete(disputePayments).where(and(eq(disputePayments.caseId, row.id), isNull(disputePayments.paidOn)));
    const paid = await caseRepo.payments(tx, row.id);
    const start = paid.length;
    if (state.agreement.installments.length) {
      await tx.insert(disputePayments).values(
        state.agreement.installments.map((i, k) => ({
          caseId: row.id,
          seq: start + k + 1,
          dueOn: i.dueOn,
          amountFen: i.amountFen,
        })),
      );
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
      await tx
        .update(disputePayments)
        .set({
          paidFen: p.paidFen + take,
          paidOn: p.paidFen + take === p.amountFen ? String(payload.paidOn) : p.paidOn,
        })
        .where(eq(disputePayments.id, p.id));
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

/**
 * （2025）粤2071民特12号: the court's code from its row, and the next number of that court's
 * series for the year (a counter row locked until commit, so two rulings never share a number).
 * A series used for the first time starts above any number already issued in it.
 */
async function nextRulingNo(tx: Tx, row: CaseRow, issuedOn: string): Promise<string> {
  if (!row.courtId)
    throw errors.conflict('案件未关联法院，无法编号裁定书', 'The case has no court to number the ruling', 'courtId');
  const [court] = await tx.select({ code: courts.code }).from(courts).where(eq(courts.id, row.courtId));
  if (!court) throw errors.notFound('法院', 'Court');
  const year = issuedOn.slice(0, 4);
  const prefix = `（${year}）${court.code}民特`;
  return `${prefix}${await nextNumber(tx, `ruling:${row.courtId}:${year}`, () => caseRepo.highestRulingSeq(tx, prefix))}号`;
}

/** Turns the state machine's `notify` effects into SMS and e-mail in the outbox. */
async function deliverEffects(tx: Tx, row: CaseRow, effects: Effect[]) {
  for (const e of effects) {
    if (e.type !== 'notify') continue;
    const topic = `dispute_case:${row.id}`;
    if (e.audience.includes('worker')) {
      const [w] = await tx.select({ phone: people.phone }).from(people).where(eq(people.id, row.workerPersonId));
      if (w?.phone)
        await notify(tx, {
          channel: 'sms',
          recipient: w.phone,
          body: `【一站】案件${row.caseNumber}：${e.message}`,
          topic,
          regionCode: row.regionCode,
        });
    }
    if (e.audience.includes('employer_agent')) {
      const contact = (row.facts as { employer?: { contactPhone?: string; contactEmail?: string } }).employer;
      if (contact?.contactPhone)
        await notify(tx, {
          channel: 'sms',
          recipient: contact.contactPhone,
          body: `【一站】案件${row.caseNumber}：${e.message}`,
          topic,
          regionCode: row.regionCode,
        });
      if (contact?.contactEmail)
        await notify(tx, {
          channel: 'email',
          recipient: contact.contactEmail,
          subject: `劳动争议调解案件 ${row.caseNumber}`,
          body: e.message,
          topic,
          regionCode: row.regionCode,
        });
    }
    for (const staffRole of ['mediator', 'judge', 'court_clerk'] as const) {
      if (!e.audience.includes(staffRole)) continue;
      const target =
        staffRole === 'mediator' ? row.mediatorAccountId : staffRole === 'judge' ? row.judgeAccountId : null;
      if (!target) continue;
      const [acc] = await tx
        .select({ phone: accounts.phone, name: accounts.displayName })
        .from(accounts)
        .where(eq(accounts.id, target));
      if (acc?.phone)
        await notify(tx, {
          channel: 'sms',
          recipient: acc.phone,
          body: `【一站】${row.caseNumber}：${e.message}`,
          topic,
          regionCode: row.regionCode,
        });
    }
  }
}

async function issueEmployerLink(tx: Tx, deps: Deps, row: CaseRow) {
  if (await latestOpenCode(tx, row.id, 'employer_link', deps.now())) return;
  const token = newLinkToken();
  await storeToken(tx, row.id, 'employer_link', sha256Hex(token), new Date(deps.now().getTime() + 60 * 86_400_000));
  const contact =
    (row.facts as { employer?: { name?: string; contactPhone?: string; contactEmail?: string } }).employer ?? {};
  const link = `${deps.config.publicUrl}/e/${token}`;
  const [studio] = row.mediationBodyId
    ? await tx
        .select({ name: mediationBodies.name })
        .from(mediationBodies)
        .where(eq(mediationBodies.id, row.mediationBodyId))
    : [];
  const text = `【一站】${contact.name ?? '贵单位'}：${studio?.name ?? '劳动争议调解组织'}受理了案件${row.caseNumber}，请通过以下链接答复是否同意调解（可提出金额方案）：${link}`;
  const topic = `dispute_case:${row.id}`;
  if (contact.contactPhone)
    await notify(tx, {
      channel: 'sms',
      recipient: contact.contactPhone,
      body: text,
      topic,
      regionCode: row.regionCode,
    });
  if (contact.contactEmail)
    await notify(tx, {
      channel: 'email',
      recipient: contact.contactEmail,
      subject: `劳动争议调解邀请 ${row.caseNumber}`,
      body: text,
      topic,
      regionCode: row.regionCode,
    });
  if (!contact.contactPhone && !contact.contactEmail)
    await notify(tx, { channel: 'sms', recipient: '（无联系方式）', body: text, topic, regionCode: row.regionCode });
}
