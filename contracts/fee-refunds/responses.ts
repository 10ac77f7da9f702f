import { z } from 'zod';
import { EXCLUSION_FLAGS, FEE_NOTE_CODES, SIZE_CATEGORIES, SIZE_CLASSES } from './codes.js';
import { FEE_IMPORT_KINDS } from '../fee-refunds.js';
import { pageOf } from '../paging.js';

/**
 * The answers of the fee-refund API. The server answers through them (a field not listed is
 * dropped); the web derives its types from them with z.infer.
 */

// ------------------------------------------------------------------ imports

/**
 * An upload's state as other systems see it. The enterprise registry is checked and then
 * committed without a second call: `running` until every row that passed is in (`committed`),
 * or nothing could be taken (`failed`: the file as a whole, or every row rejected).
 */
export const FEE_IMPORT_STATUSES = ['running', 'committed', 'failed', 'rolled_back'] as const;
export type FeeImportStatus = (typeof FEE_IMPORT_STATUSES)[number];

/** POST /api/fee-refunds/imports: the upload's id, answered before its rows are read. */
export const feeImportStartedSchema = z.object({ id: z.string() });

/** Why a row (or, with row null, the file) was not taken; the header is row 1. */
export const feeImportErrorSchema = z.object({
  row: z.number().int().nullable(),
  /** The column's key (e.g. `unionAccountNo`); null: the row or the file as a whole. */
  field: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
});

/** GET /api/fee-refunds/imports/:id (and the rollback's answer). */
export const feeImportSchema = z.object({
  id: z.string(),
  kind: z.enum(FEE_IMPORT_KINDS),
  status: z.enum(FEE_IMPORT_STATUSES),
  /** Data rows read (blank rows left out) = rowsAccepted + rowsRejected. */
  rowsTotal: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  /** Accepted rows the registry already held exactly so (a file sent again): nothing written for them. */
  rowsDuplicate: z.number().int(),
  /** 0..1: reading and checking the rows is the first half, writing them the second. */
  progress: z.number().min(0).max(1),
  /** The first reasons (up to 200; every one: GET …/errors.xlsx). */
  errors: z.array(feeImportErrorSchema),
});
export type FeeImport = z.infer<typeof feeImportSchema>;

// ------------------------------------------------------------------ the enterprise registry

/** A bank account: CNAPS bank code (开户行行号, 12 digits), account number (digits, as text), name. */
export const bankAccountSchema = z.object({
  bankCode: z.string(),
  accountNo: z.string(),
  accountName: z.string(),
});

export const feeNoteSchema = z.object({ code: z.enum(FEE_NOTE_CODES), zh: z.string(), en: z.string() });

/** An enterprise of the registry: its identity from the employers register, its fee-refund profile. */
export const feeEnterpriseSchema = z.object({
  uscc: z.string(),
  /** The code fails its check character and an importer kept it as printed on the licence. */
  usccCheckWarning: z.boolean(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  industryCode: z.string(),
  employees: z.number().int().nullable(),
  /** 营业收入 and 资产总额: whole fen, and the same figure in 万元 as exact decimal text. */
  revenueFen: z.number().int().nullable(),
  revenueWan: z.string().nullable(),
  assetsFen: z.number().int().nullable(),
  assetsWan: z.string().nullable(),
  hasUnion: z.boolean(),
  unionEstablishedOn: z.string().nullable(),
  unionAccount: bankAccountSchema.nullable(),
  payingAccount: bankAccountSchema.nullable(),
  /** null: not decided (the notes say why). */
  sizeClass: z.enum(SIZE_CLASSES).nullable(),
  sizeCategory: z.enum(SIZE_CATEGORIES).nullable(),
  sizeNotes: z.array(feeNoteSchema),
  sizeStandard: z.string(),
  /** Decided by a checker, not by the import: the refund rules take it over `sizeClass`. */
  declaredSizeClass: z.enum(SIZE_CLASSES).nullable(),
  /** Facts a policy version may name as excluding the enterprise from the small and micro refund. */
  exclusionFlags: z.array(z.enum(EXCLUSION_FLAGS)),
  eligibilityReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type FeeEnterprise = z.infer<typeof feeEnterpriseSchema>;

export const feeEnterprisePageSchema = pageOf(feeEnterpriseSchema);

// ------------------------------------------------------------------ reconciliation

/**
 * One (tax office, treasury date) group: what the tax data says was collected, what the bank
 * credited from that office on that date. `reconciled`: equal to the fen; `difference`: both
 * present and unequal; `no_credit`: collections without a credit; `no_collection`: a credit
 * without collections.
 */
export const RECONCILIATION_STATUSES = ['reconciled', 'difference', 'no_credit', 'no_collection'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

export const feeReconciliationGroupSchema = z.object({
  taxOfficeName: z.string(),
  date: z.string(),
  collectedFen: z.number().int(),
  creditedFen: z.number().int(),
  /** creditedFen − collectedFen. */
  differenceFen: z.number().int(),
  collections: z.number().int(),
  credits: z.number().int(),
  status: z.enum(RECONCILIATION_STATUSES),
});
export type FeeReconciliationGroup = z.infer<typeof feeReconciliationGroupSchema>;

export const feeReconciliationSchema = pageOf(feeReconciliationGroupSchema).extend({
  totals: z.object({
    collectedFen: z.number().int(),
    creditedFen: z.number().int(),
    differenceFen: z.number().int(),
    groups: z.object({
      reconciled: z.number().int(),
      difference: z.number().int(),
      no_credit: z.number().int(),
      no_collection: z.number().int(),
    }),
  }),
});
export type FeeReconciliation = z.infer<typeof feeReconciliationSchema>;
