import { z } from 'zod';
import { SIZE_CATEGORIES, SIZE_CLASSES } from '../../../../contracts/fee-refunds/codes.js';
import { feeNoteSchema } from '../../../../contracts/fee-refunds/responses.js';
import { writeAuditMany, type AuditEntry } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import type { Deps } from '../../../core/deps.js';
import type { Tx } from '../../../db/client.js';
import { registerEmployersForImport, removeImportedEmployers } from '../../employers/service.js';
import type { CommitOutcome, ImportRun, StagedRow } from '../../imports/define.js';
import { classify, SIZE_STANDARDS_2011 } from '../rules/size-class.js';
import { feeEnterpriseRepo, type FeeEnterpriseRow } from './repository.js';
import type { EnterpriseImportRow } from './row.js';

// The enterprise registry import's writes: the commit of a batch (employers found or registered
// through the employers module, profiles inserted or updated with the size class computed by the
// rules, each write audited) and its rollback.

/** What an import writes of a profile: everything but its employer and its bookkeeping. */
const profileSchema = z.object({
  regionCode: z.string(),
  industryCode: z.string(),
  employees: z.number().int().nullable(),
  revenueFen: z.number().int().nullable(),
  assetsFen: z.number().int().nullable(),
  hasUnion: z.boolean(),
  unionEstablishedOn: z.string().nullable(),
  unionBankCode: z.string().nullable(),
  unionAccountNo: z.string().nullable(),
  unionAccountName: z.string().nullable(),
  payingBankCode: z.string().nullable(),
  payingAccountNo: z.string().nullable(),
  payingAccountName: z.string().nullable(),
  sizeClass: z.enum(SIZE_CLASSES).nullable(),
  sizeCategory: z.enum(SIZE_CATEGORIES).nullable(),
  sizeNotes: z.array(feeNoteSchema),
  sizeStandard: z.string(),
});
type Profile = z.infer<typeof profileSchema>;
const PROFILE_FIELDS = Object.keys(profileSchema.shape) as (keyof Profile)[];

/** The before-image kept for a rollback: the profile as it was, with its version and change time. */
const beforeImageSchema = profileSchema.extend({ version: z.number().int(), updatedAt: z.string() });

/** The profile a row describes, with its size class by 工信部联企业〔2011〕300号 (rules/size-class.ts). */
export function profileOf(row: EnterpriseImportRow): Profile {
  const size = classify({
    industryCode: row.industryCode,
    employees: row.employees ?? null,
    revenueFen: row.revenueFen ?? null,
    assetsFen: row.assetsFen ?? null,
  });
  return {
    regionCode: row.regionCode,
    industryCode: row.industryCode,
    employees: row.employees ?? null,
    revenueFen: row.revenueFen ?? null,
    assetsFen: row.assetsFen ?? null,
    hasUnion: row.hasUnion,
    unionEstablishedOn: row.unionEstablishedOn ?? null,
    unionBankCode: row.unionBankCode ?? null,
    unionAccountNo: row.unionAccountNo ?? null,
    unionAccountName: row.unionAccountName ?? null,
    payingBankCode: row.payingBankCode ?? null,
    payingAccountNo: row.payingAccountNo ?? null,
    payingAccountName: row.payingAccountName ?? null,
    sizeClass: size.sizeClass,
    sizeCategory: size.category,
    sizeNotes: size.notes,
    sizeStandard: SIZE_STANDARDS_2011.id,
  };
}

function profileFields(row: FeeEnterpriseRow): Profile {
  return Object.fromEntries(PROFILE_FIELDS.map((k) => [k, row[k]])) as Profile;
}

function sameProfile(a: Profile, b: Profile): boolean {
  return PROFILE_FIELDS.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

const audit = (action: string, id: string, regionCode: string, change: Omit<AuditEntry, 'action' | 'entityType'>) => ({
  action,
  entityType: 'fee_enterprise',
  entityId: id,
  regionCode,
  ...change,
});

/**
 * One batch of accepted rows: the employers register finds each enterprise by its USCC or
 * registers it; a profile not there yet is inserted (version 1), one that differs is updated
 * (version + 1), an equal one is left alone, so the same file again writes nothing.
 */
export async function commitEnterprises(
  deps: Deps,
  tx: Tx,
  run: ImportRun,
  rows: StagedRow<EnterpriseImportRow>[],
): Promise<CommitOutcome> {
  const now = deps.now();
  const registered = await registerEmployersForImport(
    tx,
    run.ctx,
    rows.map(({ row }) => ({
      uscc: row.uscc,
      name: row.name,
      regionCode: row.regionCode,
      industryCode: row.industryCode,
      usccCheckWarning: row.usccCheckWarning,
    })),
    now,
  );
  const employerOf = (uscc: string) => registered.get(uscc)!;
  const existing = new Map(
    (
      await feeEnterpriseRepo.byEmployerIds(
        tx,
        rows.map(({ row }) => employerOf(row.uscc).id),
      )
    ).map((p) => [p.employerId, p]),
  );
  const fresh: (Profile & { employerId: string; employerRegisteredBy: string | null })[] = [];
  const changed: { before: FeeEnterpriseRow; after: Profile }[] = [];
  for (const { row } of rows) {
    const employer = employerOf(row.uscc);
    const after = profileOf(row);
    const before = existing.get(employer.id);
    if (!before)
      fresh.push({ ...after, employerId: employer.id, employerRegisteredBy: employer.created ? run.importId : null });
    else if (!sameProfile(after, profileFields(before))) changed.push({ before, after });
  }
  const inserted = await feeEnterpriseRepo.insertMany(
    tx,
    fresh.map((p) => ({ ...p, version: 1, createdAt: now, updatedAt: now })),
  );
  for (const { before, after } of changed)
    await feeEnterpriseRepo.update(tx, before.id, { ...after, version: before.version + 1, updatedAt: now });
  const freshByEmployer = new Map(fresh.map((p) => [p.employerId, p]));
  await writeAuditMany(tx, run.ctx, [
    ...inserted.map((r) => {
      const p = freshByEmployer.get(r.employerId)!;
      return audit('fee_enterprise.created', r.id, p.regionCode, { after: { ...p, version: 1 } });
    }),
    ...changed.map(({ before, after }) =>
      audit('fee_enterprise.updated', before.id, after.regionCode, {
        before: { ...profileFields(before), version: before.version },
        after: { ...after, version: before.version + 1 },
      }),
    ),
  ]);
  return {
    inserted: inserted.length,
    updated: changed.length,
    unchanged: rows.length - inserted.length - changed.length,
    changes: [
      ...inserted.map((r) => ({ entityId: r.id, before: null })),
      ...changed.map(({ before }) => ({
        entityId: before.id,
        before: { ...profileFields(before), version: before.version, updatedAt: before.updatedAt.toISOString() },
      })),
    ],
  };
}

/**
 * Undoes one batch of a commit: refused as a whole when a profile was written after the import
 * (its version moved on); else the profiles it created are deleted (with the employers it
 * registered, which the employers register keeps when used or changed since) and the ones it
 * changed get their before-image back, version and change time included, so that an earlier
 * import can be rolled back after this one.
 */
export async function rollbackEnterprises(
  tx: Tx,
  run: ImportRun,
  changes: CommitOutcome['changes'],
  committedAt: Date,
): Promise<void> {
  const current = new Map(
    (
      await feeEnterpriseRepo.byIds(
        tx,
        changes.map((c) => c.entityId),
      )
    ).map((p) => [p.id, p]),
  );
  const restored = changes.flatMap((c) =>
    c.before ? [{ id: c.entityId, before: beforeImageSchema.parse(c.before) }] : [],
  );
  const restoredById = new Map(restored.map((r) => [r.id, r.before]));
  for (const c of changes) {
    const now = current.get(c.entityId);
    const expected = c.before === null ? 1 : restoredById.get(c.entityId)!.version + 1;
    if (now?.version !== expected)
      throw new AppError(
        'CONFLICT',
        `企业（统一社会信用代码 ${now?.uscc ?? '—'}）的登记信息在本次导入后又被修改过，不能撤销本次导入`,
        `An enterprise of this import (USCC ${now?.uscc ?? '—'}) was changed after it; the import cannot be rolled back`,
      );
  }
  const created = changes.filter((c) => c.before === null).map((c) => current.get(c.entityId)!);
  await feeEnterpriseRepo.deleteByIds(
    tx,
    created.map((p) => p.id),
  );
  await removeImportedEmployers(
    tx,
    run.ctx,
    created.filter((p) => p.employerRegisteredBy === run.importId).map((p) => p.employerId),
    committedAt,
  );
  for (const { id, before } of restored) {
    const { version, updatedAt, ...profile } = before;
    await feeEnterpriseRepo.update(tx, id, { ...profile, version, updatedAt: new Date(updatedAt) });
  }
  await writeAuditMany(tx, run.ctx, [
    ...created.map((p) =>
      audit('fee_enterprise.deleted', p.id, p.regionCode, { before: { ...profileFields(p), version: p.version } }),
    ),
    ...restored.map(({ id, before }) => {
      const now = current.get(id)!;
      return audit('fee_enterprise.restored', id, before.regionCode, {
        before: { ...profileFields(now), version: now.version },
        after: before,
      });
    }),
  ]);
}
