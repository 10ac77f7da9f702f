import type { CaseFacts } from '../../../contracts/disputes/case-json.js';
import { errors } from '../../core/errors.js';
import type { ActionCode } from './rules/state-machine.js';

// An online application whose resident ID belongs to a registered person with another name or
// phone is held (intake/parties.ts) until a mediator decides who the applicant is
// (intake/identity.ts). While held nothing moves the case towards the other side: no action of
// the state machine, no contact with the employer (its link goes out with contact_employer), no
// session. Closing it stays open: a withdrawal is the applicant's own affair and tells the other
// side nothing (tellParties keeps a held case's notices to the applicant), and the clocks job must
// still close a case whose mediation period ran out, which a hold does not stop.

/** The actions taken on a held case: closing it (withdrawn, or its period ran out). */
export const ACTIONS_WHILE_HELD: ReadonlySet<ActionCode> = new Set<ActionCode>(['close_failed']);

export function isIdentityHeld(facts: Pick<CaseFacts, 'identityMatch'>): boolean {
  return facts.identityMatch?.status === 'held';
}

export function identityHeldRefusal() {
  return errors.conflict(
    '须先核验申请人身份：所填身份证号属于已登记人员，但姓名或手机号不一致。请在案件页核对后选择“同一人”或“不同人”，再办理本案。',
    'The applicant’s identity must be verified first: the resident ID typed belongs to a registered person with another name or phone. Compare them on the case page and decide “same person” or “different person” before working on the case.',
    'identity',
  );
}

/** Refuses anything but closing while the case is held. */
export function assertActionAllowed(facts: Pick<CaseFacts, 'identityMatch'>, action: ActionCode): void {
  if (isIdentityHeld(facts) && !ACTIONS_WHILE_HELD.has(action)) throw identityHeldRefusal();
}

/** Refuses a contact with the parties (a session) while the case is held. */
export function assertNotHeld(facts: Pick<CaseFacts, 'identityMatch'>): void {
  if (isIdentityHeld(facts)) throw identityHeldRefusal();
}
