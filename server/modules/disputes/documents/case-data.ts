import { inForceOnPartiesSignatures, sealRequired } from '../rules/agreement-effect.js';
import type { Deps } from '../../../core/deps.js';
import { maskResidentIdParts } from '../../../core/identifiers/resident-id.js';
import { HAND_BLANK } from './format.js';
import { documentPartiesRepo } from './repository.js';
import type { CaseDocumentData, ClaimType as DocClaimType, RefusalGround as DocRefusal } from './types.js';
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
  const { worker, employer: employerFact } = partiesOf(facts);
  const record = d.record;
  const state = record.state;
  const person = await documentPartiesRepo.worker(deps.db, d.workerPersonId);
  const employer = employerFact.uscc ? await documentPartiesRepo.employerByUscc(deps.db, employerFact.uscc) : null;
  const studio = d.mediationBodyId ? await documentPartiesRepo.studio(deps.db, d.mediationBodyId) : null;
  const court = d.courtName
    ? { name: d.courtName, code: d.courtCode ?? '' }
    : await defaultCourt(deps, studio?.defaultCourtId ?? null);
  const analysis = d.analysis;
  const liable = record.liability?.contactFirst;
  const liableParty = liable ? facts.construction?.parties.find((p) => p.id === liable.partyId) : null;
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
          address: '（见送达地址确认书）',
          phone: worker.phone,
        },
      ],
      representatives: facts.representatives?.map((r) => ({ name: r.name, phone: r.phone })),
      employers: [
        {
          name: employerFact.name,
          uscc: employerFact.uscc ?? employer?.uscc ?? '（个人，无统一社会信用代码）',
          address: employer?.address ?? '（未登记）',
          phone: employerFact.contactPhone,
        },
      ],
      liableParties: liableParty
        ? [
            {
              name: liableParty.name,
              uscc: liableParty.uscc ?? '（未登记）',
              address: '（未登记）',
              role: LIABLE_ROLE[liableParty.role] ?? 'other',
              liabilityBasis: `《${liable!.basis.law}》第${liable!.basis.article}条${liable!.basis.paragraph ? `第${liable!.basis.paragraph}款` : ''}`,
              liabilityExplanation: liable!.explanation,
            },
          ]
        : undefined,
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
        attendees: [d.workerName, employerFact.name],
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
    data.agreement = {
      concludedAt: state.agreementEffectiveOn,
      payer: liableParty?.name ?? employerFact.name,
      totalFen: agreementTotal,
      subject: state.agreement.summary ?? '拖欠的劳动报酬及相关款项',
      instalments: state.agreement.installments.map((i) => ({ dueDate: i.dueOn, amountFen: i.amountFen })),
      paymentMethod: '银行转账至申请人本人账户',
      otherTerms: ['双方就本案劳动争议再无其他争议。'],
    };
    const signedAt = signingTimes(d.events, state.agreementEffectiveOn);
    data.signatures = {
      worker: { signedAt: signedAt.worker, method: 'electronic' },
      employer: { signedAt: signedAt.employer, method: 'electronic' },
      ...(state.signatures.mediator ? { mediator: { name: d.mediatorName ?? '', signedAt: signedAt.mediator } } : {}),
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
      judge: d.judgeName ?? '审判员',
      clerk: '书记员',
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
