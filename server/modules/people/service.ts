import { eq } from 'drizzle-orm';
import { writeAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { assertInScope, requireActor, requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import { maskResidentIdParts, normalizeResidentId, validateResidentId } from '../../core/identifiers/resident-id.js';
import { offsetOf, type PageQuery } from '../../core/paging.js';
import type { DbOrTx } from '../../db/client.js';
import { regionRepo } from '../regions/repository.js';
import { personRepo } from './repository.js';
import type { PersonDto, PersonInput } from './schemas.js';
import { people } from './tables.js';

type PersonRow = NonNullable<Awaited<ReturnType<typeof personRepo.byId>>>;

/** The masked form is built from the stored head and tail; the full number stays encrypted. */
export function toPersonDto(row: PersonRow): PersonDto {
  const { residentIdHead, residentIdTail, ...rest } = row;
  return {
    ...rest,
    residentIdMasked: maskResidentIdParts(residentIdHead, residentIdTail),
  };
}

const RESIDENT_ID_QUERY = /^\d{17}[\dXx]$/;
const PHONE_QUERY = /^1\d{10}$/;

/** A search text holding a resident ID, a phone or any long run of digits (which no name has). */
export function looksLikeNumber(q: string | undefined): boolean {
  return !!q && /\d{6,}/.test(q);
}

export async function listPeople(deps: Deps, ctx: Ctx, filter: { q?: string; regionCode?: string }, page: PageQuery) {
  const actor = requirePermission(ctx, 'people:read');
  const q = filter.q?.trim();
  const byId = q && RESIDENT_ID_QUERY.test(q);
  const byPhone = q && PHONE_QUERY.test(q);
  const { items, total } = await personRepo.list(
    deps.db,
    {
      scope: actor.regionCode,
      regionCode: filter.regionCode,
      residentIdHash: byId ? deps.cipher.searchHash(normalizeResidentId(q)) : undefined,
      phone: byPhone ? q : undefined,
      name: q && !byId && !byPhone ? q : undefined,
    },
    page.pageSize,
    offsetOf(page),
  );
  return { items: items.map(toPersonDto), total, ...page };
}

export async function getPerson(deps: Deps, ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const isSelf = actor.personId === id;
  if (!isSelf) requirePermission(ctx, 'people:read');
  const row = await personRepo.byId(deps.db, id);
  if (!row) throw errors.notFound('人员', 'Person');
  if (!isSelf) assertInScope(actor, row.regionCode);
  return toPersonDto(row);
}

export async function getOwnPerson(deps: Deps, ctx: Ctx) {
  const actor = requirePermission(ctx, 'self:read');
  if (!actor.personId) throw errors.notFound('本人档案', 'Own record');
  return getPerson(deps, ctx, actor.personId);
}

/** Showing the full ID is allowed for some roles only, and always leaves an audit record. */
export async function revealResidentId(deps: Deps, ctx: Ctx, id: string): Promise<{ residentId: string | null }> {
  const actor = requirePermission(ctx, 'people:reveal_id');
  const row = await personRepo.raw(deps.db, id);
  if (!row) throw errors.notFound('人员', 'Person');
  assertInScope(actor, row.regionCode);
  const residentId = row.residentIdEnc ? deps.cipher.decrypt(row.residentIdEnc) : null;
  await deps.db.transaction((tx) =>
    writeAudit(tx, ctx, {
      action: 'person.resident_id_revealed',
      entityType: 'person',
      entityId: id,
      regionCode: row.regionCode,
    }),
  );
  return { residentId };
}

async function prepare(deps: Deps, ctx: Ctx, input: PersonInput, selfId?: string) {
  const actor = requirePermission(ctx, 'people:manage');
  if (!(await regionRepo.byCode(deps.db, input.regionCode)))
    throw errors.validation('regionCode', '行政区划代码不存在', 'Unknown region code');
  assertInScope(actor, input.regionCode);
  const { residentId: rawId, ...rest } = input;
  if (!rawId) return { ...rest, phone: rest.phone ?? null };
  const residentId = normalizeResidentId(rawId);
  const check = validateResidentId(residentId, deps.now());
  if (!check.ok) throw errors.validation('residentId', check.message, check.messageEn);
  const residentIdHash = deps.cipher.searchHash(residentId);
  const existing = await personRepo.byResidentIdHash(deps.db, residentIdHash);
  if (existing && existing.id !== selfId)
    throw errors.conflict('该身份证号已登记', 'This resident ID is already registered', 'residentId');
  return {
    ...rest,
    phone: rest.phone ?? null,
    residentIdEnc: deps.cipher.encrypt(residentId),
    residentIdHash,
    residentIdHead: residentId.slice(0, 4),
    residentIdTail: residentId.slice(-4),
    sex: check.sex,
    birthDate: check.birthDate,
  };
}

export async function createPerson(deps: Deps, ctx: Ctx, input: PersonInput) {
  const values = await prepare(deps, ctx, input);
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx.insert(people).values(values).returning();
    if (!row) throw new AppError('INTERNAL', '创建失败', 'Create failed');
    await writeAudit(tx, ctx, {
      action: 'person.created',
      entityType: 'person',
      entityId: row.id,
      regionCode: row.regionCode,
      after: { ...row, residentId: input.residentId ?? null },
    });
    return row.id;
  });
  return getPerson(deps, ctx, id);
}

export async function updatePerson(deps: Deps, ctx: Ctx, id: string, input: PersonInput) {
  const actor = requirePermission(ctx, 'people:manage');
  const before = await personRepo.raw(deps.db, id);
  if (!before) throw errors.notFound('人员', 'Person');
  assertInScope(actor, before.regionCode);
  const values = await prepare(deps, ctx, input, id);
  await deps.db.transaction(async (tx) => {
    const [after] = await tx
      .update(people)
      .set({ ...values, updatedAt: deps.now() })
      .where(eq(people.id, id))
      .returning();
    await writeAudit(tx, ctx, {
      action: 'person.updated',
      entityType: 'person',
      entityId: id,
      regionCode: values.regionCode,
      before,
      after,
    });
  });
  return getPerson(deps, ctx, id);
}

// ---- Intake (disputes module) ----------------------------------------------------------------
// A case's intake has checked its own permission (a mediator at the counter, or the worker
// online); these functions only find or record the person, in the intake's transaction.

/** The person registered with this resident ID (already validated by the caller), if any. */
export async function findPersonByResidentId(db: DbOrTx, deps: Deps, residentId: string) {
  return personRepo.byResidentIdHash(db, deps.cipher.searchHash(normalizeResidentId(residentId)));
}

/** A person without a resident ID on file is recognised by phone and name together. */
export async function findPersonByPhoneAndName(db: DbOrTx, phone: string, name: string) {
  return personRepo.byPhoneAndName(db, phone, name);
}

/**
 * Records a person named by an intake, with the audit record every new person gets. The
 * resident ID, when given, is stored encrypted; `field` names it in the error when it is invalid.
 */
export async function createPersonForIntake(
  tx: DbOrTx,
  deps: Deps,
  ctx: Ctx,
  input: { name: string; phone: string; regionCode: string; residentId?: string | null },
  field = 'residentId',
): Promise<string> {
  let idColumns = {};
  if (input.residentId) {
    const residentId = normalizeResidentId(input.residentId);
    const check = validateResidentId(residentId, deps.now());
    if (!check.ok) throw errors.validation(field, check.message, check.messageEn);
    idColumns = {
      residentIdEnc: deps.cipher.encrypt(residentId),
      residentIdHash: deps.cipher.searchHash(residentId),
      residentIdHead: residentId.slice(0, 4),
      residentIdTail: residentId.slice(-4),
      sex: check.sex,
      birthDate: check.birthDate,
    };
  }
  const [row] = await tx
    .insert(people)
    .values({ name: input.name, phone: input.phone, regionCode: input.regionCode, ...idColumns })
    .returning();
  if (!row) throw new AppError('INTERNAL', '创建失败', 'Create failed');
  await writeAudit(tx, ctx, {
    action: 'person.created',
    entityType: 'person',
    entityId: row.id,
    regionCode: row.regionCode,
    after: { ...row, residentId: input.residentId ?? null },
  });
  return row.id;
}
