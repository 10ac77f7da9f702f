import type { z } from 'zod';
import type { CaseFacts, IdentityDecisionRecord, IdentityMatch } from '../../../../contracts/disputes/case-json.js';
import type { CaseParty } from '../../../../contracts/disputes/parties.js';
import type { identityDecisionBodySchema } from '../../../../contracts/disputes/requests.js';
import { requirePermission, type Actor, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import type { Tx } from '../../../db/client.js';
import {
  attachVerifiedResidentId,
  mergeApplicantRecord,
  personForComparison,
  setPhoneOfVerifiedApplicant,
} from '../../people/applicants.js';
import { assertCanRead } from '../access.js';
import { readCaseDetail } from '../case-view.js';
import { changeCase, type CaseChange, type CaseRow, type Decision } from '../case-writer.js';

// The mediator's decision on a held online application (identity-hold.ts): after checking the
// applicant's ID card, either the applicant is the registered person the typed ID belongs to (the
// case moves to that person, whose phone may become the one the applicant gave, and the record
// made at intake is merged into it), or somebody else (the case keeps the applicant's own record,
// which may get the applicant's real ID; the registered person is not touched). One transaction:
// the case with its event and audit record, and the people register's changes with theirs.

export type IdentityDecisionBody = z.infer<typeof identityDecisionBodySchema>;
type Worker = NonNullable<CaseFacts['worker']>;

/** POST /api/disputes/:id/identity: answered with the case file, which then shows the decision. */
export async function decideIdentity(deps: Deps, ctx: Ctx, caseId: string, body: IdentityDecisionBody) {
  const actor = requirePermission(ctx, 'disputes:work');
  checkBody(body);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const { result } = await changeCase<Merge | null>(
      tx,
      ctx,
      caseId,
      { expectedVersion: body.version, now, authorize: (row) => assertCanRead(actor, row) },
      async (locked) => {
        const { match, worker } = heldOf(locked);
        const decided = { now, actor, match, worker, applicantId: locked.workerPersonId };
        return body.decision === 'same_person'
          ? samePerson(tx, deps, ctx, locked, body, decided)
          : differentPerson(tx, deps, ctx, locked, body, decided);
      },
    );
    // Only once the case no longer points at it can the applicant's own record go.
    if (result) await mergeApplicantRecord(tx, ctx, result);
  });
  return readCaseDetail(deps, ctx, caseId);
}

/** Each choice belongs to one decision: a field sent with the other is a mistake, not ignored. */
function checkBody(body: IdentityDecisionBody) {
  if (body.decision === 'same_person' && body.residentId)
    throw errors.validation(
      'residentId',
      '确认为同一人时无需填写身份证号（沿用已登记人员的证件）',
      'No resident ID is given for the same person (the registered person’s stays)',
    );
  if (body.decision === 'different_person' && body.keepPhone)
    throw errors.validation(
      'keepPhone',
      '确认为不同人时不更改已登记人员的手机号',
      'The registered person’s phone is not changed for a different person',
    );
}

function heldOf(row: CaseRow): { match: IdentityMatch & { registeredPersonId: string }; worker: Worker } {
  const match = row.facts.identityMatch;
  const worker = row.facts.worker;
  if (match?.status !== 'held' || !match.registeredPersonId || !worker)
    throw errors.conflict(
      '本案没有待核验的申请人身份（可能已由他人处理），请刷新页面',
      'This case has no applicant identity waiting to be verified (perhaps decided meanwhile); reload the page',
      'decision',
    );
  return { match: { ...match, registeredPersonId: match.registeredPersonId }, worker };
}

/** The applicant's record, to merge into the registered person's once the case has moved. */
type Merge = { id: string; into: string };

interface Decided {
  now: Date;
  actor: Actor;
  match: IdentityMatch & { registeredPersonId: string };
  worker: Worker;
  applicantId: string;
}

function decisionRecord(d: Decided, body: IdentityDecisionBody): IdentityDecisionRecord {
  return {
    decision: body.decision,
    at: d.now.toISOString(),
    by: d.actor.displayName,
    byAccountId: d.actor.accountId,
    applicant: {
      personId: d.applicantId,
      name: d.worker.name,
      phone: d.worker.phone,
      residentIdMasked: d.worker.residentIdMasked ?? null,
    },
    ...(body.note ? { note: body.note } : {}),
  };
}

/** The worker of the case's party list, changed as the decision says (the party roster follows the person). */
function withWorkerParty(parties: CaseParty[] | undefined, applicantId: string, change: Partial<CaseParty>) {
  return parties?.map((p) =>
    p.roles.includes('worker') && (p.personId === applicantId || p.id === 'worker') ? { ...p, ...change } : p,
  );
}

/**
 * The case's change: its facts (and columns), an event the parties may read (the decision, never
 * the numbers), the audit record.
 */
function change(
  locked: CaseRow,
  d: Decided,
  body: IdentityDecisionBody,
  set: CaseChange['set'],
  audit: { before: Record<string, unknown>; after: Record<string, unknown> },
): CaseChange {
  return {
    set,
    event: {
      action: 'identity_verified',
      actorLabel: d.actor.displayName,
      payload: { decision: body.decision, ...(body.keepPhone ? { keptPhone: body.keepPhone } : {}) },
    },
    audit: {
      action: 'dispute.identity_verified',
      before: { version: locked.version, ...audit.before },
      after: { decision: body.decision, ...audit.after },
    },
  };
}

async function samePerson(
  tx: Tx,
  deps: Deps,
  ctx: Ctx,
  locked: CaseRow,
  body: IdentityDecisionBody,
  d: Decided,
): Promise<Decision<Merge | null>> {
  const registered = await personForComparison(tx, d.match.registeredPersonId);
  if (!registered)
    throw errors.conflict('已登记人员的档案不存在', 'The registered person’s record no longer exists', 'decision');
  const keepPhone = body.keepPhone ?? (registered.phone ? 'registered' : 'application');
  if (keepPhone === 'registered' && !registered.phone)
    throw errors.validation(
      'keepPhone',
      '已登记人员没有手机号，请保留申请时填写的手机号',
      'The registered person has no phone on file; keep the phone of the application',
    );
  const phone = keepPhone === 'application' ? d.worker.phone : registered.phone!;
  if (keepPhone === 'application') await setPhoneOfVerifiedApplicant(tx, deps, ctx, registered.id, phone);
  const person = { name: registered.name, phone, residentIdMasked: registered.residentIdMasked };
  const facts: CaseFacts = {
    ...locked.facts,
    worker: { ...d.worker, ...person },
    parties: withWorkerParty(locked.facts.parties, d.applicantId, { ...person, personId: registered.id }),
    identityMatch: {
      ...d.match,
      status: 'verified_same',
      decision: { ...decisionRecord(d, body), keptPhone: keepPhone },
    },
  };
  return {
    change: change(
      locked,
      d,
      body,
      { facts, workerPersonId: registered.id },
      {
        before: { workerPersonId: d.applicantId, worker: { name: d.worker.name, phone: d.worker.phone } },
        after: { workerPersonId: registered.id, keptPhone: keepPhone, phone },
      },
    ),
    result: { id: d.applicantId, into: registered.id },
  };
}

async function differentPerson(
  tx: Tx,
  deps: Deps,
  ctx: Ctx,
  locked: CaseRow,
  body: IdentityDecisionBody,
  d: Decided,
): Promise<Decision<Merge | null>> {
  // The ID typed is the registered person's, not the applicant's: the case keeps it only if the
  // card shows the applicant's own.
  const residentIdMasked = body.residentId
    ? await attachVerifiedResidentId(tx, deps, ctx, d.applicantId, body.residentId, 'residentId')
    : null;
  const facts: CaseFacts = {
    ...locked.facts,
    worker: { ...d.worker, residentIdMasked },
    parties: withWorkerParty(locked.facts.parties, d.applicantId, {
      personId: d.applicantId,
      residentIdMasked,
    }),
    identityMatch: {
      ...d.match,
      status: 'verified_different',
      decision: { ...decisionRecord(d, body), ...(residentIdMasked ? { residentIdMasked } : {}) },
    },
  };
  return {
    change: change(
      locked,
      d,
      body,
      { facts },
      {
        before: { residentIdMasked: d.worker.residentIdMasked ?? null },
        after: { residentIdMasked },
      },
    ),
    result: null,
  };
}
