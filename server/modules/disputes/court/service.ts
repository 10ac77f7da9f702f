import type { Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { loadWorkable, readCaseDetail } from '../case-view.js';
import { changeCase } from '../case-writer.js';
import { judgesOf } from './repository.js';
import type { InviteJudgeInput } from './schemas.js';

// Joint mediation (联合调解): a judge of the case's court joins a major dispute at the mediator's
// invitation. The judge's own decisions (confirmation, ruling) are actions, see confirmation.ts.

/** The judges of the case's court, for the mediator to invite one. */
export async function caseJudges(deps: Deps, ctx: Ctx, id: string) {
  const { row } = await loadWorkable(deps, ctx, id);
  return { items: row.courtId ? await judgesOf(deps.db, row.courtId) : [] };
}

/** A judge of the case's court joins a major dispute; the case then shows both. */
export async function inviteJudge(deps: Deps, ctx: Ctx, id: string, input: InviteJudgeInput) {
  const { actor, row } = await loadWorkable(deps, ctx, id);
  if (!row.courtId) throw errors.validation('courtId', '案件未关联法院', 'The case has no court');
  const judges = await judgesOf(deps.db, row.courtId);
  const judge = judges.find((j) => j.id === input.judgeAccountId);
  if (!judge)
    throw errors.validation('judgeAccountId', '该法官不属于本案法院', 'The judge is not of this case’s court');
  await deps.db.transaction((tx) =>
    changeCase(tx, ctx, id, { expectedVersion: input.version, now: deps.now() }, () => ({
      change: {
        set: { judgeAccountId: judge.id, joint: true },
        event: { action: 'judge_invited', actorLabel: actor.displayName, payload: { judge: judge.name } },
        audit: { action: 'dispute.judge_invited', after: { judgeAccountId: judge.id } },
      },
    })),
  );
  return readCaseDetail(deps, ctx, id);
}
