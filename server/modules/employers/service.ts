import type { z } from 'zod';
import type { EmployerInput, employerPageSchema, employerSchema } from '../../../contracts/employers.js';
import { writeAudit, writeAuditMany } from '../../core/audit.js';
import type { Actor, Ctx } from '../../core/context.js';
import { assertInScope, requirePermission } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { AppError, errors } from '../../core/errors.js';
import { normalizeUscc, validateUscc } from '../../core/identifiers/uscc.js';
import { offsetOf, splitPage } from '../../core/paging.js';
import type { DbOrTx } from '../../db/client.js';
import { regionRepo } from '../regions/repository.js';
import { employerBulkRepo, employerRepo, type EmployerRow } from './repository.js';
import type { EmployerListQuery } from './schemas.js';

type EmployerAnswer = z.infer<typeof employerSchema>;

/** An employer's own agent sees only that employer, wherever it is registered. */
function ownOnly(actor: Actor): string | null {
  return actor.roles.includes('employer_agent') && actor.roles.length === 1
    ? (actor.employerId ?? '00000000-0000-0000-0000-000000000000')
    : null;
}

export async function listEmployers(
  deps: Deps,
  ctx: Ctx,
  query: EmployerListQuery,
): Promise<z.infer<typeof employerPageSchema>> {
  const actor = requirePermission(ctx, 'employers:read');
  const { page, filter } = splitPage(query);
  const { items, total } = await employerRepo.list(
    deps.db,
    { ...filter, scope: actor.regionCode, onlyId: ownOnly(actor) },
    page.pageSize,
    offsetOf(page),
  );
  return { items, total, ...page };
}

export async function getEmployer(deps: Deps, ctx: Ctx, id: string): Promise<EmployerAnswer> {
  const actor = requirePermission(ctx, 'employers:read');
  const row = await employerRepo.byId(deps.db, id);
  if (!row) throw errors.notFound('用人单位', 'Employer');
  const own = ownOnly(actor);
  if (own && own !== id) throw errors.forbidden();
  if (!own) assertInScope(actor, row.regionCode);
  return row;
}

/** Format errors are refused; a failing check character needs the user's explicit acceptance. */
async function checkInput(db: DbOrTx, actor: Actor, input: EmployerInput, selfId?: string) {
  const uscc = normalizeUscc(input.uscc);
  const check = validateUscc(uscc);
  if (!check.ok && check.reason === 'format') throw errors.validation('uscc', check.message, check.messageEn);
  const warning = !check.ok;
  if (warning && !input.acceptUsccWarning) {
    throw new AppError(
      'CONFIRMATION_REQUIRED',
      `${check.message}。部分早期代码确实如此，请核对营业执照；如确认无误，请点击“仍然保存”。`,
      `${check.messageEn}. Some older codes really fail the check: compare with the licence and confirm to keep it.`,
      'uscc',
    );
  }
  if (!(await regionRepo.byCode(db, input.regionCode)))
    throw errors.validation('regionCode', '行政区划代码不存在', 'Unknown region code');
  assertInScope(actor, input.regionCode);
  const existing = await employerRepo.byUscc(db, uscc);
  if (existing && existing.id !== selfId)
    throw errors.conflict(
      `统一社会信用代码 ${uscc} 已登记为「${existing.name}」`,
      `USCC ${uscc} is already registered to another employer`,
      'uscc',
    );
  const { acceptUsccWarning: _accepted, ...rest } = input;
  return { ...rest, uscc, usccCheckWarning: warning };
}

export async function createEmployer(deps: Deps, ctx: Ctx, input: EmployerInput): Promise<EmployerAnswer> {
  const actor = requirePermission(ctx, 'employers:manage');
  const values = await checkInput(deps.db, actor, input);
  const id = await deps.db.transaction((tx) => insertWithAudit(tx, ctx, values));
  return getEmployer(deps, ctx, id);
}

export async function updateEmployer(deps: Deps, ctx: Ctx, id: string, input: EmployerInput): Promise<EmployerAnswer> {
  const actor = requirePermission(ctx, 'employers:manage');
  const before = await employerRepo.raw(deps.db, id);
  if (!before) throw errors.notFound('用人单位', 'Employer');
  assertInScope(actor, before.regionCode);
  const values = await checkInput(deps.db, actor, input, id);
  await deps.db.transaction(async (tx) => {
    const after = await employerRepo.update(tx, id, { ...values, updatedAt: deps.now() });
    await writeAudit(tx, ctx, {
      action: 'employer.updated',
      entityType: 'employer',
      entityId: id,
      regionCode: values.regionCode,
      before,
      after,
    });
  });
  return getEmployer(deps, ctx, id);
}

// ---- Intake (disputes module) ----------------------------------------------------------------

export interface IntakeEmployer {
  name: string;
  uscc: string;
  regionCode: string;
  industryCode: string;
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  /** The mediator compared a code that fails its check character with the licence and keeps it. */
  acceptUsccWarning?: boolean;
}

/**
 * The employer a case names by its USCC: the registered one, or (when `create`) a new record
 * with the audit record every new employer gets. A code that fails only its check character is
 * kept with the warning flag, for the mediator to compare with the licence. Returns null when
 * the employer is not registered and may not be created here. The caller (a case's intake) has
 * checked its own permission; `field` names the code in the error.
 */
export async function employerForIntake(
  tx: DbOrTx,
  ctx: Ctx,
  input: IntakeEmployer,
  opts: { create: boolean; field: string },
): Promise<string | null> {
  const uscc = normalizeUscc(input.uscc);
  const check = validateUscc(uscc);
  if (!check.ok && check.reason === 'format') throw errors.validation(opts.field, check.message, check.messageEn);
  const existing = await employerRepo.byUscc(tx, uscc);
  if (existing) return existing.id;
  if (!opts.create) return null;
  // The same warning flow as the employer page: a failing check character is kept only when confirmed.
  if (!check.ok && !input.acceptUsccWarning)
    throw new AppError(
      'CONFIRMATION_REQUIRED',
      `${input.name}：${check.message}。部分早期代码确实如此，请核对营业执照；如确认无误，请确认后再提交。`,
      `${input.name}: ${check.messageEn}. Some older codes really fail the check: compare with the licence and confirm to keep it.`,
      opts.field,
    );
  const values = {
    uscc,
    usccCheckWarning: !check.ok,
    name: input.name,
    regionCode: input.regionCode,
    industryCode: input.industryCode,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    contactEmail: input.contactEmail ?? null,
  };
  return insertWithAudit(tx, ctx, values);
}

/** A new employer row with the audit record every new employer gets, in the caller's transaction. */
async function insertWithAudit(tx: DbOrTx, ctx: Ctx, values: Parameters<typeof employerRepo.insert>[1]) {
  const row = await employerRepo.insert(tx, values);
  if (!row) throw new AppError('INTERNAL', '创建失败', 'Create failed');
  await writeAudit(tx, ctx, {
    action: 'employer.created',
    entityType: 'employer',
    entityId: row.id,
    regionCode: row.regionCode,
    after: row,
  });
  return row.id;
}

/** An employer chosen from the register by id; `field` names it when it does not exist. */
export async function employerExists(db: DbOrTx, id: string, field: string): Promise<string> {
  const row = await employerRepo.raw(db, id);
  if (!row) throw errors.validation(field, '用人单位不存在', 'Employer not found');
  return row.id;
}

/** Who the register knows by a USCC, and the phone it has for them (fee refunds' code by SMS). */
export interface EmployerContact {
  id: string;
  uscc: string;
  name: string;
  contactPhone: string | null;
}

const contactOf = (row: { id: string; uscc: string; name: string; contactPhone: string | null }): EmployerContact => ({
  id: row.id,
  uscc: row.uscc,
  name: row.name,
  contactPhone: row.contactPhone,
});

/** The employer registered under a USCC (normalized), with its contact phone; null for none. */
export async function employerContactByUscc(db: DbOrTx, uscc: string): Promise<EmployerContact | null> {
  const row = await employerRepo.byUscc(db, uscc);
  return row ? contactOf(row) : null;
}

/** The employer of an id (an employer agent's own), with its USCC; null for none. */
export async function employerContactById(db: DbOrTx, id: string): Promise<EmployerContact | null> {
  const row = await employerRepo.raw(db, id);
  return row ? contactOf(row) : null;
}

// ---- Bulk registration by another module's import (fee refunds) ------------------------------

export interface RegisteredEmployer {
  id: string;
  uscc: string;
  name: string;
  regionCode: string;
  updatedAt: Date;
}

/** The register's employers with these USCCs (normalized), by USCC. */
export async function employersByUscc(db: DbOrTx, usccs: string[]): Promise<Map<string, RegisteredEmployer>> {
  const rows = await employerBulkRepo.byUsccs(db, [...new Set(usccs)]);
  return new Map(
    rows.map((e) => [
      e.uscc,
      { id: e.id, uscc: e.uscc, name: e.name, regionCode: e.regionCode, updatedAt: e.updatedAt },
    ]),
  );
}

export interface EmployerToRegister {
  uscc: string;
  name: string;
  regionCode: string;
  industryCode: string;
  /** The check character fails and the importer accepted it (the register flags it, as the form does). */
  usccCheckWarning: boolean;
}

/**
 * The register's employer for each enterprise of an import, registering those not there yet with
 * the audit record every new employer gets, in the caller's transaction. An employer already
 * registered is found by its USCC and left as it is: the register keeps its own name and details.
 * The caller has checked the codes (format, accepted warnings), the regions and its scope.
 */
export async function registerEmployersForImport(
  tx: DbOrTx,
  ctx: Ctx,
  items: EmployerToRegister[],
  now: Date,
): Promise<Map<string, { id: string; created: boolean }>> {
  const found = await employersByUscc(
    tx,
    items.map((i) => i.uscc),
  );
  const out = new Map([...found].map(([uscc, e]) => [uscc, { id: e.id, created: false }]));
  const fresh = [...new Map(items.filter((i) => !found.has(i.uscc)).map((i) => [i.uscc, i])).values()];
  const inserted = await employerBulkRepo.insertMany(
    tx,
    fresh.map((i) => ({
      ...i,
      address: null,
      contactName: null,
      contactPhone: null,
      contactEmail: null,
    })),
    now,
  );
  const byUscc = new Map(fresh.map((i) => [i.uscc, i]));
  for (const r of inserted) out.set(r.uscc, { id: r.id, created: true });
  await writeAuditMany(
    tx,
    ctx,
    inserted.map((r) => {
      const values = byUscc.get(r.uscc)!;
      return {
        action: 'employer.created',
        entityType: 'employer',
        entityId: r.id,
        regionCode: values.regionCode,
        after: { id: r.id, ...values },
      };
    }),
  );
  return out;
}

/**
 * Takes back employers an import registered, when that import is rolled back: each is deleted
 * with an audit record, unless a case or an account names it by now or it was changed after
 * `since` (the import's commit), in which case it stays in the register. Answers the ids kept.
 */
export async function removeImportedEmployers(tx: DbOrTx, ctx: Ctx, ids: string[], since: Date): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await employerBulkRepo.rawByIds(tx, ids);
  const used = await employerBulkRepo.usedIds(tx, ids);
  const keep = (e: EmployerRow) => used.has(e.id) || e.updatedAt.getTime() > since.getTime();
  const removed = rows.filter((e) => !keep(e));
  await employerBulkRepo.deleteByIds(
    tx,
    removed.map((e) => e.id),
  );
  await writeAuditMany(
    tx,
    ctx,
    removed.map((e) => ({
      action: 'employer.deleted',
      entityType: 'employer',
      entityId: e.id,
      regionCode: e.regionCode,
      before: e,
    })),
  );
  return rows.filter(keep).map((e) => e.id);
}
