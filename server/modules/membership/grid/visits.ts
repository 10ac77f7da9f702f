import type { z } from 'zod';
import {
  VISIT_CLOCK_SKEW_MINUTES,
  VISIT_MAX_AGE_DAYS,
  VISIT_MAX_PHOTOS,
  VISIT_PHOTO_MAX_BYTES,
  VISIT_PHOTO_TYPES,
} from '../../../../contracts/membership/grid-limits.js';
import type { Visit, VisitInput, VisitListQuery, visitPageSchema } from '../../../../contracts/membership/grid.js';
import { addDays, dayStartInChina } from '../../../../contracts/dates.js';
import { regionWithin } from '../../../../contracts/regions.js';
import type { Download } from '../../../core/attachment.js';
import { writeAudit } from '../../../core/audit.js';
import { assertInScope, can, requireActor, requirePermission, type Actor, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { offsetOf, splitPage, type PageQuery } from '../../../core/paging.js';
import { checkUpload } from '../../../core/uploads.js';
import { gridRepo, type OrganiserRecord } from './repository.js';
import { linkedOrganiser, ownOrganiser } from './self.js';
import { visitRepo, type VisitRecord } from './visits-repository.js';

/*
 * Outreach visits (走访): an organiser logs their own from a phone, staff with membership:manage
 * log for any organiser of their region; photos are added one upload at a time, checked by their
 * bytes. A visit is the organiser's and their region's staff's to see; to anyone else it is not found.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const visitNotFound = () => errors.notFound('走访记录', 'Visit');

/** The organiser a visit is logged for: one of the staff's region, or the signed-in organiser. */
async function loggingFor(deps: Deps, ctx: Ctx, organiserId: string | undefined): Promise<OrganiserRecord> {
  const actor = requireActor(ctx);
  if (can(actor, 'membership:manage')) {
    const own = await linkedOrganiser(deps.db, actor.accountId);
    const id = organiserId ?? own?.id;
    if (!id) throw errors.validation('organiserId', '请选择组织员', 'Choose the organiser');
    const organiser = await gridRepo.organiserById(deps.db, id);
    if (!organiser || !regionWithin(organiser.regionCode, actor.regionCode))
      throw errors.validation('organiserId', '请选择本地区的组织员', 'Choose an organiser of your region');
    if (organiser.active !== 1)
      throw errors.validation('organiserId', '该组织员已停用', 'This organiser has been stopped');
    return organiser;
  }
  const own = await ownOrganiser(deps, ctx);
  if (organiserId !== undefined && organiserId !== own.id) throw errors.forbidden();
  return own;
}

function checkWhen(deps: Deps, visitedAt: Date) {
  const now = deps.now().getTime();
  if (visitedAt.getTime() > now + VISIT_CLOCK_SKEW_MINUTES * MINUTE_MS)
    throw errors.validation('visitedAt', '走访时间不能晚于现在', 'The visit cannot be in the future');
  if (visitedAt.getTime() < now - VISIT_MAX_AGE_DAYS * DAY_MS)
    throw errors.validation(
      'visitedAt',
      `只能登记 ${VISIT_MAX_AGE_DAYS} 天以内的走访`,
      `Only visits of the last ${VISIT_MAX_AGE_DAYS} days can be logged`,
    );
}

async function withPhotos(deps: Deps, rows: VisitRecord[]): Promise<Visit[]> {
  const photos = await visitRepo.photosOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    visitedAt: r.visitedAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    photos: photos.filter((p) => p.visitId === r.id).map(({ id, mime, bytes }) => ({ id, mime, bytes })),
  }));
}

/** POST /api/membership/grid/visits */
export async function createVisit(deps: Deps, ctx: Ctx, input: VisitInput): Promise<Visit> {
  const organiser = await loggingFor(deps, ctx, input.organiserId);
  const visitedAt = new Date(input.visitedAt);
  checkWhen(deps, visitedAt);
  if (((input.lat ?? null) === null) !== ((input.lng ?? null) === null))
    throw errors.validation('lng', '经纬度须同时填写', 'Give both latitude and longitude, or neither');
  if (input.areaId) {
    const area = await gridRepo.areaById(deps.db, input.areaId);
    if (!area || area.organiserId !== organiser.id)
      throw errors.validation('areaId', '请选择该组织员负责的网格', 'Choose one of the organiser’s own areas');
  }
  const id = await deps.db.transaction(async (tx) => {
    const row = await visitRepo.insert(tx, {
      organiserId: organiser.id,
      areaId: input.areaId ?? null,
      regionCode: organiser.regionCode,
      visitedAt,
      place: input.place,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      workersMet: input.workersMet,
      sites: [...new Set(input.sites)],
      notes: input.notes || null,
    });
    await writeAudit(tx, ctx, {
      action: 'membership_visit.created',
      entityType: 'membership_visit',
      entityId: row.id,
      regionCode: row.regionCode,
      after: row,
    });
    return row.id;
  });
  return (await withPhotos(deps, [(await visitRepo.byId(deps.db, id))!]))[0]!;
}

/**
 * A visit as the reader may see it: the region's staff (membership:read; another region's: 403),
 * its own organiser; anyone else is told it does not exist.
 */
async function visitFor(deps: Deps, actor: Actor, id: string, change = false): Promise<VisitRecord> {
  const visit = await visitRepo.byId(deps.db, id);
  if (!visit) throw visitNotFound();
  if (can(actor, change ? 'membership:manage' : 'membership:read')) {
    assertInScope(actor, visit.regionCode);
    return visit;
  }
  const own = can(actor, 'membership:organise') ? await linkedOrganiser(deps.db, actor.accountId) : null;
  if (!own || own.id !== visit.organiserId) throw visitNotFound();
  return visit;
}

/** GET /api/membership/grid/visits/:id */
export async function getVisit(deps: Deps, ctx: Ctx, id: string): Promise<Visit> {
  const visit = await visitFor(deps, requireActor(ctx), id);
  return (await withPhotos(deps, [visit]))[0]!;
}

/** GET /api/membership/grid/me/visits: the organiser's own, newest first. */
export async function myVisits(deps: Deps, ctx: Ctx, query: PageQuery): Promise<z.infer<typeof visitPageSchema>> {
  const organiser = await ownOrganiser(deps, ctx);
  const { page } = splitPage(query);
  const { items, total } = await visitRepo.page(deps.db, { organiserId: organiser.id }, page.pageSize, offsetOf(page));
  return { items: await withPhotos(deps, items), total, ...page };
}

/** GET /api/membership/grid/visits: the region's visits (staff), newest first. */
export async function listVisits(
  deps: Deps,
  ctx: Ctx,
  query: VisitListQuery,
): Promise<z.infer<typeof visitPageSchema>> {
  const actor = requirePermission(ctx, 'membership:read');
  const { page, filter } = splitPage(query);
  const { items, total } = await visitRepo.page(
    deps.db,
    {
      scope: actor.regionCode,
      organiserId: filter.organiserId,
      areaId: filter.areaId,
      start: filter.from ? dayStartInChina(filter.from) : undefined,
      end: filter.to ? dayStartInChina(addDays(filter.to, 1)) : undefined,
    },
    page.pageSize,
    offsetOf(page),
  );
  return { items: await withPhotos(deps, items), total, ...page };
}

/** POST /api/membership/grid/visits/:id/photos (multipart, one photo): by the organiser or the region's staff. */
export async function addVisitPhoto(deps: Deps, ctx: Ctx, id: string, read: () => Promise<Buffer>): Promise<Visit> {
  const visit = await visitFor(deps, requireActor(ctx), id, true);
  const content = await read();
  const { mime } = await checkPhoto(content);
  await deps.db.transaction(async (tx) => {
    // Counted on the locked visit: two uploads at once cannot both take the last place.
    await visitRepo.lock(tx, visit.id);
    if ((await visitRepo.photoCount(tx, visit.id)) >= VISIT_MAX_PHOTOS)
      throw errors.conflict(
        `每次走访最多上传 ${VISIT_MAX_PHOTOS} 张照片`,
        `A visit may have at most ${VISIT_MAX_PHOTOS} photos`,
        'file',
      );
    const photo = await visitRepo.insertPhoto(tx, { visitId: visit.id, mime, content, bytes: content.length });
    await writeAudit(tx, ctx, {
      action: 'membership_visit.photo_added',
      entityType: 'membership_visit',
      entityId: visit.id,
      regionCode: visit.regionCode,
      // Never the photo itself: what it is and its size.
      after: { photoId: photo.id, mime, bytes: content.length },
    });
  });
  return getVisit(deps, ctx, visit.id);
}

/**
 * DELETE /api/membership/grid/visits/:id/photos/:photoId: by the organiser or the region's staff
 * (a photo taken by mistake, or of someone who asked to be left out); gone from the database with
 * an audit record that describes it, never holding it.
 */
export async function removeVisitPhoto(deps: Deps, ctx: Ctx, id: string, photoId: string): Promise<Visit> {
  const visit = await visitFor(deps, requireActor(ctx), id, true);
  await deps.db.transaction(async (tx) => {
    await visitRepo.lock(tx, visit.id);
    const removed = await visitRepo.deletePhoto(tx, visit.id, photoId);
    if (!removed) throw errors.notFound('照片', 'Photo');
    await writeAudit(tx, ctx, {
      action: 'membership_visit.photo_removed',
      entityType: 'membership_visit',
      entityId: visit.id,
      regionCode: visit.regionCode,
      before: { photoId: removed.id, mime: removed.mime, bytes: removed.bytes },
    });
  });
  return getVisit(deps, ctx, visit.id);
}

/** By its bytes; checkUpload's refusal speaks of PDFs too, a visit takes photos only and says so. */
async function checkPhoto(content: Buffer) {
  try {
    return await checkUpload(content, VISIT_PHOTO_TYPES, VISIT_PHOTO_MAX_BYTES);
  } catch (e) {
    if (e instanceof AppError && e.code === 'UNSUPPORTED_MEDIA')
      throw new AppError(
        'UNSUPPORTED_MEDIA',
        '只能上传照片（JPG、PNG、WebP）',
        'Only photos (JPG, PNG, WebP) are accepted',
        'file',
      );
    throw e;
  }
}

/** GET /api/membership/grid/visits/:id/photos/:photoId */
export async function visitPhoto(deps: Deps, ctx: Ctx, id: string, photoId: string): Promise<Download> {
  const visit = await visitFor(deps, requireActor(ctx), id);
  const photo = await visitRepo.photo(deps.db, visit.id, photoId);
  if (!photo) throw errors.notFound('照片', 'Photo');
  const ext = photo.mime === 'image/png' ? 'png' : photo.mime === 'image/webp' ? 'webp' : 'jpg';
  return { filename: `visit-${photo.id}.${ext}`, mime: photo.mime, content: photo.content };
}
