import type { z } from 'zod';
import type {
  PersonInput,
  PersonSearchBody,
  personPageSchema,
  personSchema,
  revealedResidentIdSchema,
} from '../../../contracts/people.js';
import { writeAudit, writeAuditMany } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { assertInScope, requireActor, requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import { maskResidentIdParts, normalizeResidentId, validateResidentId } from '../../core/identifiers/resident-id.js';
import { offsetOf, splitPage, type PageQuery } from '../../core/paging.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { regionRepo } from '../regions/repository.js';
import { personImportRepo, type PeopleRowsOfImport } from './import-repository.js';
import { personRepo } from './repository.js';
import type { PersonListQuery } from './schemas.js';

type PersonAnswer = z.infer<typeof personSchema>;
type PersonPage = z.infer<typeof personPageSchema>;
type PersonRow = NonNullable<Awaited<ReturnType<typeof personRepo.byId>>>;

/** The masked form is built from the stored head and tail; the full number stays encrypted. */
export function toPersonDto(row: PersonRow): PersonAnswer {
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

/** GET /api/people: by name and region. */
export async function listPeople(deps: Deps, ctx: Ctx, query: PersonListQuery): Promise<PersonPage> {
  // URLs end up in access logs, proxies and browser history: numbers go in a POST body.
  if (looksLikeNumber(query.q)) {
    throw errors.validation(
      'q',
      '按身份证号或手机号查找请用 POST /api/people/search（号码不应出现在网址中）',
      'Search by resident ID or phone with POST /api/people/search (such numbers must not appear in URLs)',
    );
  }
  const { page, filter } = splitPage(query);
  return findPeople(deps, ctx, filter, page);
}

/** POST /api/people/search: by name, resident ID or phone. */
export async function searchPeople(deps: Deps, ctx: Ctx, body: PersonSearchBody): Promise<PersonPage> {
  const { page, filter } = splitPage(body);
  return findPeople(deps, ctx, filter, page);
}

async function findPeople(
  deps: Deps,
  ctx: Ctx,
  filter: { q?: string; regionCode?: string },
  page: PageQuery,
): Promise<PersonPage> {
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

export async function getPerson(deps: Deps, ctx: Ctx, id: string): Promise<PersonAnswer> {
  const actor = requireActor(ctx);
  const isSelf = actor.personId === id;
  if (!isSelf) requirePermission(ctx, 'people:read');
  const row = await personRepo.byId(deps.db, id);
  if (!row) throw errors.notFound('人员', 'Person');
  if (!isSelf) assertInScope(actor, row.regionCode);
  return toPersonDto(row);
}

export async function getOwnPerson(deps: Deps, ctx: Ctx): Promise<PersonAnswer> {
  const actor = requirePermission(ctx, 'self:read');
  if (!actor.personId) throw errors.notFound('本人档案', 'Own record');
  return getPerson(deps, ctx, actor.personId);
}

/** Showing the full ID is allowed for some roles only, and always leaves an audit record. */
export async function revealResidentId(
  deps: Deps,
  ctx: Ctx,
  id: string,
): Promise<z.infer<typeof revealedResidentIdSchema>> {
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

/**
 * The columns a valid resident ID is kept in: encrypted, its keyed hash for finding it, the head
 * and tail for the masked form, and the sex and birth date it encodes. `field` names it in the error.
 */
export function residentIdColumns(deps: Deps, rawId: string, field: string) {
  const residentId = normalizeResidentId(rawId);
  const check = validateResidentId(residentId, deps.now());
  if (!check.ok) throw errors.validation(field, check.message, check.messageEn);
  return {
    residentIdEnc: deps.cipher.encrypt(residentId),
    residentIdHash: deps.cipher.searchHash(residentId),
    residentIdHead: residentId.slice(0, 4),
    residentIdTail: residentId.slice(-4),
    sex: check.sex,
    birthDate: check.birthDate,
  };
}

async function prepare(deps: Deps, ctx: Ctx, input: PersonInput, selfId?: string) {
  const actor = requirePermission(ctx, 'people:manage');
  if (!(await regionRepo.byCode(deps.db, input.regionCode)))
    throw errors.validation('regionCode', '行政区划代码不存在', 'Unknown region code');
  assertInScope(actor, input.regionCode);
  const { residentId: rawId, ...rest } = input;
  if (!rawId) return { ...rest, phone: rest.phone ?? null };
  const idColumns = residentIdColumns(deps, rawId, 'residentId');
  const existing = await personRepo.byResidentIdHash(deps.db, idColumns.residentIdHash);
  if (existing && existing.id !== selfId)
    throw errors.conflict('该身份证号已登记', 'This resident ID is already registered', 'residentId');
  return { ...rest, phone: rest.phone ?? null, ...idColumns };
}

export async function createPerson(deps: Deps, ctx: Ctx, input: PersonInput): Promise<PersonAnswer> {
  const values = await prepare(deps, ctx, input);
  const id = await deps.db.transaction((tx) => insertWithAudit(tx, ctx, values, input.residentId ?? null));
  return getPerson(deps, ctx, id);
}

export async function updatePerson(deps: Deps, ctx: Ctx, id: string, input: PersonInput): Promise<PersonAnswer> {
  const actor = requirePermission(ctx, 'people:manage');
  const before = await personRepo.raw(deps.db, id);
  if (!before) throw errors.notFound('人员', 'Person');
  assertInScope(actor, before.regionCode);
  const values = await prepare(deps, ctx, input, id);
  await deps.db.transaction(async (tx) => {
    const after = await personRepo.update(tx, id, { ...values, updatedAt: deps.now() });
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

/** The person whose resident ID has this keyed hash (the caller hashed a validated ID). */
export async function findPersonByIdHash(db: DbOrTx, residentIdHash: string) {
  return personRepo.byResidentIdHash(db, residentIdHash);
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
  const idColumns = input.residentId ? residentIdColumns(deps, input.residentId, field) : {};
  const values = { name: input.name, phone: input.phone, regionCode: input.regionCode, ...idColumns };
  return insertWithAudit(tx, ctx, values, input.residentId ?? null);
}

/**
 * A new person row with the audit record every new person gets, in the caller's transaction.
 * The audit record carries the resident ID as given (the audit writer masks it).
 */
async function insertWithAudit(
  tx: DbOrTx,
  ctx: Ctx,
  values: Parameters<typeof personRepo.insert>[1],
  residentId: string | null,
): Promise<string> {
  const row = await personRepo.insert(tx, values);
  if (!row) throw new AppError('INTERNAL', '创建失败', 'Create failed');
  await writeAudit(tx, ctx, {
    action: 'person.created',
    entityType: 'person',
    entityId: row.id,
    regionCode: row.regionCode,
    after: { ...row, residentId },
  });
  return row.id;
}

// ---- Imports of other modules (membership insurance) ----------------------------------------
// The importing module has checked its permission, the rows and its scope; these functions find
// people by the keyed hash of their resident IDs and register the ones not there yet, a chunk at
// a time in the import's transaction, each new person with the audit record every new person gets.

/** The columns a valid resident ID is kept in (`residentIdColumns`). */
export type ResidentIdColumns = ReturnType<typeof residentIdColumns>;

export type { PeopleRowsOfImport } from './import-repository.js';

/** The registered people among these resident-ID hashes: one query for a batch. */
export async function peopleByResidentIdHashes(db: DbOrTx, hashes: string[]) {
  const rows = await personRepo.byResidentIdHashes(db, hashes);
  return new Map(rows.map((r) => [r.residentIdHash!, { id: r.id, name: r.name, regionCode: r.regionCode }]));
}

/**
 * Registers the people of an import's rows (a chunk of the pipeline's bulk lane) whose resident ID
 * is not registered yet, in the import's transaction and in one statement: the rows are a query
 * of the importing module's staging table (`PeopleRowsOfImport`: the person's columns, the ID as
 * `residentIdColumns` sealed it, and the row number), the first row of an ID names the person, a
 * registered person keeps their own name, phone and region. Each new person carries the import
 * (`registered_by_import`, which `removePeopleRegisteredBy` takes back) and gets the audit record
 * every new person gets (`person.created`, numbers masked), written by the same statement.
 * Answers how many were registered; the caller finds them by the hash of their IDs.
 */
export async function registerImportedPeople(
  tx: DbOrTx,
  ctx: Ctx,
  source: PeopleRowsOfImport,
  now: Date,
): Promise<number> {
  return personImportRepo.registerFrom(tx, ctx, source, now);
}

/** People taken back a page at a time: each page's rows, ids and audit records stay small. */
const REMOVE_PAGE = 5000;

/**
 * Takes back the people an import registered (`registerImportedPeople`) when it is rolled back,
 * by the rule of `removeImportedPeople`: kept when something else points at them by now or they
 * changed after `since` (the import's commit). Answers how many were kept.
 */
export async function removePeopleRegisteredBy(tx: Tx, ctx: Ctx, importId: string, since: Date): Promise<number> {
  let kept = 0;
  for (let after: string | null = null; ;) {
    const ids = await personImportRepo.registeredBy(tx, importId, after, REMOVE_PAGE);
    if (!ids.length) return kept;
    after = ids[ids.length - 1]!;
    kept += (await removeImportedPeople(tx, ctx, ids, since)).length;
  }
}

/**
 * Takes back people an import registered, when that import is rolled back: each is deleted with
 * an audit record, unless a record of another table points at them by now or they were changed
 * after `since` (the import's commit); those stay. `ids` may name records other than people (the
 * import's own): only people are looked at. Answers the ids kept.
 */
export async function removeImportedPeople(tx: Tx, ctx: Ctx, ids: string[], since: Date): Promise<string[]> {
  const rows = await personRepo.rawByIds(tx, ids);
  const unchanged = rows.filter((p) => p.updatedAt.getTime() <= since.getTime());
  const deleted = new Set(
    await personRepo.deleteUnreferenced(
      tx,
      unchanged.map((p) => p.id),
    ),
  );
  await writeAuditMany(
    tx,
    ctx,
    rows
      .filter((p) => deleted.has(p.id))
      .map((p) => ({
        action: 'person.deleted',
        entityType: 'person',
        entityId: p.id,
        regionCode: p.regionCode,
        before: { ...p, residentId: maskResidentIdParts(p.residentIdHead, p.residentIdTail) },
      })),
  );
  return rows.filter((p) => !deleted.has(p.id)).map((p) => p.id);
}

// ---- Case corrections (disputes module) ------------------------------------------------------

/**
 * A mediator corrected the worker's name or phone on a case (a typing error at intake, a new
 * number): the person record follows, in the correction's transaction, with its own audit record.
 * The disputes module has checked the mediator's access to the case.
 */
export async function correctPersonFromCase(
  tx: DbOrTx,
  deps: Deps,
  ctx: Ctx,
  personId: string,
  change: { name?: string; phone?: string },
): Promise<void> {
  const before = await personRepo.raw(tx, personId);
  if (!before) return;
  const values = {
    ...(change.name && change.name !== before.name ? { name: change.name } : {}),
    ...(change.phone && change.phone !== before.phone ? { phone: change.phone } : {}),
  };
  if (Object.keys(values).length === 0) return;
  const after = await personRepo.update(tx, personId, { ...values, updatedAt: deps.now() });
  await writeAudit(tx, ctx, {
    action: 'person.updated',
    entityType: 'person',
    entityId: personId,
    regionCode: before.regionCode,
    before: { name: before.name, phone: before.phone },
    after: { name: after?.name, phone: after?.phone },
  });
}
