import type { z } from 'zod';
import type {
  DonorChoices,
  DonorChoicesQuery,
  MyDonation,
  myDonationPageSchema,
  SupplyItem,
  SupplyItemInput,
  SupplyList,
  SupplyMove,
  SupplyMoveInput,
  SupplyMoveKind,
  supplyMovePageSchema,
  SupplyThankInput,
} from '../../../../contracts/stations/supplies.js';
import { writeAudit } from '../../../core/audit.js';
import { requireActor, requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { offsetOf, splitPage, type PageQuery } from '../../../core/paging.js';
import { accountRepo } from '../../accounts/repository.js';
import { notify } from '../../notifications/service.js';
import { stationInScope } from '../service.js';
import { supplyRepo, type SupplyItemRow, type SupplyMoveRow } from './repository.js';

/*
 * Supplies and donations (物资与捐赠): whoever may read a station (its manager, the region's union
 * staff) sees its stock and records what was consumed; the region's staff who keep stations
 * create items, record donations and adjustments, and the thank-you to a donor. Every stock
 * change is one transaction on the locked item, with its move and its audit record; the stock
 * never goes below zero. A donor company signed in sees its own donations.
 */

const itemNotFound = () => errors.notFound('物资', 'Supply item');
const moveNotFound = () => errors.notFound('物资记录', 'Supply record');

/** Low is below the mark: at 0 an item never counts as low. */
const isLow = (stock: number, lowAt: number) => stock < lowAt;

/** What each kind of move does to the stock. */
const stockChange = (kind: SupplyMoveKind, quantity: number) => (kind === 'consumed' ? -quantity : quantity);

function itemOf(
  row: SupplyItemRow,
  last: { kind: SupplyMoveKind; quantity: number; at: Date } | undefined,
): SupplyItem {
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    stock: row.stock,
    lowAt: row.lowAt,
    low: isLow(row.stock, row.lowAt),
    version: row.version,
    lastMove: last ? { kind: last.kind, quantity: last.quantity, at: last.at.toISOString() } : null,
  };
}

const moveOf = (row: Omit<SupplyMoveRow, 'stationId'>): SupplyMove => ({
  id: row.id,
  itemId: row.itemId,
  itemName: row.itemName,
  unit: row.unit,
  kind: row.kind,
  quantity: row.quantity,
  donorAccountId: row.donorAccountId,
  donorName: row.donorName,
  thankedAt: row.thankedAt?.toISOString() ?? null,
  thankNote: row.thankNote,
  at: row.at.toISOString(),
  recordedBy: row.recordedBy,
});

/** The station in the actor's region, for an action that needs `stations:manage` as well. */
async function stationToManage(deps: Deps, ctx: Ctx, code: string) {
  const station = await stationInScope(deps, ctx, code);
  requirePermission(ctx, 'stations:manage');
  return station;
}

async function readItem(deps: Deps, id: string): Promise<SupplyItem> {
  const row = await supplyRepo.itemById(deps.db, id);
  if (!row) throw itemNotFound();
  const [last] = await supplyRepo.lastMoves(deps.db, [id]);
  return itemOf(row, last);
}

/** GET /api/stations/:code/supplies */
export async function listSupplies(deps: Deps, ctx: Ctx, code: string): Promise<SupplyList> {
  const station = await stationInScope(deps, ctx, code);
  const rows = await supplyRepo.items(deps.db, station.id);
  const last = new Map(
    (
      await supplyRepo.lastMoves(
        deps.db,
        rows.map((r) => r.id),
      )
    ).map((m) => [m.itemId, m]),
  );
  return { items: rows.map((row) => itemOf(row, last.get(row.id))) };
}

/** POST /api/stations/:code/supplies: a new item; a stock to start with is recorded as an adjustment. */
export async function createSupply(deps: Deps, ctx: Ctx, code: string, input: SupplyItemInput): Promise<SupplyItem> {
  const station = await stationToManage(deps, ctx, code);
  const actor = requireActor(ctx);
  const stock = input.stock ?? 0;
  const id = await deps.db.transaction(async (tx) => {
    const row = await supplyRepo.insertItem(tx, {
      stationId: station.id,
      name: input.name,
      unit: input.unit,
      stock,
      lowAt: input.lowAt,
    });
    if (!row)
      throw errors.conflict(
        `本站已有物资「${input.name}」`,
        `The station already has an item named ${input.name}`,
        'name',
      );
    if (stock > 0)
      await supplyRepo.insertMove(tx, {
        itemId: row.id,
        kind: 'adjusted',
        quantity: stock,
        at: deps.now(),
        recordedBy: actor.accountId,
      });
    await writeAudit(tx, ctx, {
      action: 'station_supply.created',
      entityType: 'station_supply_item',
      entityId: row.id,
      regionCode: station.regionCode,
      after: { station: station.code, name: row.name, unit: row.unit, stock: row.stock, lowAt: row.lowAt },
    });
    return row.id;
  });
  return readItem(deps, id);
}

/** How many donors the picker offers at once: it narrows as the name is typed. */
const DONOR_CHOICES = 20;

/**
 * GET /api/stations/:code/donors?q=: the donation form's picker, for those who record donations.
 * Donor companies' active accounts registered in the station's city (a company gives to the
 * stations of its city, whichever district it sits in), by name.
 */
export async function donorChoices(
  deps: Deps,
  ctx: Ctx,
  code: string,
  query: DonorChoicesQuery,
): Promise<DonorChoices> {
  const station = await stationToManage(deps, ctx, code);
  const city = `${station.regionCode.slice(0, 4)}00`;
  const { items } = await accountRepo.list(
    deps.db,
    { scope: city, q: query.q, role: 'donor', status: 'active' },
    DONOR_CHOICES,
    0,
  );
  return { items: items.map((a) => ({ id: a.id, name: a.displayName, regionName: a.regionName })) };
}

/** The donor of a donation: an active account with the donor role, or a company named in free text. */
async function donorOf(deps: Deps, input: SupplyMoveInput) {
  if (input.kind !== 'donation') return { donorAccountId: null, donorName: null };
  if (input.donorAccountId) {
    const donor = await accountRepo.raw(deps.db, input.donorAccountId);
    if (!donor || donor.status !== 'active' || !donor.roles.includes('donor'))
      throw errors.validation(
        'donorAccountId',
        '该账号不是在用的爱心企业账号',
        'This account is not an active donor company account',
      );
    return { donorAccountId: donor.id, donorName: null };
  }
  return { donorAccountId: null, donorName: input.donorName ?? null };
}

/**
 * POST /api/stations/:code/supplies/:id/moves: consumption by whoever may read the station;
 * donations and adjustments by those who keep stations. Decided on the locked item: the version
 * read (when given), and a stock that would go below zero is refused. Falling below the low mark
 * texts the station's manager, once per fall (not again while it stays low).
 */
export async function recordMove(
  deps: Deps,
  ctx: Ctx,
  code: string,
  itemId: string,
  input: SupplyMoveInput,
): Promise<SupplyItem> {
  const station =
    input.kind === 'consumed' ? await stationInScope(deps, ctx, code) : await stationToManage(deps, ctx, code);
  const actor = requireActor(ctx);
  const donor = await donorOf(deps, input);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const locked = await supplyRepo.lockItem(tx, itemId);
    if (!locked || locked.item.stationId !== station.id) throw itemNotFound();
    const before = locked.item;
    if (input.expectedVersion !== undefined && before.version !== input.expectedVersion)
      throw errors.conflict(
        '该物资的库存已被他人修改，请刷新后重试',
        'The stock changed meanwhile; reload and retry',
        'expectedVersion',
      );
    const stock = before.stock + stockChange(input.kind, input.quantity);
    if (stock < 0)
      throw errors.conflict(
        `数量超出库存：「${before.name}」现有 ${before.stock}${before.unit}`,
        `The quantity is more than the stock: ${before.stock} of ${before.name} left`,
        'quantity',
      );
    await supplyRepo.updateItem(tx, itemId, { stock, version: before.version + 1 });
    const move = await supplyRepo.insertMove(tx, {
      itemId,
      kind: input.kind,
      quantity: input.quantity,
      ...donor,
      at: now,
      recordedBy: actor.accountId,
    });
    await writeAudit(tx, ctx, {
      action: `station_supply.${input.kind}`,
      entityType: 'station_supply_item',
      entityId: itemId,
      regionCode: station.regionCode,
      before: { stock: before.stock, version: before.version },
      after: {
        stock,
        version: before.version + 1,
        moveId: move.id,
        quantity: input.quantity,
        ...donor,
        note: input.note,
      },
    });
    if (!isLow(before.stock, before.lowAt) && isLow(stock, before.lowAt) && locked.managerPhone)
      await notify(tx, {
        channel: 'sms',
        recipient: locked.managerPhone,
        template: 'stations.low_stock',
        variables: { station: station.name, item: before.name, stock: `${stock}${before.unit}` },
        topic: `station_supply_item:${itemId}`,
        regionCode: station.regionCode,
      });
  });
  return readItem(deps, itemId);
}

/** GET /api/stations/:code/supplies/moves */
export async function listMoves(
  deps: Deps,
  ctx: Ctx,
  code: string,
  query: PageQuery,
): Promise<z.infer<typeof supplyMovePageSchema>> {
  const station = await stationInScope(deps, ctx, code);
  const { page } = splitPage(query);
  const { items, total } = await supplyRepo.stationMoves(deps.db, station.id, page.pageSize, offsetOf(page));
  return { items: items.map(moveOf), total, ...page };
}

/** POST /api/stations/:code/supplies/moves/:id/thank: the thank-you to a donation's donor, once. */
export async function thankDonor(
  deps: Deps,
  ctx: Ctx,
  code: string,
  moveId: string,
  input: SupplyThankInput,
): Promise<SupplyMove> {
  const station = await stationToManage(deps, ctx, code);
  await deps.db.transaction(async (tx) => {
    const locked = await supplyRepo.lockMove(tx, moveId);
    if (!locked || locked.stationId !== station.id) throw moveNotFound();
    if (locked.move.kind !== 'donation')
      throw errors.validation('id', '只有捐赠才能致谢', 'Only a donation can be thanked');
    if (locked.move.thankedAt) throw errors.conflict('该捐赠已致谢', 'This donation has already been thanked', 'note');
    await supplyRepo.updateMove(tx, moveId, { thankedAt: deps.now(), thankNote: input.note });
    await writeAudit(tx, ctx, {
      action: 'station_supply.thanked',
      entityType: 'station_supply_move',
      entityId: moveId,
      regionCode: station.regionCode,
      after: { note: input.note },
    });
  });
  const row = await supplyRepo.moveById(deps.db, moveId);
  if (!row) throw moveNotFound();
  return moveOf(row);
}

/** GET /api/stations/my-donations: the signed-in donor company's own donations at every station. */
export async function myDonations(
  deps: Deps,
  ctx: Ctx,
  query: PageQuery,
): Promise<z.infer<typeof myDonationPageSchema>> {
  const actor = requirePermission(ctx, 'stations:donor');
  const { page } = splitPage(query);
  const { items, total } = await supplyRepo.donationsOf(deps.db, actor.accountId, page.pageSize, offsetOf(page));
  return {
    items: items.map((row): MyDonation => ({
      id: row.id,
      stationName: row.stationName,
      itemName: row.itemName,
      unit: row.unit,
      quantity: row.quantity,
      at: row.at.toISOString(),
      thankedAt: row.thankedAt?.toISOString() ?? null,
      thankNote: row.thankNote,
    })),
    total,
    ...page,
  };
}
