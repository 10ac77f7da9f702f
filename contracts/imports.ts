import { z } from 'zod';
import { pageOf, pageQuerySchema } from './paging.js';

/**
 * An import's life: uploaded → validating → validated → committing → committed, or failed at any
 * step (the reason in both languages), and committed → rolled_back.
 */
export const IMPORT_STATUSES = [
  'uploaded',
  'validating',
  'validated',
  'committing',
  'committed',
  'failed',
  'rolled_back',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface BilingualText {
  zh: string;
  en: string;
}

/** Why a row was rejected: its row number in the file (the header is row 1), the field and the reason. */
export interface RowError {
  row: number;
  /** The column's key (null: the row as a whole, e.g. a duplicate). */
  field: string | null;
  zh: string;
  en: string;
}

const bilingualSchema = z.object({ zh: z.string(), en: z.string() });
export const rowErrorSchema = z.object({
  row: z.number().int(),
  field: z.string().nullable(),
  zh: z.string(),
  en: z.string(),
});

/** GET /api/imports/:id, a row of the list, and every change's answer. */
export const importSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(IMPORT_STATUSES),
  filename: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  byteSize: z.number().int(),
  totalRows: z.number().int(),
  acceptedRows: z.number().int(),
  rejectedRows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  unknownHeaders: z.array(z.string()),
  acceptWarnings: z.boolean(),
  /** 0..1 while a job runs, with what it is doing. */
  progress: z.number(),
  progressMessage: bilingualSchema.nullable(),
  /** The running job, whose progress the page follows (GET /api/jobs/:id/events). */
  jobId: z.string().nullable(),
  failure: bilingualSchema.nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  rolledBackAt: z.string().nullable(),
});
export type ImportRecord = z.infer<typeof importSchema>;

export const importDetailSchema = importSchema.extend({
  /** The first rejected rows' reasons (the whole list: GET /api/imports/:id/rejected.xlsx). */
  rejected: z.array(rowErrorSchema),
});
export type ImportDetail = z.infer<typeof importDetailSchema>;

export const importPageSchema = pageOf(importSchema);

/** The import kinds the caller may use (GET /api/imports/kinds). */
export const importKindSchema = z.object({
  kind: z.string(),
  title: bilingualSchema,
  columns: z.array(z.object({ key: z.string(), header: z.string(), headerEn: z.string(), required: z.boolean() })),
});
export const importKindListSchema = z.array(importKindSchema);
export type ImportKindInfo = z.infer<typeof importKindSchema>;

export const importKindParamsSchema = z.object({ kind: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, '导入类型不正确') });

/** GET /api/imports */
export const importListQuerySchema = z
  .object({ kind: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, '导入类型不正确') })
  .extend(pageQuerySchema.shape);

/** The text fields of the multipart POST /api/imports (the file is its one file part). */
export const importUploadFieldsSchema = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, '导入类型不正确'),
  /** Keep rows that only fail a check the user may accept (employers: the USCC check character). */
  acceptWarnings: z.enum(['true', 'false']).default('false'),
});
