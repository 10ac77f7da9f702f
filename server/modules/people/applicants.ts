import type { z } from 'zod';
import type { personSchema } from '../../../contracts/people.js';
import { writeAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Deps } from '../../core/deps.js';
import { errors } from '../../core/errors.js';
import { maskResidentId, maskResidentIdParts, normalizeResidentId } from '../../core/identifiers/resident-id.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { personRepo } from './repository.js';
import { residentIdColumns, toPersonDto } from './service.js';

// The people register's part in verifying an online applicant: the mediator has checked the ID
// card of an applicant whose typed resident ID belongs to a registered person (the disputes
// module's intake/identity.ts checks the permission and the case, and runs these in the case's
// transaction). Each change has its audit record.

/** A person as the mediator compares them with an applicant: the ID masked, with the region's name. */
export async function personForComparison(db: DbOrTx, id: string): Promise<z.infer<typeof personSchema> | null> {
  const row = await personRepo.byId(db, id);
  return row ? toPersonDto(row) : null;
}

/** The applicant turned out to be this person, and the phone they gave is the one to keep. */
export async function setPhoneOfVerifiedApplicant(tx: Tx, deps: Deps, ctx: Ctx, id: string, phone: string) {
  const before = await personRepo.raw(tx, id);
  if (!before) throw errors.notFound('人员', 'Person');
  if (before.phone === phone) return;
  await personRepo.update(tx, id, { phone, updatedAt: deps.now() });
  await writeAudit(tx, ctx, {
    action: 'person.updated',
    entityType: 'person',
    entityId: id,
    regionCode: before.regionCode,
    before: { phone: before.phone },
    after: { phone, reason: 'online_applicant_verified' },
  });
}

/**
 * The applicant's own resident ID, read from the card, on the applicant's record (stored like any
 * ID: encrypted, hashed, masked). Refused when it is another person's. Answers its masked form.
 */
export async function attachVerifiedResidentId(
  tx: Tx,
  deps: Deps,
  ctx: Ctx,
  id: string,
  rawId: string,
  field = 'residentId',
): Promise<string> {
  const columns = residentIdColumns(deps, rawId, field);
  const holder = await personRepo.byResidentIdHash(tx, columns.residentIdHash);
  if (holder && holder.id !== id)
    throw errors.conflict(
      '该身份证号已登记在另一人员名下，请核对证件',
      'This resident ID is registered to another person; check the ID card',
      field,
    );
  const before = await personRepo.raw(tx, id);
  if (!before) throw errors.notFound('人员', 'Person');
  await personRepo.update(tx, id, { ...columns, updatedAt: deps.now() });
  await writeAudit(tx, ctx, {
    action: 'person.updated',
    entityType: 'person',
    entityId: id,
    regionCode: before.regionCode,
    before: { residentIdMasked: maskResidentIdParts(before.residentIdHead, before.residentIdTail) },
    // The audit writer keeps the ID masked.
    after: { residentId: normalizeResidentId(rawId), reason: 'online_applicant_verified' },
  });
  return maskResidentId(normalizeResidentId(rawId));
}

/**
 * The record made at intake for an applicant who is a registered person: merged into that person.
 * It is removed (its last state stays in the audit trail), so a later counter intake by phone and
 * name cannot find the duplicate; when something still points at it (an account linked to it)
 * it stays. Answers whether it was removed.
 */
export async function mergeApplicantRecord(
  tx: Tx,
  ctx: Ctx,
  { id, into }: { id: string; into: string },
): Promise<boolean> {
  const before = await personRepo.raw(tx, id);
  if (!before) return false;
  const removed = await personRepo.deleteIfUnreferenced(tx, id);
  await writeAudit(tx, ctx, {
    action: 'person.merged',
    entityType: 'person',
    entityId: id,
    regionCode: before.regionCode,
    before,
    after: { mergedInto: into, removed },
  });
  return removed;
}
