import { writeAudit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { commandRepo, deviceRepo } from '../door/repository.js';
import { workerRepo } from './repository.js';
import { ownPass, workerIdOfSession } from './service.js';
import type { WorkerPass } from '../../../../contracts/stations/api.js';

/*
 * A face photo for the door terminals, only with the worker's explicit consent, and gone on
 * request: from the record, and from every terminal it was sent to, through their command queue
 * (the photo and the face template the terminal built from it are two commands in ADMS).
 */

/** A door terminal takes a small JPEG; a phone's camera gives one well under this. */
export const MAX_FACE_BYTES = 200 * 1024;

function jpegOf(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length < 1000 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff)
    throw errors.validation('photo', '请上传 JPEG 格式的正面照片', 'Upload a front-facing photo as a JPEG');
  if (bytes.length > MAX_FACE_BYTES)
    throw errors.validation(
      'photo',
      '照片不能超过 200 KB，请重新拍摄',
      'The photo may be at most 200 KB; take it again',
    );
  return bytes;
}

/** PUT /api/public/stations/me/face {photo (base64 JPEG), consent: true} */
export async function setFacePhoto(
  deps: Deps,
  ctx: Ctx,
  header: string | string[] | undefined,
  body: { photo: string; consent: true },
): Promise<WorkerPass> {
  const workerId = await workerIdOfSession(deps, header);
  const photo = jpegOf(body.photo);
  const worker = await workerRepo.byId(deps.db, workerId);
  if (!worker) throw errors.notFound('驿站登记', 'Station registration');
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await workerRepo.setFace(tx, worker.id, { photo, consentedAt: now }, now);
    // The terminals of the station where the worker registered take the photo at their next heartbeat.
    const terminals = await deviceRepo.admsOfStation(tx, worker.registeredStationId);
    await commandRepo.queue(
      tx,
      terminals.map((d) => d.id),
      { kind: 'set_face', pin: String(worker.pin), jpegBase64: photo.toString('base64') },
    );
    await writeAudit(tx, ctx, {
      action: 'station_worker.face_set',
      entityType: 'station_worker',
      entityId: worker.id,
      regionCode: null,
      // Never the photo: its size and the terminals told.
      after: { bytes: photo.length, consentedAt: now.toISOString(), terminals: terminals.length },
    });
  });
  return ownPass(deps, header);
}

/** DELETE /api/public/stations/me/face — the record's photo and consent, and the terminals' copies. */
export async function deleteFacePhoto(
  deps: Deps,
  ctx: Ctx,
  header: string | string[] | undefined,
): Promise<WorkerPass> {
  const workerId = await workerIdOfSession(deps, header);
  const worker = await workerRepo.byId(deps.db, workerId);
  if (!worker) throw errors.notFound('驿站登记', 'Station registration');
  if (!worker.hasFacePhoto)
    throw new AppError('CONFLICT', '没有保存您的人脸照片', 'No face photo of yours is kept', 'photo');
  const now = deps.now();
  const pin = String(worker.pin);
  await deps.db.transaction(async (tx) => {
    await workerRepo.setFace(tx, worker.id, null, now);
    const given = await commandRepo.devicesGivenFace(tx, pin);
    await commandRepo.forgetFace(tx, pin);
    await commandRepo.queue(tx, given, { kind: 'delete_face', pin });
    await commandRepo.queue(tx, given, { kind: 'delete_face_template', pin });
    await writeAudit(tx, ctx, {
      action: 'station_worker.face_deleted',
      entityType: 'station_worker',
      entityId: worker.id,
      regionCode: null,
      after: { terminals: given.length },
    });
  });
  return ownPass(deps, header);
}
