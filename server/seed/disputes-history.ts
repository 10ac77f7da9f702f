import { inArray } from 'drizzle-orm';
import type { ClaimType } from '../../contracts/disputes/claims.js';
import type { Deps } from '../core/deps.js';
import { DEMO_AS_OF } from './demo-data.js';
import { chineseName, mobile, residentId } from './people-gen.js';
import { createRng, type Rng } from './random.js';
import { people } from '../modules/people/tables.js';
import { caseSearchText } from '../modules/disputes/search-text.js';
import { disputeCases, disputeEvents } from '../modules/disputes/tables.js';

/**
 * Closed cases mirroring the seed page: the Zhongshan studio received 7,729 cases from
 * December 2017 to December 2022 and settled about ¥52.5 million. The generator is also the
 * benchmark's source (100,000 cases, 1,000,000 events) with other parameters.
 */
export interface HistoryOptions {
  count: number;
  from: string;
  to: string;
  settledTotalFen: number;
  seed?: string;
  /** Average number of events per case (about 6.5 for the demo; 10 for the benchmark). */
  eventsPerCase?: number;
}

export const SEED_HISTORY: HistoryOptions = {
  count: 7729,
  from: '2017-12-01',
  to: '2022-12-31',
  settledTotalFen: 5_250_000_000,
};

const SECTORS: [string, number][] = [
  ['construction', 35],
  ['manufacturing', 30],
  ['logistics', 10],
  ['catering', 8],
  ['retail', 7],
  ['resident_services', 5],
  ['platform', 5],
];
const KINDS: [string, number][] = [
  ['court_pre_filing', 60],
  ['court_post_filing_ordinary', 15],
  ['court_post_filing_simple', 15],
  ['union_mediation', 10],
];
const CLAIMS: [ClaimType, number][] = [
  ['wage_arrears', 0.7],
  ['economic_compensation', 0.35],
  ['overtime_pay', 0.2],
  ['double_wage', 0.15],
  ['unlawful_termination_damages', 0.1],
  ['social_insurance', 0.1],
  ['work_injury_other', 0.05],
];
const FAILURES: [string, number][] = [
  ['employer_unreachable', 25],
  ['employer_declined', 30],
  ['deadlock', 25],
  ['deadline_passed', 8],
  ['refused_to_sign', 5],
  ['withdrawn', 7],
];

const DAY = 86_400_000;
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

export interface HistoryRefs {
  courtIds: string[];
  courtWeights: number[];
  mediatorIds: string[];
  employerIds: string[];
  mediationBodyId: string | null;
}

interface Draft {
  caseRow: typeof disputeCases.$inferInsert;
  events: { action: string; from: string | null; to: string; on: string }[];
  person: typeof people.$inferInsert;
  residentId: string;
}

function claimTypes(rng: Rng): ClaimType[] {
  const picked = CLAIMS.filter(([, p]) => rng.chance(p)).map(([c]) => c);
  return picked.length ? picked : ['wage_arrears'];
}

function draftCase(rng: Rng, i: number, opts: HistoryOptions, refs: HistoryRefs): Draft {
  const span = (dayMs(opts.to) - dayMs(opts.from)) / DAY;
  const applied = dayMs(opts.from) + rng.int(0, span) * DAY;
  const appliedOn = toDate(applied);
  const year = appliedOn.slice(0, 4);
  const claims = claimTypes(rng);
  const claimTotalFen = Math.round(Math.exp(9.2 + rng.next() * 1.6 + (claims.length - 1) * 0.3)) * 100;
  const succeeded = rng.chance(0.68);
  const courtIdx = rng.weighted(refs.courtIds.map((_, k) => [k, refs.courtWeights[k]!] as const));
  const n = chineseName(rng);
  const rid = residentId(rng, rng.pick(['442000', '361102', '450102', '430102', '510104', '360502']), {
    asOf: DEMO_AS_OF,
    minAge: 20,
    maxAge: 58,
    sex: n.sex,
  });
  const at = (days: number) => toDate(applied + days * DAY);
  const events: Draft['events'] = [{ action: 'intake', from: null, to: 'intake', on: appliedOn }];
  const contacted = rng.int(0, 2);
  events.push(
    { action: 'start_consultation', from: 'intake', to: 'consultation', on: at(0) },
    { action: 'contact_employer', from: 'consultation', to: 'employer_contacted', on: at(contacted) },
  );
  const row: typeof disputeCases.$inferInsert = {
    caseNumber: `粤中工调〔${year}〕${String(i + 1).padStart(6, '0')}号`,
    regionCode: '442000',
    courtId: refs.courtIds[courtIdx]!,
    mediationBodyId: refs.mediationBodyId,
    kind: rng.weighted(KINDS),
    channel: rng.chance(0.8) ? 'counter' : 'online',
    stage: 'closed_failed',
    sector: rng.weighted(SECTORS),
    claimTypes: claims,
    claimTotalFen,
    workerPersonId: '',
    workerCount: rng.chance(0.04) ? rng.int(10, 40) : 1,
    employerId: rng.pick(refs.employerIds),
    mediatorAccountId: rng.pick(refs.mediatorIds),
    facts: { narrative: '历史案件（演示数据）', claims: claims.map((type) => ({ type })) },
    record: { historic: true },
    appliedOn,
    acceptedOn: appliedOn,
    contactedOn: at(contacted),
  };
  if (!succeeded) {
    const reason = rng.weighted(FAILURES);
    const closeDay = contacted + rng.int(1, 14);
    events.push({ action: 'close_failed', from: 'employer_contacted', to: 'closed_failed', on: at(closeDay) });
    Object.assign(row, {
      closedOn: at(closeDay),
      closedReason: reason,
      referral: rng.chance(0.6) ? 'lawsuit' : 'arbitration',
    });
  } else {
    const started = contacted + rng.int(1, 4);
    const agreed = started + rng.int(1, 12);
    events.push(
      { action: 'record_consent', from: 'employer_contacted', to: 'consented', on: at(contacted + 1) },
      { action: 'start_mediation', from: 'consented', to: 'mediating', on: at(started) },
      { action: 'sign_agreement', from: 'mediating', to: 'agreement_signed', on: at(agreed) },
    );
    const settledFen = Math.round((claimTotalFen * (60 + rng.int(0, 35))) / 100);
    Object.assign(row, {
      mediationStartedOn: at(started),
      agreementEffectiveOn: at(agreed),
      settledFen,
      stage: 'performed',
      closedOn: at(agreed + rng.int(1, 20)),
    });
    if (rng.chance(0.85)) {
      const applied2 = agreed + rng.int(0, 4);
      const ruled = applied2 + rng.int(0, 2);
      events.push(
        { action: 'apply_confirmation', from: 'agreement_signed', to: 'confirmation_applied', on: at(applied2) },
        { action: 'issue_ruling', from: 'confirmation_applied', to: 'ruling_issued', on: at(ruled) },
      );
      Object.assign(row, { confirmationAppliedOn: at(applied2), rulingIssuedOn: at(ruled) });
      events.push({ action: 'mark_performed', from: 'ruling_issued', to: 'performed', on: row.closedOn! });
    } else events.push({ action: 'mark_performed', from: 'agreement_signed', to: 'performed', on: row.closedOn! });
  }
  const person = {
    name: n.name,
    phone: mobile(rng),
    regionCode: '442000',
    occupation: row.sector === 'construction' ? '建筑工人' : '职工',
  } as typeof people.$inferInsert;
  row.searchText = caseSearchText(row.caseNumber, row.facts, person);
  return { caseRow: row, events, person, residentId: rid };
}

/** Scales the settled amounts so that they add up to the target exactly, to the fen. */
function scaleSettled(drafts: Draft[], target: number) {
  const settled = drafts.filter((d) => d.caseRow.settledFen != null);
  const sum = settled.reduce((s, d) => s + d.caseRow.settledFen!, 0);
  let assigned = 0;
  for (const d of settled) {
    d.caseRow.settledFen = Math.max(100, Math.floor((d.caseRow.settledFen! * target) / sum));
    assigned += d.caseRow.settledFen;
  }
  const largest = settled.reduce((a, b) => (a.caseRow.settledFen! >= b.caseRow.settledFen! ? a : b));
  largest.caseRow.settledFen! += target - assigned;
}

export async function writeHistory(
  deps: Deps,
  refs: HistoryRefs,
  opts: HistoryOptions,
  onProgress?: (done: number) => void,
): Promise<void> {
  const rng = createRng(opts.seed ?? 'yizhan-disputes-history');
  const drafts = Array.from({ length: opts.count }, (_, i) => draftCase(rng, i, opts, refs));
  if (opts.settledTotalFen > 0) scaleSettled(drafts, opts.settledTotalFen);
  const chunk = 500;
  for (let i = 0; i < drafts.length; i += chunk) {
    const part = drafts.slice(i, i + chunk);
    await deps.db.transaction(async (tx) => {
      const persons = await tx
        .insert(people)
        .values(
          part.map((d) => ({
            ...d.person,
            residentIdEnc: deps.cipher.encrypt(d.residentId),
            residentIdHash: deps.cipher.searchHash(d.residentId),
            residentIdHead: d.residentId.slice(0, 4),
            residentIdTail: d.residentId.slice(-4),
          })),
        )
        .onConflictDoNothing()
        .returning({ id: people.id, hash: people.residentIdHash });
      const byHash = new Map(persons.map((p) => [p.hash, p.id]));
      // A worker already on file (same resident ID) keeps their one record.
      const missing = part.map((d) => deps.cipher.searchHash(d.residentId)).filter((h) => !byHash.has(h));
      if (missing.length) {
        for (const p of await tx
          .select({ id: people.id, hash: people.residentIdHash })
          .from(people)
          .where(inArray(people.residentIdHash, missing)))
          byHash.set(p.hash, p.id);
      }
      const rows = part;
      const cases = await tx
        .insert(disputeCases)
        .values(rows.map((d) => ({ ...d.caseRow, workerPersonId: byHash.get(deps.cipher.searchHash(d.residentId))! })))
        .returning({ id: disputeCases.id, caseNumber: disputeCases.caseNumber });
      const idByNumber = new Map(cases.map((c) => [c.caseNumber, c.id]));
      const extra = Math.max(0, (opts.eventsPerCase ?? 0) - 7);
      const events = rows.flatMap((d) => {
        const caseId = idByNumber.get(d.caseRow.caseNumber)!;
        const base = d.events.map((e) => ({
          caseId,
          at: new Date(`${e.on}T02:00:00Z`),
          actorLabel: '调解员',
          action: e.action,
          fromStage: e.from,
          toStage: e.to,
        }));
        const notes = Array.from({ length: extra }, () => ({
          caseId,
          at: new Date(`${d.caseRow.appliedOn}T03:00:00Z`),
          actorLabel: '调解员',
          action: 'note',
          fromStage: null,
          toStage: null,
        }));
        return [...base, ...notes];
      });
      for (let j = 0; j < events.length; j += 2000) await tx.insert(disputeEvents).values(events.slice(j, j + 2000));
    });
    onProgress?.(Math.min(i + chunk, drafts.length));
  }
}
