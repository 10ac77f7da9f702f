import { z } from 'zod';
import { SIZE_CLASSES } from './fee-refunds/codes.js';
import { regionCodeSchema } from './regions/api.js';
import { plainText } from './text.js';
import { isCalendarDate } from './dates.js';

// The requests of the fee-refund API (/api/fee-refunds/…); its answers are in
// contracts/fee-refunds/responses.ts, the codes and labels pages import at run time in
// contracts/fee-refunds/codes.ts.

/**
 * The files other systems send (POST /api/fee-refunds/imports, field `kind`): the enterprise
 * registry, the tax bureau's collection data and the bank's credit (return) files.
 */
export const FEE_IMPORT_KINDS = ['enterprises', 'tax', 'bank_credits'] as const;
export type FeeImportKind = (typeof FEE_IMPORT_KINDS)[number];
export const feeImportKindSchema = z.enum(FEE_IMPORT_KINDS, '导入类型应为 enterprises、tax 或 bank_credits');

/** GET /api/fee-refunds/imports/template.xlsx?kind= */
export const feeImportTemplateQuerySchema = z.object({ kind: feeImportKindSchema });

/** `unknown`: the class could not be decided (a figure missing, finance, a bad industry code). */
export const SIZE_CLASS_FILTERS = [...SIZE_CLASSES, 'unknown'] as const;
export type SizeClassFilter = (typeof SIZE_CLASS_FILTERS)[number];

/** The filters of GET /api/fee-refunds/enterprises; `q` is a name or a whole USCC. */
export const feeEnterpriseFilterSchema = z.object({
  q: plainText(64).optional(),
  /** A province, city or county: the enterprises inside it (and inside the caller's region). */
  regionCode: regionCodeSchema.optional(),
  sizeClass: z.enum(SIZE_CLASS_FILTERS, '规模应为 large、medium、small、micro 或 unknown').optional(),
  hasUnion: z.enum(['true', 'false'], '是否建会应为 true 或 false').optional(),
});
export type FeeEnterpriseFilter = z.infer<typeof feeEnterpriseFilterSchema>;

/** The longest window of one reconciliation: a year and a day (a leap year). */
export const RECONCILIATION_MAX_DAYS = 366;

const calendarDateSchema = (what: string) => z.string().refine(isCalendarDate, `${what}应为有效日期 YYYY-MM-DD`);

/** GET /api/fee-refunds/reconciliation?regionCode=&from=&to= (the window's length is checked by the server). */
export const feeReconciliationFilterSchema = z.object({
  /** A province, city or county: the collections inside it (and inside the caller's region). */
  regionCode: regionCodeSchema.optional(),
  from: calendarDateSchema('起始日期'),
  to: calendarDateSchema('截止日期'),
});
export type FeeReconciliationFilter = z.infer<typeof feeReconciliationFilterSchema>;
