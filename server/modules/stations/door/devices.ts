import type { z } from 'zod';
import type { deviceCreatedSchema, deviceListSchema, visitPageSchema } from '../../../../contracts/stations/api.js';
import type { DeviceKind } from '../../../../contracts/stations/codes.js';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, requirePermission, type Ctx } from '../../../core/context.js';
import { randomToken } from '../../../core/crypto.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { offsetOf, splitPage, type PageQuery } from '../../../core/paging.js';
import { stationRepo } from '../repository.js';
import { stationInScope } from '../service.js';
import { deviceRepo, visitRepo } from './repository.js';

// A station's door terminals (kept by staff) and the visits they reported.

/** POST /api/stations/:code/devices — the secret is answered once and stored encrypted. */
export async function addDevice(
  deps: Deps,
  ctx: Ctx,
  code: string,
  input: { serial: string; kind: DeviceKind },
): Promise<z.infer<typeof deviceCreatedSchema>> {
  const actor = requirePermission(ctx, 'stations:manage');
  const station = await stationRepo.byCode(deps.db, code);
  if (!station) throw errors.notFound('站点', 'Station');
  assertInScope(actor, station.regionCode);
  const secret = randomToken(32);
  const row = await deps.db.transaction(async (tx) => {
    const inserted = await deviceRepo.insert(tx, {
      serial: input.serial,
      stationId: station.id,
      kind: input.kind,
      secretEnc: deps.cipher.encrypt(secret),
    });
    if (!inserted)
      throw errors.conflict(
        `序列号 ${input.serial} 已登记`,
        `Serial number ${input.serial} is already registered`,
        'serial',
      );
    await writeAudit(tx, ctx, {
      action: 'station_device.added',
      entityType: 'station_device',
      entityId: inserted.id,
      regionCode: station.regionCode,
      after: { serial: inserted.serial, kind: inserted.kind, station: station.code },
    });
    return inserted;
  });
  return {
    id: row.id,
    serial: row.serial,
    kind: row.kind,
    enabled: row.enabled,
    lastSeenAt: null,
    pendingCommands: 0,
    secret,
  };
}

export async function listDevices(deps: Deps, ctx: Ctx, code: string): Promise<z.infer<typeof deviceListSchema>> {
  const station = await stationInScope(deps, ctx, code);
  const rows = await deviceRepo.listByStation(deps.db, station.id);
  return { items: rows.map((r) => ({ ...r, lastSeenAt: r.lastSeenAt?.toISOString() ?? null })) };
}

export async function listVisits(
  deps: Deps,
  ctx: Ctx,
  code: string,
  query: PageQuery,
): Promise<z.infer<typeof visitPageSchema>> {
  const station = await stationInScope(deps, ctx, code);
  const { page } = splitPage(query);
  const { items, total } = await visitRepo.listOfStation(deps.db, station.id, page.pageSize, offsetOf(page));
  return { items: items.map((v) => ({ ...v, occurredAt: v.occurredAt.toISOString() })), total, ...page };
}
