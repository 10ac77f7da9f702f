import type { z } from 'zod';
import { todayInChina } from '../../../../contracts/dates.js';
import { RECOMMENDATION_STATUS_LABELS } from '../../../../contracts/membership/codes.js';
import type {
  nominationSchema,
  outcomeSchema,
  Recommendation,
  RecommendationCounts,
  recommendationCountsQuerySchema,
  recommendationListQuerySchema,
  recommendationPageSchema,
  reviewSchema,
} from '../../../../contracts/membership/recommendations.js';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, requirePermission, type Actor, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { offsetOf, splitPage } from '../../../core/paging.js';
import { recommendationRepo, type RecommendationInsert, type RecommendationRow } from './repository.js';

// 推优入党: staff nominate an active member with the reasons, once a year; another staff member
// reviews (endorses or declines); after an endorsement the party organization's decision is
// recorded. Every change after the nomination goes through `changeRecommendation`.

type ListRow = NonNullable<Awaited<ReturnType<typeof recommendationRepo.byId>>>;

function toRecommendation(row: ListRow): Recommendation {
  return {
    ...row,
    nominatedAt: row.nominatedAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
  };
}

const notFound = () => errors.notFound('推荐记录', 'Recommendation');
const yearNow = (deps: Deps) => Number(todayInChina(deps.now()).slice(0, 4));

async function answer(deps: Deps, id: string): Promise<Recommendation> {
  const row = await recommendationRepo.byId(deps.db, id);
  if (!row) throw notFound();
  return toRecommendation(row);
}

/** POST /api/membership/recommendations: an active member of the staff's region, once a year. */
export async function nominate(deps: Deps, ctx: Ctx, input: z.infer<typeof nominationSchema>): Promise<Recommendation> {
  const actor = requirePermission(ctx, 'membership:manage');
  const membership = await recommendationRepo.membership(deps.db, input.membershipId);
  if (!membership) throw errors.notFound('会员', 'Member');
  assertInScope(actor, membership.regionCode);
  if (membership.status !== 'active')
    throw errors.conflict('只有在会会员才能被推荐', 'Only an active member can be nominated', 'membershipId');
  const year = yearNow(deps);
  const once = () =>
    errors.conflict(
      `该会员 ${year} 年已被推荐过，每人每年只能推荐一次`,
      `This member was nominated in ${year} already; a member is nominated once a year`,
      'membershipId',
    );
  // The unique index holds it per membership; a member who moved organization keeps their person.
  if (await recommendationRepo.personNominatedIn(deps.db, membership.personId, year)) throw once();
  const id = await deps.db.transaction(async (tx) => {
    const row = await recommendationRepo.insertNew(tx, {
      membershipId: membership.id,
      personId: membership.personId,
      organizationId: membership.organizationId,
      regionCode: membership.regionCode,
      year,
      reasons: input.reasons,
      status: 'nominated',
      nominatedBy: actor.accountId,
      nominatedAt: deps.now(),
    });
    if (!row) throw once();
    await writeAudit(tx, ctx, {
      action: 'membership_recommendation.nominated',
      entityType: 'membership_recommendation',
      entityId: row.id,
      regionCode: row.regionCode,
      after: row,
    });
    return row.id;
  });
  return answer(deps, id);
}

/**
 * The one write of a recommendation after its nomination: locked, at the version the user read,
 * decided on the locked row, with the next version and its audit record, in one transaction.
 */
async function changeRecommendation(
  deps: Deps,
  ctx: Ctx,
  actor: Actor,
  id: string,
  version: number,
  action: string,
  decide: (locked: RecommendationRow) => Partial<RecommendationInsert>,
): Promise<Recommendation> {
  await deps.db.transaction(async (tx) => {
    const locked = await recommendationRepo.lock(tx, id);
    if (!locked) throw notFound();
    assertInScope(actor, locked.regionCode);
    if (locked.version !== version)
      throw errors.conflict(
        '该推荐已被他人处理，请刷新后重试',
        'The recommendation changed meanwhile; reload it and try again',
        'version',
      );
    const after = await recommendationRepo.update(tx, id, { ...decide(locked), version: locked.version + 1 });
    await writeAudit(tx, ctx, {
      action,
      entityType: 'membership_recommendation',
      entityId: id,
      regionCode: locked.regionCode,
      before: locked,
      after,
    });
  });
  return answer(deps, id);
}

/** Refuses a step the recommendation is not at, saying where it is. */
function expectStatus(
  locked: RecommendationRow,
  status: RecommendationRow['status'],
  step: { zh: string; en: string },
) {
  if (locked.status === status) return;
  const now = RECOMMENDATION_STATUS_LABELS[locked.status];
  throw errors.conflict(
    `该推荐当前为「${now.zh}」，不能${step.zh}`,
    `This recommendation is "${now.en}": it cannot be ${step.en}`,
    'status',
  );
}

/** POST /api/membership/recommendations/:id/review: endorse or decline, not by the nominator. */
export async function review(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: z.infer<typeof reviewSchema>,
): Promise<Recommendation> {
  const actor = requirePermission(ctx, 'membership:approve');
  return changeRecommendation(deps, ctx, actor, id, input.version, 'membership_recommendation.reviewed', (locked) => {
    // Four eyes: whoever nominated does not also review.
    if (locked.nominatedBy === actor.accountId)
      throw new AppError(
        'FORBIDDEN',
        '推荐人不能审核自己提出的推荐，请由其他工作人员审核',
        'The nominator cannot review their own nomination; another staff member reviews it',
      );
    expectStatus(locked, 'nominated', { zh: '审核', en: 'reviewed' });
    return {
      status: input.decision === 'endorse' ? 'endorsed' : 'declined',
      reviewNote: input.note,
      reviewedBy: actor.accountId,
      reviewedAt: deps.now(),
    };
  });
}

/** POST /api/membership/recommendations/:id/outcome: the party organization's decision, once endorsed. */
export async function recordOutcome(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: z.infer<typeof outcomeSchema>,
): Promise<Recommendation> {
  const actor = requirePermission(ctx, 'membership:manage');
  const today = todayInChina(deps.now());
  return changeRecommendation(deps, ctx, actor, id, input.version, 'membership_recommendation.outcome', (locked) => {
    expectStatus(locked, 'endorsed', {
      zh: '登记结果（须先审核通过）',
      en: 'given an outcome (it must be endorsed first)',
    });
    const endorsedOn = locked.reviewedAt ? todayInChina(locked.reviewedAt) : today;
    if (input.outcomeOn > today || input.outcomeOn < endorsedOn)
      throw errors.validation(
        'outcomeOn',
        `结果日期应在审核通过之日（${endorsedOn}）至今天之间`,
        `The outcome date must be between the endorsement (${endorsedOn}) and today`,
      );
    return { status: input.outcome, outcomeOn: input.outcomeOn, outcomeNote: input.note ?? null };
  });
}

export async function getRecommendation(deps: Deps, ctx: Ctx, id: string): Promise<Recommendation> {
  const actor = requirePermission(ctx, 'membership:read');
  const row = await recommendationRepo.byId(deps.db, id);
  if (!row) throw notFound();
  assertInScope(actor, row.regionCode);
  return toRecommendation(row);
}

/** GET /api/membership/recommendations: the region's, newest first. */
export async function listRecommendations(
  deps: Deps,
  ctx: Ctx,
  query: z.infer<typeof recommendationListQuerySchema>,
): Promise<z.infer<typeof recommendationPageSchema>> {
  const actor = requirePermission(ctx, 'membership:read');
  const { page, filter } = splitPage(query);
  const { items, total } = await recommendationRepo.list(
    deps.db,
    { ...filter, scope: actor.regionCode },
    page.pageSize,
    offsetOf(page),
  );
  return { items: items.map(toRecommendation), total, ...page };
}

/** GET /api/membership/recommendations/counts: how far the year's nominations got, in the region. */
export async function countRecommendations(
  deps: Deps,
  ctx: Ctx,
  query: z.infer<typeof recommendationCountsQuerySchema>,
): Promise<RecommendationCounts> {
  const actor = requirePermission(ctx, 'membership:read');
  if (query.regionCode) assertInScope(actor, query.regionCode);
  const year = query.year ?? yearNow(deps);
  const counts = await recommendationRepo.counts(deps.db, {
    scope: actor.regionCode,
    regionCode: query.regionCode,
    year,
  });
  return { year, regionCode: query.regionCode ?? actor.regionCode, ...counts };
}
