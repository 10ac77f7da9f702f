import { z } from 'zod';
import { pageOf } from './paging.js';
import { regionCodeSchema } from './regions/api.js';
import { ORGANIZATION_KINDS } from './organizations/kinds.js';
import { plainText } from './text.js';

export { ORGANIZATION_KINDS, type OrganizationKind } from './organizations/kinds.js';

/** A union organization (GET /api/organizations/:id, a row of the list, every change's answer). */
export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  /** null only for the national federation. */
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** The code a joining QR or link carries (e.g. HX-RIDERS). */
  code: z.string().nullable(),
  chairName: z.string().nullable(),
  /** The account that approves applications to join (staff of the region when none). */
  approverAccountId: z.string().nullable(),
  approverName: z.string().nullable(),
});
export type Organization = z.infer<typeof organizationSchema>;
export const organizationPageSchema = pageOf(organizationSchema);

/** POST /api/organizations and PUT /api/organizations/:id */
export const organizationInputSchema = z.object({
  name: plainText(128).min(2, '名称至少 2 个字'),
  kind: z.enum(ORGANIZATION_KINDS),
  parentId: z.string().uuid().nullable().optional(),
  regionCode: regionCodeSchema,
  address: plainText(256).nullable().optional(),
  contactPhone: plainText(20).nullable().optional(),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,23}$/, '代码为 2–24 位大写字母、数字或连字符')
    .nullable()
    .optional(),
  chairName: plainText(32).nullable().optional(),
  approverAccountId: z.string().uuid().nullable().optional(),
});
export type OrganizationInput = z.infer<typeof organizationInputSchema>;

/** The filters of GET /api/organizations. */
export const organizationFilterSchema = z.object({
  q: plainText(64).optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  parentId: z.string().uuid().optional(),
  regionCode: regionCodeSchema.optional(),
});

/** GET /api/organizations/approver-accounts?q=: the region's active union staff, for the approver picker. */
export const approverChoicesQuerySchema = z.object({ q: plainText(64).optional() });
export const approverChoicesSchema = z.object({
  items: z.array(
    z.object({ id: z.string(), username: z.string(), displayName: z.string(), regionCode: z.string().nullable() }),
  ),
});
export type ApproverChoices = z.infer<typeof approverChoicesSchema>;
