import { and, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/context.js';
import { errors } from '../../core/errors.js';
import { inRegion } from '../../core/scope.js';
import { isPostFiling, POST_FILING_KINDS } from '../../../contracts/disputes/confirmation.js';
import { regionWithin } from '../../../contracts/regions.js';
import type { Role } from '../../../contracts/roles.js';
import { ACTIONS, type ActionCode } from './rules/state-machine.js';
import { disputeCases } from './tables.js';

type CaseRow = typeof disputeCases.$inferSelect;

/**
 * Who sees which cases: mediators the studio's cases (their region), judges and clerks their
 * court's confirmation queue, joint cases and the cases it filed and referred (post-filing: the
 * court records their mediation document or withdrawal), employers their own, workers their own, admins
 * their region. Union staff see statistics only.
 */
export function caseListCondition(actor: Actor): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  const roles = new Set(actor.roles);
  if (roles.has('system_admin') || roles.has('mediator'))
    parts.push(inRegion(disputeCases.regionCode, actor.regionCode) ?? sql`true`);
  if ((roles.has('judge') || roles.has('court_clerk')) && actor.courtId) {
    parts.push(
      and(
        eq(disputeCases.courtId, actor.courtId),
        or(
          eq(disputeCases.joint, true),
          isNotNull(disputeCases.confirmationAppliedOn),
          inArray(disputeCases.kind, [...POST_FILING_KINDS]),
        ),
      ),
    );
  }
  if (roles.has('employer_agent') && actor.employerId)
    parts.push(
      or(eq(disputeCases.employerId, actor.employerId), eq(disputeCases.respondentEmployerId, actor.employerId)),
    );
  if (roles.has('worker') && actor.personId) parts.push(eq(disputeCases.workerPersonId, actor.personId));
  const present = parts.filter((p): p is SQL => !!p);
  if (!present.length) throw errors.forbidden();
  return present.length === 1 ? present[0] : or(...present);
}

export function canReadCase(actor: Actor, row: CaseRow): boolean {
  const roles = new Set(actor.roles);
  if ((roles.has('system_admin') || roles.has('mediator')) && regionWithin(row.regionCode, actor.regionCode))
    return true;
  if (
    (roles.has('judge') || roles.has('court_clerk')) &&
    actor.courtId &&
    row.courtId === actor.courtId &&
    (row.joint || row.confirmationAppliedOn || isPostFiling(row.kind))
  )
    return true;
  if (
    roles.has('employer_agent') &&
    actor.employerId &&
    (row.employerId === actor.employerId || row.respondentEmployerId === actor.employerId)
  )
    return true;
  if (roles.has('worker') && actor.personId && row.workerPersonId === actor.personId) return true;
  return false;
}

export function assertCanRead(actor: Actor, row: CaseRow): void {
  if (!canReadCase(actor, row)) throw errors.forbidden();
}

/** The first of the actor's roles in which the action is allowed, or null. */
export function roleFor(actor: Actor, action: ActionCode): Role | null {
  const allowed = ACTIONS[action].roles;
  return actor.roles.find((r) => allowed.includes(r)) ?? null;
}
