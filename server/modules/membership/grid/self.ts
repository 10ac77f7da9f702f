import type { OrganiserSelf } from '../../../../contracts/membership/grid.js';
import type { Download } from '../../../core/attachment.js';
import { requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import type { DbOrTx } from '../../../db/client.js';
import { stationQrSvg } from '../../stations/qr.js';
import { gridRepo, type OrganiserRecord } from './repository.js';
import { getOrganiser, organiserAnswer } from './service.js';

/*
 * The organiser's own page: who they are with their joining link and QR, their areas. An account
 * with membership:organise that no active organiser is linked to gets `organiser: null` here and
 * 404 from the other "me" routes (visits, figures, QR): it has nothing of its own yet.
 */

/** The active organiser linked to the signed-in account, or null. */
export async function linkedOrganiser(db: DbOrTx, accountId: string): Promise<OrganiserRecord | null> {
  const row = await gridRepo.organiserOfAccount(db, accountId);
  return row && row.active === 1 ? row : null;
}

/** The signed-in organiser, or 404 for an account that is not (or no longer) one. */
export async function ownOrganiser(deps: Deps, ctx: Ctx): Promise<OrganiserRecord> {
  const actor = requirePermission(ctx, 'membership:organise');
  const row = await linkedOrganiser(deps.db, actor.accountId);
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      '您的账号还没有登记为组织员，请联系所在工会',
      'Your account is not registered as an organiser yet; ask your union',
    );
  return row;
}

/** GET /api/membership/grid/me */
export async function organiserSelf(deps: Deps, ctx: Ctx): Promise<OrganiserSelf> {
  const actor = requirePermission(ctx, 'membership:organise');
  const row = await linkedOrganiser(deps.db, actor.accountId);
  if (!row) return { organiser: null };
  const answer = organiserAnswer(deps, row);
  const areas = await gridRepo.organiserAreas(deps.db, row.id);
  return {
    organiser: {
      id: row.id,
      code: row.code,
      name: row.name,
      organizationName: row.organizationName,
      regionName: row.regionName,
      joinUrl: answer.joinUrl,
      areas: areas.map(({ id, name, kind }) => ({ id, name, kind })),
    },
  };
}

function qrOf(organiser: { code: string; name: string; organizationName: string; joinUrl: string | null }): Download {
  if (!organiser.joinUrl)
    throw errors.conflict(
      '该组织员所属工会组织还没有入会代码，请先在工会组织中填写',
      'The organiser’s union organization has no joining code yet; set one first',
      'organizationId',
    );
  const svg = stationQrSvg({
    url: organiser.joinUrl,
    name: organiser.organizationName,
    code: `${organiser.name} ${organiser.code}`,
  });
  return { filename: `${organiser.code}.svg`, mime: 'image/svg+xml', content: Buffer.from(svg, 'utf8') };
}

/** GET /api/membership/grid/me/qr.svg: the joining QR the organiser shows or prints. */
export async function myQr(deps: Deps, ctx: Ctx): Promise<Download> {
  return qrOf(organiserAnswer(deps, await ownOrganiser(deps, ctx)));
}

/** GET /api/membership/grid/organisers/:id/qr.svg: the same, printed by staff for the organiser. */
export async function organiserQr(deps: Deps, ctx: Ctx, id: string): Promise<Download> {
  return qrOf(await getOrganiser(deps, ctx, id));
}
