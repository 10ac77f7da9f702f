import type { z } from 'zod';
import type {
  BoardItem,
  boardPageSchema,
  Suggestion,
  SuggestionDone,
  SuggestionInput,
  SuggestionListQuery,
  suggestionPageSchema,
  SuggestionReply,
} from '../../../../contracts/stations/board.js';
import { writeAudit } from '../../../core/audit.js';
import { requireActor, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { offsetOf, splitPage, type PageQuery } from '../../../core/paging.js';
import { enforce } from '../../limits/service.js';
import { notify } from '../../notifications/service.js';
import { stationRepo } from '../repository.js';
import { stationInScope } from '../service.js';
import { workerIdOfSession } from '../workers/service.js';
import { postLimits } from './limits.js';
import { suggestionRepo, type SuggestionRow } from './repository.js';

/*
 * The message board (留言板): a registered worker posts a suggestion from the station's phone
 * page; whoever may read the station (its manager, the region's union staff) replies and marks it
 * done, each change at the version read, with its audit record. The board shows the poster only
 * as a kind of work and a masked name, never the phone.
 */

const POSTS = { zh: '留言', en: 'suggestions' };
const notFound = () => errors.notFound('留言', 'Suggestion');

/** 王骑手 → 王*: enough to tell posts apart on the wall, not enough to name the worker. */
export const maskedName = (name: string) => `${[...name][0] ?? ''}*`;

function boardItemOf(row: SuggestionRow): BoardItem {
  return {
    id: row.id,
    body: row.body,
    status: row.status,
    reply: row.reply,
    occupation: row.occupation,
    posterName: maskedName(row.posterName),
    createdAt: row.createdAt.toISOString(),
    repliedAt: row.repliedAt?.toISOString() ?? null,
    doneAt: row.doneAt?.toISOString() ?? null,
  };
}

const suggestionOf = (row: SuggestionRow): Suggestion => ({
  ...boardItemOf(row),
  repliedBy: row.repliedBy,
  version: row.version,
});

async function openStation(deps: Deps, code: string) {
  const station = await stationRepo.byCode(deps.db, code);
  if (!station || station.status === 'closed') throw errors.notFound('站点', 'Station');
  return station;
}

/** POST /api/public/stations/:code/suggestions: counted per worker and per address before it is kept. */
export async function postSuggestion(
  deps: Deps,
  ctx: Ctx,
  code: string,
  token: string | string[] | undefined,
  input: SuggestionInput,
): Promise<BoardItem> {
  const workerId = await workerIdOfSession(deps, token);
  await enforce(deps.db, deps.now(), postLimits(workerId, ctx.ip), POSTS);
  const station = await openStation(deps, code);
  const id = await deps.db.transaction(async (tx) => {
    const row = await suggestionRepo.insert(tx, {
      stationId: station.id,
      workerId,
      body: input.body,
      createdAt: deps.now(),
    });
    await writeAudit(tx, ctx, {
      action: 'station_suggestion.posted',
      entityType: 'station_suggestion',
      entityId: row.id,
      regionCode: station.regionCode,
      after: { station: station.code, workerId, body: input.body },
    });
    return row.id;
  });
  const row = await suggestionRepo.byId(deps.db, id);
  if (!row) throw notFound();
  return boardItemOf(row);
}

/** GET /api/public/stations/:code/suggestions: the board, newest first. */
export async function stationBoard(
  deps: Deps,
  code: string,
  query: PageQuery,
): Promise<z.infer<typeof boardPageSchema>> {
  const station = await openStation(deps, code);
  const { page } = splitPage(query);
  const { items, total } = await suggestionRepo.list(deps.db, station.id, undefined, page.pageSize, offsetOf(page));
  return { items: items.map(boardItemOf), total, ...page };
}

/** GET /api/stations/:code/suggestions */
export async function listSuggestions(
  deps: Deps,
  ctx: Ctx,
  code: string,
  query: SuggestionListQuery,
): Promise<z.infer<typeof suggestionPageSchema>> {
  const station = await stationInScope(deps, ctx, code);
  const { page, filter } = splitPage(query);
  const { items, total } = await suggestionRepo.list(deps.db, station.id, filter.status, page.pageSize, offsetOf(page));
  return { items: items.map(suggestionOf), total, ...page };
}

/**
 * A reply (replacing any earlier one; the audit trail keeps each) or the mark of done, decided on
 * the locked row at the version the staff read. A reply is texted to the worker.
 */
async function changeSuggestion(
  deps: Deps,
  ctx: Ctx,
  code: string,
  id: string,
  change: { kind: 'reply'; reply: string; expectedVersion: number } | ({ kind: 'done' } & SuggestionDone),
): Promise<Suggestion> {
  const station = await stationInScope(deps, ctx, code);
  const actor = requireActor(ctx);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const locked = await suggestionRepo.lock(tx, id);
    if (!locked || locked.suggestion.stationId !== station.id) throw notFound();
    const before = locked.suggestion;
    if (before.status === 'done')
      throw errors.conflict('该留言已办结，不能再更改', 'The suggestion is already done', 'status');
    if (before.version !== change.expectedVersion)
      throw errors.conflict(
        '该留言已被他人处理，请刷新后重试',
        'The suggestion changed meanwhile; reload and retry',
        'expectedVersion',
      );
    const reply = change.reply ?? null;
    const replied = reply !== null ? { reply, repliedBy: actor.accountId, repliedAt: now } : {};
    const after =
      change.kind === 'reply'
        ? { status: 'replied' as const, ...replied }
        : { status: 'done' as const, doneAt: now, ...replied };
    await suggestionRepo.update(tx, id, { ...after, version: before.version + 1 });
    await writeAudit(tx, ctx, {
      action: change.kind === 'reply' ? 'station_suggestion.replied' : 'station_suggestion.done',
      entityType: 'station_suggestion',
      entityId: id,
      regionCode: station.regionCode,
      before: { status: before.status, reply: before.reply },
      after: { status: after.status, reply: reply ?? before.reply },
    });
    if (reply !== null)
      await notify(tx, {
        channel: 'sms',
        recipient: locked.workerPhone,
        template: 'stations.suggestion_replied',
        variables: { station: station.name },
        topic: `station_suggestion:${id}`,
        regionCode: station.regionCode,
      });
  });
  const row = await suggestionRepo.byId(deps.db, id);
  if (!row) throw notFound();
  return suggestionOf(row);
}

/** POST /api/stations/:code/suggestions/:id/reply */
export const replySuggestion = (deps: Deps, ctx: Ctx, code: string, id: string, input: SuggestionReply) =>
  changeSuggestion(deps, ctx, code, id, { kind: 'reply', ...input });

/** POST /api/stations/:code/suggestions/:id/done */
export const markSuggestionDone = (deps: Deps, ctx: Ctx, code: string, id: string, input: SuggestionDone) =>
  changeSuggestion(deps, ctx, code, id, { kind: 'done', ...input });
