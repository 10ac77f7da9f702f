import type { HiringChainBody, Intake } from '../../../contracts/disputes.js';
import type { CaseFacts, CaseRecord, WorkerFact } from '../../../contracts/disputes/case-json.js';
import type { Citation, LiabilityResult } from '../../../contracts/disputes/liability.js';
import { rosterOf, type CaseParty, type PartyKind, type PartyRoster } from '../../../contracts/disputes/parties.js';
import { errors } from '../../core/errors.js';
import { chineseOrdinal } from './documents/format.js';

// The parties of a case as one list (contracts/disputes/parties.ts): built once at intake from the
// worker, the employer and the hiring chain with the liability rules' answer, and read everywhere
// through caseRoster, so nobody reads "the employer" and gets the crew boss's name with the
// contractor's phone.

type ChainParty = HiringChainBody['parties'][number];
type EmployerInput = NonNullable<Intake['employer']>;

/** 《保障农民工工资支付条例》第三十六条 (第一款). */
export function citationText(c: Citation): string {
  const paragraph = c.paragraph ? `第${chineseOrdinal(c.paragraph)}款` : '';
  return `《${c.law}》第${chineseOrdinal(c.article)}条${paragraph}`;
}

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;

function serviceDetails(p: {
  address?: string;
  serviceAddress?: string;
  representative?: { name: string; title?: string };
  agent?: { name: string; relation?: string; phone?: string };
}) {
  return defined({
    address: p.address,
    serviceAddress: p.serviceAddress,
    representative: p.representative,
    agent: p.agent,
  });
}

function chainPartyKind(p: ChainParty): PartyKind {
  if (p.kind) return p.kind;
  return p.role === 'crew_boss' ? 'person' : 'organisation';
}

function workerParty(worker: WorkerFact & { address?: string; serviceAddress?: string }, personId?: string): CaseParty {
  return defined({
    id: 'worker',
    roles: ['worker'],
    kind: 'person',
    name: worker.name,
    phone: worker.phone,
    residentIdMasked: worker.residentIdMasked ?? undefined,
    personId,
    address: worker.address,
    serviceAddress: worker.serviceAddress,
  });
}

/**
 * The hirer of a construction case is the chain's party that hired the worker. The intake's
 * employer, when given, describes that same party (its licence, its contact); a different name
 * would put two hirers on the case, so it is refused.
 */
function checkEmployerIsHirer(employer: EmployerInput | undefined, hirer: ChainParty) {
  if (!employer || employer.name === hirer.name) return;
  throw errors.validation(
    'employer.name',
    `建设工程案件中，用工方是承包链中招用职工的一方（${hirer.name}），请在承包链中填写，不要另填用工单位`,
    `In a construction case the hirer is the chain's party that hired the worker (${hirer.name}); fill it in the chain, not as a separate employer`,
  );
}

export interface IntakePartiesInput {
  input: Intake;
  worker: WorkerFact & { address?: string; serviceAddress?: string };
  personId: string;
  liability: LiabilityResult | null;
  /** The employer register's record for each party registered at intake, by party id. */
  employerIds: ReadonlyMap<string, string>;
}

/** The case's parties at intake: the worker, then the employer or every party of the hiring chain. */
export function partiesAtIntake({ input, worker, personId, liability, employerIds }: IntakePartiesInput): CaseParty[] {
  const parties: CaseParty[] = [workerParty(worker, personId)];
  const chain = input.construction;
  if (!chain) {
    const e = input.employer;
    if (!e) throw errors.validation('employer.name', '请填写用工单位', 'The employer is required');
    parties.push(
      defined({
        id: 'employer',
        roles: ['hirer', 'liable'],
        kind: e.kind ?? 'organisation',
        name: e.name,
        uscc: e.uscc,
        employerId: employerIds.get('employer'),
        phone: e.contactPhone,
        email: e.contactEmail,
        ...serviceDetails(e),
        ...(e.contactName && !e.agent ? { agent: { name: e.contactName, relation: '联系人' } } : {}),
      }),
    );
    return parties;
  }
  const hirer = chain.parties.find((p) => p.id === chain.hiredWorker);
  if (!hirer)
    throw errors.validation('construction.hiredWorker', '请选择招用职工的一方', 'Choose who hired the worker');
  checkEmployerIsHirer(input.employer, hirer);
  const liable = liability?.contactFirst ?? null;
  for (const p of chain.parties) {
    const isHirer = p.id === hirer.id;
    const roles: CaseParty['roles'] = [];
    if (isHirer) roles.push('hirer');
    if (liable?.partyId === p.id) roles.push('liable');
    if (roles.length === 0) roles.push('other');
    // What the intake's employer block adds about the hirer (licence, contact, addresses).
    const extra = isHirer && input.employer ? input.employer : undefined;
    parties.push(
      defined({
        id: p.id,
        roles,
        kind: extra?.kind ?? chainPartyKind(p),
        name: p.name,
        uscc: p.uscc ?? extra?.uscc,
        employerId: employerIds.get(p.id),
        chainRole: p.role,
        reachable: p.role === 'crew_boss' && isHirer ? chain.crewBossReachable : undefined,
        phone: p.contactPhone ?? extra?.contactPhone,
        email: p.contactEmail ?? extra?.contactEmail,
        ...serviceDetails({ ...extra, ...defined(serviceDetails(p)) }),
        liabilityBasis: liable?.partyId === p.id ? citationText(liable.basis) : undefined,
      }),
    );
  }
  return parties;
}

/**
 * The parties of a case: the list kept since intake, or for a case registered before it, the same
 * list derived from what that case kept (its worker, employer and hiring chain).
 */
export function casePartiesOf(facts: CaseFacts, record?: Pick<CaseRecord, 'liability'>): CaseParty[] {
  if (facts.parties) return facts.parties;
  const parties: CaseParty[] = facts.worker ? [workerParty(facts.worker)] : [];
  const chain = facts.construction;
  const liable = record?.liability?.contactFirst ?? null;
  if (chain) {
    for (const p of chain.parties) {
      const roles: CaseParty['roles'] = [];
      if (p.id === chain.hiredWorker) roles.push('hirer');
      if (liable?.partyId === p.id) roles.push('liable');
      if (roles.length === 0) roles.push('other');
      parties.push(
        defined({
          id: p.id,
          roles,
          kind: chainPartyKind(p),
          name: p.name,
          uscc: p.uscc,
          chainRole: p.role,
          phone: p.contactPhone,
          email: p.contactEmail,
          liabilityBasis: liable?.partyId === p.id ? citationText(liable.basis) : undefined,
        }),
      );
    }
    return parties;
  }
  if (facts.employer)
    parties.push(
      defined({
        id: 'employer',
        roles: ['hirer', 'liable'],
        kind: 'organisation',
        name: facts.employer.name,
        uscc: facts.employer.uscc,
        employerId: facts.employer.employerId,
        phone: facts.employer.contactPhone,
        email: facts.employer.contactEmail,
      }),
    );
  return parties;
}

export function caseRoster(facts: CaseFacts, record?: Pick<CaseRecord, 'liability'>): PartyRoster {
  return rosterOf(casePartiesOf(facts, record));
}
