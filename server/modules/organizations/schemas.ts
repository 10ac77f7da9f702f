import { z } from 'zod';
import { ORGANIZATION_KINDS } from './tables.js';

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  contactPhone: z.string().nullable(),
});
export type OrganizationDto = z.infer<typeof organizationSchema>;

export const organizationInputSchema = z.object({
  name: z.string().trim().min(2, '名称至少 2 个字').max(128),
  kind: z.enum(ORGANIZATION_KINDS),
  parentId: z.string().uuid().nullable().optional(),
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
  address: z.string().trim().max(256).nullable().optional(),
  contactPhone: z.string().trim().max(20).nullable().optional(),
});
export type OrganizationInput = z.infer<typeof organizationInputSchema>;

export const organizationListQuerySchema = z.object({
  q: z.string().trim().max(64).optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  parentId: z.string().uuid().optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
