import { HOME_DUE_DAYS, type Home, type HomeList } from '../../../../contracts/disputes/home.js';
import { addDays } from '../../../../contracts/dates.js';
import type { Role } from '../../../../contracts/roles.js';
import { can, requirePermission, type Actor, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { caseListCondition } from '../access.js';
import { calendarFor, todayOf } from '../calendar.js';
import { caseRisk } from '../case-record.js';
import type { WorkingCalendar } from '../rules/working-days.js';
import { homeRepo } from './repository.js';
import type { HomeQuery } from './schemas.js';

// The home page per role: a mediator's own work, a court's confirmation queue, an employer's own
// cases. Each section is read in the view of its role alone (access.ts), so a person with two
// roles sees each list as that role would, and the union's figures stay the dashboard's.

type Rows = Awaited<ReturnType<typeof homeRepo.visibleCases>>;

/** The actor as one of its roles: the cases that role sees (caseListCondition), nothing more. */
function viewAs(actor: Actor, role: Role) {
  return caseListCondition({ ...actor, roles: [role] });
}

/** GET /api/disputes/home: the caller's sections; a role with none of this work gets an empty home. */
export async function readHome(deps: Deps, ctx: Ctx, query: HomeQuery): Promise<Home> {
  const actor = requirePermission(ctx, 'dashboard:view');
  const { limit } = query;
  const today = todayOf(deps);
  const calendar = await calendarFor(deps);
  const shown = (rows: Rows, staff = true): HomeList => withRisk(rows, calendar, today, staff);

  const isMediator = actor.roles.includes('mediator') && can(actor, 'disputes:work');
  const courtRole = (['judge', 'court_clerk'] as const).find((r) => actor.roles.includes(r));
  const isCourt = !!courtRole && !!actor.courtId && can(actor, 'disputes:confirm');
  const isEmployer = actor.roles.includes('employer_agent') && !!actor.employerId && can(actor, 'disputes:read');

  const [mediator, court, employer] = await Promise.all([
    isMediator ? mediatorHome(deps, actor, today, limit, shown) : null,
    isCourt
      ? homeRepo.confirmationQueue(deps.db, viewAs(actor, courtRole), limit).then((q) => ({ queue: shown(q) }))
      : null,
    isEmployer
      ? homeRepo.visibleCases(deps.db, viewAs(actor, 'employer_agent'), limit).then((c) => ({ cases: shown(c, false) }))
      : null,
  ]);
  return { today, mediator, court, employer };
}

async function mediatorHome(
  deps: Deps,
  actor: Actor,
  today: string,
  limit: number,
  shown: (rows: Rows) => HomeList,
): Promise<NonNullable<Home['mediator']>> {
  const studio = viewAs(actor, 'mediator');
  const [open, dueSoon, toAssign] = await Promise.all([
    homeRepo.mediatorOpen(deps.db, studio, actor.accountId, limit),
    homeRepo.mediatorDue(deps.db, studio, actor.accountId, addDays(today, HOME_DUE_DAYS), limit),
    homeRepo.unassignedOnline(deps.db, studio, limit),
  ]);
  return { dueWithinDays: HOME_DUE_DAYS, open: shown(open), dueSoon: shown(dueSoon), toAssign: shown(toAssign) };
}

/**
 * Each row's risk tag from its clocks as of today, as on the case list and the case page; the hold
 * of an online applicant's identity for staff only (`staff`: the section is a staff role's).
 */
function withRisk(rows: Rows, calendar: WorkingCalendar, today: string, staff: boolean): HomeList {
  return {
    ...rows,
    items: rows.items.map(({ clockState, employment, ...row }) => ({
      ...row,
      identityHeld: row.identityHeld && staff,
      risk: caseRisk(
        {
          record: { state: clockState ?? undefined },
          facts: { employment: employment ?? undefined },
          claimTypes: row.claimTypes,
        },
        calendar,
        today,
      ),
    })),
  };
}
