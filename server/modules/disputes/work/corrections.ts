import type { CaseParty } from '../../../../contracts/disputes/parties.js';
import { rosterOf } from '../../../../contracts/disputes/parties.js';
import type { CorrectionBody } from '../../../../contracts/disputes/corrections.js';
import type { Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { normalizeUscc } from '../../../core/identifiers/uscc.js';
import type { Tx } from '../../../db/client.js';
import { employerForIntake } from '../../employers/service.js';
import { correctPersonFromCase } from '../../people/service.js';
import { calendarFor, todayOf } from '../calendar.js';
import { casePartiesOf } from '../case-parties.js';
import { clocksOf, liveState, nextDueOf } from '../case-record.js';
import { loadWorkable, readCaseDetail } from '../case-view.js';
import { changeCase, type CaseRow } from '../case-writer.js';
import { correctFacts, type Corrected, type Refusal } from '../rules/corrections.js';

// The mediator corrects what was registered (POST /api/disputes/:id/corrections). The rules on
// what may still change are rules/corrections.ts; here the correction is written through the case
// writer with its event and audit record, the worker's person record and the employer register's
// links follow, and the clocks and lists are brought up to date. Documents are generated from the
// case file whenever asked for, so the next download carries the corrected facts.

function refusalError(r: Refusal): AppError {
  if (r.kind === 'invalid') return errors.validation(r.field, r.message, r.messageEn);
  return new AppError('CONFLICT', r.message, r.messageEn, r.field);
}

/** A new or removed USCC links the party to the register's record for that code (registered if new). */
async function relinkEmployers(
  tx: Tx,
  ctx: Ctx,
  row: CaseRow,
  corrected: Corrected,
  body: CorrectionBody,
): Promise<CaseParty[]> {
  const parties = corrected.facts.parties ?? [];
  const out: CaseParty[] = [];
  for (const p of parties) {
    if (!corrected.usccChanged.has(p.id)) {
      out.push(p);
      continue;
    }
    const { employerId: _old, ...rest } = p;
    if (!p.uscc) {
      out.push(rest);
      continue;
    }
    const index = body.parties!.findIndex((c) => c.id === p.id);
    const employerId = await employerForIntake(
      tx,
      ctx,
      {
        name: p.name,
        uscc: p.uscc,
        regionCode: row.regionCode,
        industryCode: row.sector,
        contactPhone: p.phone,
        contactEmail: p.email,
        acceptUsccWarning: body.acceptUsccWarning,
      },
      { create: true, field: `parties.${index}.uscc` },
    );
    out.push(employerId ? { ...rest, employerId } : rest);
  }
  return out;
}

/** Codes are kept as the register writes them (upper case, no spaces). */
function normalized(body: CorrectionBody): CorrectionBody {
  if (!body.parties) return body;
  return { ...body, parties: body.parties.map((p) => (p.uscc ? { ...p, uscc: normalizeUscc(p.uscc) } : p)) };
}

export async function correctCaseFacts(deps: Deps, ctx: Ctx, id: string, input: CorrectionBody) {
  await loadWorkable(deps, ctx, id);
  const body = normalized(input);
  const [calendar, today] = [await calendarFor(deps), todayOf(deps)];
  await deps.db.transaction((tx) =>
    changeCase(tx, ctx, id, { expectedVersion: body.version, now: deps.now() }, async (locked) => {
      const state = liveState(locked.record);
      const corrected = correctFacts(locked.facts, casePartiesOf(locked.facts, locked.record), state, body);
      if ('refusal' in corrected) throw refusalError(corrected.refusal);
      const parties = await relinkEmployers(tx, ctx, locked, corrected, body);
      const roster = rosterOf(parties);
      const facts = {
        ...corrected.facts,
        parties,
        ...(corrected.facts.employer && roster.hirer
          ? { employer: { ...corrected.facts.employer, employerId: roster.hirer.employerId } }
          : {}),
      };
      const worker = roster.workers[0];
      if (worker && locked.workerPersonId)
        await correctPersonFromCase(tx, deps, ctx, locked.workerPersonId, { name: worker.name, phone: worker.phone });
      const claimTypes = corrected.claimsChanged ? [...new Set(facts.claims.map((c) => c.type))] : locked.claimTypes;
      const claimTotalFen = corrected.claimsChanged
        ? facts.claims.reduce((s, c) => s + (c.amountFen ?? 0), 0)
        : locked.claimTotalFen;
      const clocks = clocksOf({ record: locked.record, facts, claimTypes }, calendar, today);
      // The saved analysis was computed from the facts as they were: kept, marked for a new run.
      const outdated = (corrected.employmentChanged || corrected.claimsChanged) && locked.analysis;
      // The list columns change only with a party's licence number; a derived party list may lack the link.
      const relinked = (p: CaseParty | null, was: string | null) =>
        p && corrected.usccChanged.has(p.id) ? (p.employerId ?? null) : was;
      const fields = corrected.changes.map((c) => c.field);
      return {
        change: {
          set: {
            facts,
            claimTypes,
            claimTotalFen,
            nextDueOn: nextDueOf(clocks),
            employerId: relinked(roster.hirer, locked.employerId),
            respondentEmployerId: relinked(roster.acting, locked.respondentEmployerId),
            ...(outdated ? { analysis: { ...locked.analysis!, factsChangedOn: today } } : {}),
          },
          event: {
            action: 'facts_corrected',
            actorLabel: ctx.actor?.displayName ?? 'system',
            payload: { reason: body.reason, fields },
          },
          audit: {
            action: 'dispute.facts_corrected',
            before: Object.fromEntries(corrected.changes.map((c) => [c.field, c.before])),
            after: { reason: body.reason, ...Object.fromEntries(corrected.changes.map((c) => [c.field, c.after])) },
          },
        },
      };
    }),
  );
  return readCaseDetail(deps, ctx, id);
}
