/** Intake: consultation, the parties' consent and reaching the employer. */
import type { CaseState } from '../../../../../contracts/disputes/case-state.js';
import { fail, moveTo, PARTY_ZH, ROLE_PARTY, type HandlerCtx, type TransitionError } from './kit.js';
import type { ActionPayload } from './payloads.js';

function bothConsentsReached(next: CaseState, c: HandlerCtx): void {
  if (next.consents.worker && next.consents.employer && next.stage === 'employer_contacted') {
    moveTo(next, 'consented', c.effects);
    c.effects.push({
      type: 'notify',
      audience: ['mediator'],
      message: '双方均已同意调解，请安排调解。',
      messageEn: 'Both parties agreed to mediate; schedule the mediation.',
    });
  }
}

export function startConsultation(
  next: CaseState,
  _p: ActionPayload<'start_consultation'>,
  c: HandlerCtx,
): TransitionError | void {
  moveTo(next, 'consultation', c.effects);
}

export function recordConsent(
  next: CaseState,
  p: ActionPayload<'record_consent'>,
  c: HandlerCtx,
): TransitionError | void {
  const own = ROLE_PARTY[c.role];
  if (own && own !== p.party) {
    return fail('party_mismatch', '只能记录本方的同意。', 'You can only record your own side’s consent.');
  }
  if (p.party === 'employer' && next.stage !== 'employer_contacted') {
    return fail(
      'employer_not_contacted',
      '尚未联系上用人单位，不能记录单位同意调解。',
      'The employer has not been reached yet; its consent cannot be recorded.',
    );
  }
  if (next.consents[p.party]) {
    return fail('already_recorded', `${PARTY_ZH[p.party]}的同意已记录。`, 'That consent is already recorded.');
  }
  next.consents[p.party] = true;
  if (p.party === 'employer') next.employerAnswer = 'accept';
  bothConsentsReached(next, c);
}

export function contactEmployer(
  next: CaseState,
  p: ActionPayload<'contact_employer'>,
  c: HandlerCtx,
): TransitionError | void {
  next.contactAttempts += 1;
  if (!p.reached) {
    c.effects.push({
      type: 'warning',
      code: 'employer_not_reached',
      message: `第 ${next.contactAttempts} 次联系用人单位未果。无法联系的，可以“无法联系用人单位”终止调解（《人民法院在线调解规则》第二十五条）。`,
      messageEn: `Contact attempt ${next.contactAttempts} failed. If the employer cannot be reached, mediation may be ended as “employer unreachable” (Online Mediation Rules of the People’s Courts (在线调解规则) art. 25).`,
    });
    return;
  }
  if (!next.contactedOn) {
    next.contactedOn = c.today;
    c.effects.push({ type: 'clock_met', clock: 'contact', on: c.today });
    c.effects.push({ type: 'document', document: 'negotiation_proposal' });
  }
  moveTo(next, 'employer_contacted', c.effects);
}

export function recordEmployerAnswer(
  next: CaseState,
  p: ActionPayload<'record_employer_answer'>,
  c: HandlerCtx,
): TransitionError | void {
  next.employerAnswer = p.answer;
  if (p.answer === 'accept') {
    next.consents.employer = true;
    bothConsentsReached(next, c);
    return;
  }
  // A decline or a counter-proposal withdraws any consent given earlier.
  next.consents.employer = false;
  c.effects.push(
    p.answer === 'decline'
      ? {
          type: 'notify',
          // The worker hears it in plain words (party-notices.ts); this is the mediator's.
          audience: ['mediator'],
          message: '用人单位不同意调解。调解员可以继续做工作，或以“用人单位不同意调解”终止并帮助职工转仲裁或立案。',
          messageEn:
            'The employer declined to mediate. The mediator may keep trying, or close the case as “employer declined” and refer the worker.',
        }
      : {
          type: 'notify',
          audience: ['mediator'],
          message: '用人单位提出了反方案，请调解员与职工沟通。',
          messageEn: 'The employer made a counter-proposal; the mediator should discuss it with the worker.',
        },
  );
}
