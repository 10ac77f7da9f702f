import { inForceOnPartiesSignatures, sealRequired } from '../rules/agreement-effect.js';
import type { Deps } from '../../../core/deps.js';
import { maskResidentIdParts } from '../../../core/identifiers/resident-id.js';
import { HAND_BLANK } from './format.js';
import { documentPartiesRepo } from './repository.js';
import type {
  CaseDocumentData,
  ClaimType as DocClaimType,
  EmployerParty,
  RefusalGround as DocRefusal,
  SignatureMethod as DocSignatureMethod,
  Signatures,
} from './types.js';
import type { CaseParty } from '../../../../contracts/disputes/parties.js';
import type { CaseState, SignatureMethod } from '../../../../contracts/disputes/case-state.js';
import { caseRoster } from '../case-parties.js';
import { need } from './builders/common.js';
import { amountOverdueFen } from '../rules/state-machine.js';
import { CLAIM_TYPE_LABELS, CLOSE_REASON_LABELS, type ClaimType } from '../rules/stages.js';
import { partiesOf } from '../case-record.js';
import { isPostFiling } from '../../../../contracts/disputes/confirmation.js';
import type { CaseDetail } from '../case-view.js';

const CLAIM_MAP: Record<ClaimType, DocClaimType> = {
  wage_arrears: 'wage-arrears',
  overtime_pay: 'overtime',
  economic_compensation: 'economic-compensation',
  unlawful_termination_damages: 'unlawful-termination',
  double_wage: 'double-wage',
  annual_leave_pay: 'annual-leave',
  work_injury_medical: 'work-injury',
  work_injury_other: 'work-injury',
  social_insurance: 'social-insurance',
  other: 'other',
};
const REFUSAL_MAP: Record<string, DocRefusal> = {
  violates_mandatory_law: 'mandatory-law',
  harms_state_public_or_third_party: 'public-interest',
  offends_public_order: 'public-order',
  not_voluntary: 'not-voluntary',
  content_unclear: 'unclear',
  other: 'other',
};
const LIABLE_ROLE: Record<
  string,
  'general-contractor' | 'developer' | 'subcontractor' | 'qualification-lender' | 'other'
> = {
  general_contractor: 'general-contractor',
  developer: 'developer',
  subcontractor: 'subcontractor',
  qualification_lender: 'qualification-lender',
};

/** The studio's usual court when the case names none; blanks when there is none either. */
async function defaultCourt(deps: Deps, courtId: string | null): Promise<{ name: string; code: string }> {
  const row = courtId ? await documentPartiesRepo.court(deps.db, courtId) : null;
  return row ?? { name: HAND_BLANK, code: '' };
}

/** Everything a document needs, gathered from the case; documents are never typed twice. */
export async function documentData(deps: Deps, d: CaseDetail): Promise<CaseDocumentData> {
  const facts = d.facts;
  const { worker } = partiesOf(facts);
  const record = d.record;
  const state = record.state;
  const person = await documentPartiesRepo.worker(deps.db, d.workerPersonId);
  // The paying side in the documents is the party that acts for it (the liable contractor, else the
  // employer): the one that answered, signed and applied; a crew boss who never took part is not.
  const roster = caseRoster(facts, record);
  const acting = need(roster.acting, 'the paying party');
  const registered = acting.uscc ? await documentPartiesRepo.employerByUscc(deps.db, acting.uscc) : null;
  const payingParty = documentParty(acting, registered?.address ?? null);
  const workerParty = roster.workers[0];
  const studio = d.mediationBodyId ? await documentPartiesRepo.studio(deps.db, d.mediationBodyId) : null;
  const court = d.courtName
    ? { name: d.courtName, code: d.courtCode ?? '' }
    : await defaultCourt(deps, studio?.defaultCourtId ?? null);
  const analysis = d.analysis;
  const liable = record.liability?.contactFirst;
  const actingIsHirer = acting.roles.includes('hirer');
  const agreementTotal = state?.agreement?.installments.reduce((s, i) => s + i.amountFen, 0) ?? 0;
  const data: CaseDocumentData = {
    caseNumber: d.caseNumber,
    cause: '劳动争议',
    court,
    mediationBody: { name: studio?.name ?? HAND_BLANK, kind: 'union', address: studio?.address ?? undefined },
    mediators: d.mediatorName ? [d.mediatorName] : [],
    parties: {
      workers: [
        {
          name: d.workerName,
          // From the registered resident ID only; a worker without one gets blanks, not guesses.
          sex: person?.sex ?? undefined,
          birthDate: person?.birthDate ?? undefined,
          residentIdMasked: maskResidentIdParts(person?.residentIdHead, person?.residentIdTail) ?? HAND_BLANK,
          // Where the worker lives and is served, as given; a blank to complete by hand otherwise.
          address: workerParty?.address ?? HAND_BLANK,
          ...(workerParty?.serviceAddress ? { serviceAddress: workerParty.serviceAddress } : {}),
          phone: worker.phone,
        },
      ],
      representatives: facts.representatives?.map((r) => ({ name: r.name, phone: r.phone })),
      employers: actingIsHirer ? [payingParty] : [],
      liableParties: actingIsHirer
        ? undefined
        : [
            {
              ...payingParty,
              role: LIABLE_ROLE[acting.chainRole ?? ''] ?? 'other',
              liabilityBasis: acting.liabilityBasis,
              liabilityExplanation: liable?.explanation,
            },
          ],
    },
    claims: facts.claims.map((c) => ({
      type: CLAIM_MAP[c.type],
      description: c.description || CLAIM_TYPE_LABELS[c.type].zh,
      amountFen: c.amountFen ?? 0,
    })),
    facts: facts.narrative,
    issues: facts.claims.map((c) => `${CLAIM_TYPE_LABELS[c.type].zh}的数额及支付主体`),
    application: {
      appliedAt: d.appliedOn,
      mode: facts.oral ? 'oral' : 'written',
      recordedBy: facts.oral ? (d.mediatorName ?? undefined) : undefined,
    },
    analysis: analysis?.items.map((i) => ({
      label: i.code,
      amountFen: i.amountFen,
      basis: i.basis,
      explanation: i.explanation,
    })),
    proposal: analysis
      ? {
          text: '根据案件事实和相关法律规定，建议双方按以下数额协商解决。',
          proposedTotalFen: analysis.totalFen,
          items: analysis.items.map((i) => ({ label: i.explanation.split('：')[0] ?? i.code, amountFen: i.amountFen })),
          issuedAt: d.appliedOn,
        }
      : undefined,
    sessions: d.sessions
      .filter((s) => s.heldAt)
      .map((s) => ({
        startedAt: s.heldAt!,
        mode: s.mode === 'in_person' ? 'in-person' : s.mode,
        location: s.location ?? undefined,
        mediators: [d.mediatorName ?? ''],
        judge: d.judgeName ?? undefined,
        attendees: [d.workerName, acting.name],
        summary: s.minutes ?? '',
      })),
    evidence: d.evidence.map((e) => ({
      name: e.filename,
      providedBy: e.uploadedBy,
      purpose: e.description ?? '证明案件事实',
      form: '电子数据' as const,
    })),
  };
  if (state?.agreement && state.agreementEffectiveOn) {
    const summary = state.agreement.summary?.trim();
    data.agreement = {
      concludedAt: state.agreementEffectiveOn,
      payer: acting.name,
      totalFen: agreementTotal,
      // What is paid is named from the structured claim types; the parties' own words are a clause of their own.
      subject: agreementSubject(state.agreement.claimTypes),
      instalments: state.agreement.installments.map((i) => ({ dueDate: i.dueOn, amountFen: i.amountFen })),
      paymentMethod: '银行转账至申请人本人账户',
      otherTerms: [...(summary ? [`双方另行约定：${summary}`] : []), '双方就本案劳动争议再无其他争议。'],
    };
    data.signatures = {
      ...signaturesOf(state, signingTimes(d.events, state.agreementEffectiveOn)),
      ...(state.signatures.mediator
        ? {
            mediator: {
              name: d.mediatorName ?? '',
              signedAt: signingTimes(d.events, state.agreementEffectiveOn).mediator,
            },
          }
        : {}),
      seal: state.signatures.mediator && sealRequired(state),
    };
    data.effectiveDate = state.agreementEffectiveOn;
  }
  if (state?.confirmationAppliedOn) data.confirmation = { appliedAt: state.confirmationAppliedOn };
  if (state && isPostFiling(state.kind)) data.postFiling = true;
  if (state && inForceOnPartiesSignatures(state.kind)) data.preFiling = true;
  if (state) data.sealRequired = sealRequired(state);
  if (state?.courtSubmission)
    data.courtSubmission = {
      submittedAt: state.courtSubmission.on,
      requested: state.courtSubmission.requested === 'withdrawal' ? 'withdrawal' : 'mediation-document',
    };
  if (state?.mediationDocument)
    data.mediationDocument = {
      number: state.mediationDocument.documentNo,
      issuedAt: state.mediationDocument.issuedOn,
      effectiveAt: state.mediationDocument.effectiveOn,
    };
  if (state?.rulingIssuedOn || state?.confirmationRefusedOn) {
    data.ruling = {
      number:
        record.rulingNo ??
        `（${(state.rulingIssuedOn ?? state.confirmationRefusedOn)!.slice(0, 4)}）${court.code}民特${HAND_BLANK}号`,
      date: (state.rulingIssuedOn ?? state.confirmationRefusedOn)!,
      judge: record.rulingBench?.judge ?? d.judgeName ?? HAND_BLANK,
      // Never a placeholder name: the clerk named when the ruling was recorded, else a blank for the court.
      clerk: record.rulingBench?.clerk ?? HAND_BLANK,
      decision: state.rulingIssuedOn ? 'confirmed' : 'refused',
      refusalGround: state.refusalGround ? REFUSAL_MAP[state.refusalGround] : undefined,
      refusalReason: record.refusalNote,
    };
  }
  // an unperformed agreement: what had fallen due and was unpaid on the day of the application is sought
  if (state?.agreement && state.enforcementAppliedOn) {
    data.enforcement = {
      appliedAt: state.enforcementAppliedOn,
      paidFen: state.paidFen,
      overdueFen: amountOverdueFen(state, state.enforcementAppliedOn),
    };
  }
  if (state?.agreement && state.paymentOrderAppliedOn) {
    data.paymentOrder = {
      appliedAt: state.paymentOrderAppliedOn,
      paidFen: state.paidFen,
      overdueFen: amountOverdueFen(state, state.paymentOrderAppliedOn),
      ...(state.paymentOrder
        ? {
            part: {
              claims: state.paymentOrder.claimTypes.map((c) => CLAIM_TYPE_LABELS[c].zh),
              amountFen: state.paymentOrder.amountFen,
            },
          }
        : {}),
      inForceOnPartiesSignatures: inForceOnPartiesSignatures(state.kind),
    };
  }
  if (state?.closure) {
    data.routing = {
      route: state.closure.referral ?? 'lawsuit',
      reason: CLOSE_REASON_LABELS[state.closure.reason].zh,
      destination:
        state.closure.referral === 'arbitration'
          ? '中山市劳动人事争议仲裁委员会'
          : (d.courtName ?? '中山市第一人民法院'),
      routedAt: state.closure.closedOn,
    };
  }
  return data;
}

/** When each party signed, from the case events, as China local time ("YYYY-MM-DDTHH:mm"). */
function signingTimes(
  events: CaseDetail['events'],
  fallbackDay: string,
): Record<'worker' | 'employer' | 'mediator', string> {
  const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16);
  const out = { worker: `${fallbackDay}T00:00`, employer: `${fallbackDay}T00:00`, mediator: `${fallbackDay}T00:00` };
  for (const e of events) {
    const signer = e.payload?.signer;
    if (e.action === 'sign_agreement' && (signer === 'worker' || signer === 'employer' || signer === 'mediator'))
      out[signer] = local(e.at);
  }
  return out;
}

/** A party of the case as the documents print it: what is not on record is a blank to fill in by hand. */
function documentParty(p: CaseParty, registeredAddress: string | null): EmployerParty {
  return {
    name: p.name,
    kind: p.kind,
    ...(p.residentIdMasked ? { residentIdMasked: p.residentIdMasked } : {}),
    uscc: p.uscc ?? HAND_BLANK,
    address: p.address ?? registeredAddress ?? HAND_BLANK,
    ...(p.serviceAddress ? { serviceAddress: p.serviceAddress } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.representative
      ? { legalRepresentative: { name: p.representative.name, title: p.representative.title } }
      : {}),
    ...(p.agent
      ? { agent: { name: p.agent.name, relation: p.agent.relation ?? HAND_BLANK, phone: p.agent.phone } }
      : {}),
  };
}

/** 拖欠劳动报酬、未签订书面劳动合同二倍工资差额: what the agreement pays, from its claim types. */
function agreementSubject(claimTypes: readonly ClaimType[]): string {
  const labels = [...new Set(claimTypes.map((c) => CLAIM_TYPE_LABELS[c].zh))];
  return labels.length > 0 ? labels.join('、') : '本案争议款项';
}

const SIGNATURE_METHOD: Record<SignatureMethod, DocSignatureMethod> = {
  link_code: 'link-code',
  sms_code: 'sms-code',
  account: 'electronic',
  paper: 'handwritten',
};

/** The parties' signatures as given: only those who signed, how, and in whose name. */
function signaturesOf(
  state: CaseState,
  at: Record<'worker' | 'employer' | 'mediator', string>,
): Pick<Signatures, 'worker' | 'employer'> {
  const out: Pick<Signatures, 'worker' | 'employer'> = {};
  for (const signer of ['worker', 'employer'] as const) {
    if (!state.signatures[signer]) continue;
    const given = state.signedTerms?.[signer];
    const method = given?.method ?? (given?.recordedBy === 'mediator' ? 'paper' : 'account');
    out[signer] = {
      signedAt: at[signer],
      method: SIGNATURE_METHOD[method],
      ...(given?.signerName && signer === 'employer' ? { signerName: given.signerName } : {}),
    };
  }
  return out;
}
