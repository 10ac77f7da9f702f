import { z } from 'zod';
import { ROLES } from '../../../contracts/roles.js';

export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  phone: z.string().nullable(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  organizationId: z.string().nullable(),
  courtId: z.string().nullable(),
  employerId: z.string().nullable(),
  personId: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type AccountDto = z.infer<typeof accountSchema>;

const optionalUuid = z.string().uuid().nullable().optional();

export const accountUpdateSchema = z.object({
  displayName: z.string().trim().min(1).max(64),
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '手机号应为 11 位大陆手机号')
    .nullable()
    .optional(),
  roles: z.array(z.enum(ROLES)).min(1, '至少选择一个角色'),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
    .nullable(),
  organizationId: optionalUuid,
  courtId: optionalUuid,
  employerId: optionalUuid,
  /** A worker's own person record. */
  personId: optionalUuid,
  status: z.enum(['active', 'disabled']).default('active'),
});

export const accountCreateSchema = accountUpdateSchema.extend({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,64}$/, '用户名为 3–64 位字母、数字或 _ . -'),
  password: z.string().min(1).max(128),
});
export type AccountCreate = z.infer<typeof accountCreateSchema>;
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;

export const accountListQuerySchema = z.object({
  q: z.string().trim().max(64).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});
