/**
 * What the state-machine tests share: a transition with the platform's calendar (no corrections)
 * and SHA-256 term hashes, and the checks that a step was taken or refused. Test code only.
 */
import crypto from 'node:crypto';
import type { Role } from '../../../../contracts/roles.js';
import {
  transition,
  type ActionCode,
  type CaseState,
  type TransitionError,
  type TransitionOk,
  type TransitionResult,
} from './state-machine.js';
import { createCalendar } from './working-days.js';

export const calendar = createCalendar();
export const hashTerms = (canonical: string) => crypto.createHash('sha256').update(canonical).digest('hex');

export function step(state: CaseState, action: string, payload: unknown, now: string, role: Role): TransitionResult {
  return transition(state, action, payload, now, { role, calendar, hashTerms });
}

export function ok(r: TransitionResult): TransitionOk {
  if (!r.ok) throw new Error(`expected success, got ${r.code}: ${r.message}`);
  return r;
}

export function refused(r: TransitionResult): TransitionError {
  if (r.ok) throw new Error(`expected a refusal, got ${r.to}`);
  return r;
}

export type Step = [action: ActionCode, payload: unknown, now: string, role: Role];

/** Takes each step in turn; every one must be accepted. */
export function run(state: CaseState, steps: Step[]): CaseState {
  let s = state;
  for (const [a, p, now, role] of steps) s = ok(step(s, a, p, now, role)).state;
  return s;
}
