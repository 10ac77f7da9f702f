import { maskMobile, normalizeMobile } from '../../../../contracts/identifiers.js';
import type { Registration, WorkerPass } from '../../../../contracts/stations/api.js';
import { PRIVACY_NOTICE_VERSION } from '../../../../contracts/stations/codes.js';
import { writeAudit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { sha256Hex, type FieldCipher } from '../../../core/crypto.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { newLinkToken, newSmsCode, sameHash } from '../../../core/one-time-codes.js';
import type { DbOrTx } from '../../../db/client.js';
import { spendPhoneCode } from '../../limits/phone-codes.js';
import { enforce } from '../../limits/service.js';
import { notifyCode } from '../../notifications/service.js';
import { createPersonForIntake, findPersonByPhoneAndName } from '../../people/service.js';
import { commandRepo, deviceRepo } from '../door/repository.js';
import { stationRepo } from '../repository.js';
import { CODE_TTL_MS, RESEND_AFTER_SEC, SESSION_TTL_MS, codeAttemptLimits, codeRequestLimits } from './limits.js';
import { phoneAccessRepo, workerRepo } from './repository.js';

/*
 * A worker registers at a station's door from its QR: the phone proved by a texted code, a name,
 * the kind of work, the platform, consent to the privacy notice. Registered once, recognised at
 * every station by the phone, and linked to the platform's person. The answer is the personal QR
 * pass and a session for the phone, so the pass opens again without another code.
 */

const CODE_REQUESTS = { zh: '获取验证码', en: 'code requests' };

function codeHash(cipher: FieldCipher, phone: string, expiresAt: Date, code: string): string {
  return cipher.searchHash(`station-code:v1:${phone}:${expiresAt.toISOString()}:${code}`);
}

/**
 * What the personal pass encodes: the door PIN and a keyed MAC of the worker and the pass's
 * serial, so a pass cannot be made up from a PIN and a new serial voids the old one.
 */
export function passCodeOf(cipher: FieldCipher, worker: { id: string; pin: number; passSerial: number }): string {
  const mac = cipher.searchHash(`station-pass:v1:${worker.id}:${worker.passSerial}`).slice(0, 20);
  return `YZP1-${worker.pin}-${mac}`;
}

/** The worker a scanned pass names, or null when it is not a valid pass of a registered worker. */
export async function workerOfPass(db: DbOrTx, cipher: FieldCipher, passCode: string) {
  const m = /^YZP1-(\d{1,9})-([0-9a-f]{20})$/.exec(passCode);
  if (!m) return null;
  const worker = await workerRepo.byPin(db, Number(m[1]));
  if (!worker || !sameHash(passCodeOf(cipher, worker), passCode)) return null;
  return worker;
}

/** POST /api/public/stations/request-code: counted per address and per phone before anything is sent. */
export async function requestWorkerCode(deps: Deps, ctx: Ctx, body: { phone: string }) {
  const phone = normalizeMobile(body.phone);
  for (const stage of codeRequestLimits(phone, ctx.ip)) await enforce(deps.db, deps.now(), stage, CODE_REQUESTS);
  const code = newSmsCode();
  const expiresAt = new Date(deps.now().getTime() + CODE_TTL_MS);
  await deps.db.transaction(async (tx) => {
    await phoneAccessRepo.store(tx, phone, 'code', codeHash(deps.cipher, phone, expiresAt, code), expiresAt);
    await notifyCode(tx, deps, {
      channel: 'sms',
      recipient: phone,
      template: 'stations.worker_code',
      variables: { code },
      topic: `station-phone:${phone}`,
    });
  });
  return { sent: true as const, resendAfterSec: RESEND_AFTER_SEC };
}

/** Every attempt counts before the code is checked; a right code is spent once and clears the count. */
async function spendCode(deps: Deps, ctx: Ctx, phone: string, code: string): Promise<void> {
  await spendPhoneCode({
    db: deps.db,
    now: deps.now(),
    store: phoneAccessRepo,
    limits: codeAttemptLimits(phone, ctx.ip),
    phone,
    hashOf: (expiresAt) => codeHash(deps.cipher, phone, expiresAt, code),
  });
}

async function openSession(db: DbOrTx, deps: Deps, phone: string) {
  const token = newLinkToken();
  const expiresAt = new Date(deps.now().getTime() + SESSION_TTL_MS);
  await phoneAccessRepo.store(db, phone, 'session', sha256Hex(token), expiresAt);
  return { token, expiresAt: expiresAt.toISOString() };
}

/**
 * POST /api/public/stations/:code/register. A phone already registered keeps its worker (and its
 * door PIN): the kind of work and platform are brought up to date, nothing is duplicated.
 */
export async function registerWorker(
  deps: Deps,
  ctx: Ctx,
  stationCode: string,
  body: Registration,
): Promise<WorkerPass> {
  const station = await stationRepo.byCode(deps.db, stationCode);
  if (!station || station.status === 'closed') throw errors.notFound('站点', 'Station');
  const phone = normalizeMobile(body.phone);
  await spendCode(deps, ctx, phone, body.code);
  const now = deps.now();
  const session = await deps.db.transaction(async (tx) => {
    const existing = await workerRepo.byPhone(tx, phone);
    if (existing) {
      await workerRepo.update(tx, existing.id, {
        occupation: body.occupation,
        platform: body.platform ?? existing.platform,
        version: existing.version + 1,
        updatedAt: now,
      });
      await writeAudit(tx, ctx, {
        action: 'station_worker.updated',
        entityType: 'station_worker',
        entityId: existing.id,
        regionCode: station.regionCode,
        before: { occupation: existing.occupation, platform: existing.platform },
        after: { occupation: body.occupation, platform: body.platform ?? existing.platform, atStation: station.code },
      });
      return openSession(tx, deps, phone);
    }
    const person = await findPersonByPhoneAndName(tx, phone, body.name);
    const personId =
      person?.id ??
      (await createPersonForIntake(tx, deps, ctx, { name: body.name, phone, regionCode: station.regionCode }));
    const row = await workerRepo.insert(tx, {
      personId,
      phone,
      occupation: body.occupation,
      platform: body.platform ?? null,
      registeredStationId: station.id,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      consentedAt: now,
    });
    if (!row)
      throw errors.conflict(
        '该手机号已在登记中，请稍后重试',
        'This phone is being registered; try again shortly',
        'phone',
      );
    // The station's own door terminals learn the new PIN at their next heartbeat.
    const terminals = await deviceRepo.admsOfStation(tx, station.id);
    await commandRepo.queue(
      tx,
      terminals.map((d) => d.id),
      { kind: 'enrol_user', pin: String(row.pin), name: body.name },
    );
    await writeAudit(tx, ctx, {
      action: 'station_worker.registered',
      entityType: 'station_worker',
      entityId: row.id,
      regionCode: station.regionCode,
      after: {
        personId,
        phone,
        occupation: row.occupation,
        platform: row.platform,
        station: station.code,
        privacyNotice: PRIVACY_NOTICE_VERSION,
      },
    });
    return openSession(tx, deps, phone);
  });
  return { ...(await passOf(deps, phone)), ...session };
}

/** POST /api/public/stations/sign-in: a registered worker's pass on a new phone or after the session ended. */
export async function signInWorker(deps: Deps, ctx: Ctx, body: { phone: string; code: string }): Promise<WorkerPass> {
  const phone = normalizeMobile(body.phone);
  await spendCode(deps, ctx, phone, body.code);
  if (!(await workerRepo.byPhone(deps.db, phone)))
    throw errors.notFound(
      '该手机号的驿站登记（请在驿站扫码登记）',
      'Station registration for this phone (register from a station’s QR)',
    );
  const session = await openSession(deps.db, deps, phone);
  return { ...(await passOf(deps, phone)), ...session };
}

/** The phone a session token (X-Station-Token) proves. */
async function sessionPhone(deps: Deps, header: string | string[] | undefined): Promise<string> {
  const token = typeof header === 'string' ? header : undefined;
  if (!token) throw new AppError('UNAUTHENTICATED', '请先用验证码登录', 'Verify with the SMS code first');
  const row = await phoneAccessRepo.byHash(deps.db, sha256Hex(token));
  if (!row || row.kind !== 'session' || row.expiresAt <= deps.now())
    throw new AppError(
      'UNAUTHENTICATED',
      '登录已过期，请重新获取验证码',
      'The session has expired; request a new code',
    );
  return row.phone;
}

/** The registered worker a phone's session token proves (the message board's poster). */
export async function workerIdOfSession(deps: Deps, header: string | string[] | undefined): Promise<string> {
  const worker = await workerRepo.byPhone(deps.db, await sessionPhone(deps, header));
  if (!worker) throw errors.notFound('驿站登记', 'Station registration');
  return worker.id;
}

/** GET /api/public/stations/me */
export async function ownPass(deps: Deps, header: string | string[] | undefined): Promise<WorkerPass> {
  return passOf(deps, await sessionPhone(deps, header));
}

async function passOf(deps: Deps, phone: string): Promise<WorkerPass> {
  const worker = await workerRepo.byPhone(deps.db, phone);
  if (!worker) throw errors.notFound('驿站登记', 'Station registration');
  const visits = await workerRepo.recentVisits(deps.db, worker.id, 10);
  return {
    name: worker.name,
    phoneMasked: maskMobile(worker.phone),
    occupation: worker.occupation,
    platform: worker.platform,
    pin: worker.pin,
    passCode: passCodeOf(deps.cipher, worker),
    registeredAt: worker.createdAt.toISOString(),
    registeredStation: { code: worker.registeredStationCode, name: worker.registeredStationName },
    visits: visits.map((v) => ({
      stationName: v.stationName,
      occurredAt: v.occurredAt.toISOString(),
      method: v.method,
    })),
    hasFacePhoto: worker.hasFacePhoto,
  };
}
