import type { z } from 'zod';
import type { Alarm, alarmPageSchema, StationLive } from '../../../../contracts/stations/api.js';
import { dayStartInChina, todayInChina } from '../../../../contracts/dates.js';
import { writeAudit } from '../../../core/audit.js';
import { requireActor, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { offsetOf, splitPage, type PageQuery } from '../../../core/paging.js';
import { stationRepo } from '../repository.js';
import { stationInScope } from '../service.js';
import { alarmRepo, type AlarmRow } from './alarm-repository.js';
import { telemetryRepo } from './repository.js';

/*
 * What staff do with alarms: see a station's open ones and their history, acknowledge one ("we
 * are on it") and clear it, each with who and when and its audit record. Anyone who may read the
 * station (its manager, the region's union staff) may act on its alarms.
 */

function alarmOf(row: NonNullable<AlarmRow>): Alarm {
  return {
    id: row.id,
    stationCode: row.stationCode,
    stationName: row.stationName,
    kind: row.kind as Alarm['kind'],
    severity: row.severity,
    state: row.state,
    text: { zh: row.textZh, en: row.textEn },
    equipmentCode: row.equipmentCode || null,
    value: row.value,
    firstAt: row.firstAt.toISOString(),
    lastAt: row.lastAt.toISOString(),
    occurrences: row.occurrences,
    acknowledgedBy: row.acknowledgedBy,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    clearedBy: row.clearedBy,
    clearedAt: row.clearedAt?.toISOString() ?? null,
  };
}

export async function listAlarms(
  deps: Deps,
  ctx: Ctx,
  code: string,
  query: PageQuery & { state: 'open' | 'active' | 'acknowledged' | 'cleared' },
): Promise<z.infer<typeof alarmPageSchema>> {
  const station = await stationInScope(deps, ctx, code);
  const { page, filter } = splitPage(query);
  const { items, total } = await alarmRepo.list(deps.db, station.id, filter.state, page.pageSize, offsetOf(page));
  return { items: items.map(alarmOf), total, ...page };
}

async function changeAlarm(
  deps: Deps,
  ctx: Ctx,
  code: string,
  id: string,
  change: 'acknowledge' | 'clear',
  note: string | undefined,
): Promise<Alarm> {
  const station = await stationInScope(deps, ctx, code);
  const actor = requireActor(ctx);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const before = await alarmRepo.lock(tx, id);
    if (!before || before.stationId !== station.id) throw errors.notFound('告警', 'Alarm');
    const from = change === 'acknowledge' ? (['active'] as const) : (['active', 'acknowledged'] as const);
    if (!(from as readonly string[]).includes(before.state))
      throw errors.conflict(
        before.state === 'cleared' ? '该告警已解除' : '该告警已被确认',
        before.state === 'cleared' ? 'The alarm is already cleared' : 'The alarm is already acknowledged',
        'state',
      );
    const set =
      change === 'acknowledge'
        ? {
            state: 'acknowledged' as const,
            acknowledgedBy: actor.accountId,
            acknowledgedAt: now,
            note: note ?? before.note,
          }
        : { state: 'cleared' as const, clearedBy: actor.accountId, clearedAt: now, note: note ?? before.note };
    await alarmRepo.move(tx, id, [...from], set);
    await writeAudit(tx, ctx, {
      action: change === 'acknowledge' ? 'station_alarm.acknowledged' : 'station_alarm.cleared',
      entityType: 'station_alarm',
      entityId: id,
      regionCode: station.regionCode,
      before: { state: before.state },
      after: { state: set.state, note: note ?? null },
    });
  });
  const row = await alarmRepo.byId(deps.db, id);
  if (!row) throw errors.notFound('告警', 'Alarm');
  return alarmOf(row);
}

export const acknowledgeAlarm = (deps: Deps, ctx: Ctx, code: string, id: string, note?: string) =>
  changeAlarm(deps, ctx, code, id, 'acknowledge', note);
export const clearAlarm = (deps: Deps, ctx: Ctx, code: string, id: string, note?: string) =>
  changeAlarm(deps, ctx, code, id, 'clear', note);

/** The station now: the live row the ingester keeps, today's visits, the open alarms. */
export async function stationLiveOf(deps: Deps, stationId: string, code: string): Promise<StationLive> {
  const now = deps.now();
  const today = todayInChina(now);
  const [live, alarms, visitsToday] = await Promise.all([
    telemetryRepo.liveOf(deps.db, stationId),
    alarmRepo.list(deps.db, stationId, 'open', 50, 0),
    // The same count as the station's figures: since China's midnight.
    stationRepo.visitsSince(deps.db, stationId, dayStartInChina(today)),
  ]);
  const countsToday = live?.peopleDay === today;
  return {
    stationCode: code,
    online: live?.online ?? null,
    lastMessageAt: live?.lastMessageAt?.toISOString() ?? null,
    temperatureC: live?.temperatureC ?? null,
    humidityPct: live?.humidityPct ?? null,
    pm25: live?.pm25 ?? null,
    co2ppm: live?.co2ppm ?? null,
    envAt: live?.envAt?.toISOString() ?? null,
    peopleInside: countsToday ? Math.max(0, (live?.peopleIn ?? 0) - (live?.peopleOut ?? 0)) : 0,
    visitsToday,
    equipment: Object.entries(live?.equipment ?? {})
      .map(([code, e]) => ({ code, state: e.state, powerW: e.powerW, at: e.at }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    alarms: alarms.items.map(alarmOf),
  };
}

export async function stationLive(deps: Deps, ctx: Ctx, code: string): Promise<StationLive> {
  const station = await stationInScope(deps, ctx, code);
  return stationLiveOf(deps, station.id, station.code);
}
