import { z } from 'zod';

export const employerSchema = z.object({
  id: z.string(),
  uscc: z.string(),
  usccCheckWarning: z.boolean(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  industryCode: z.string(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
});

export const employerInputSchema = z.object({
  uscc: z.string().trim().min(1, '请填写统一社会信用代码'),
  name: z.string().trim().min(2, '单位名称至少 2 个字').max(128),
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
  industryCode: z.string().trim().min(1).max(24),
  address: z.string().trim().max(256).nullable().optional(),
  contactName: z.string().trim().max(32).nullable().optional(),
  contactPhone: z.string().trim().max(20).nullable().optional(),
  contactEmail: z.string().trim().email('邮箱格式不正确').max(128).nullable().optional(),
  /** The user has seen the check-character warning and keeps the code as printed on the licence. */
  acceptUsccWarning: z.boolean().optional(),
});
export type EmployerInput = z.infer<typeof employerInputSchema>;

export const employerListQuerySchema = z.object({
  q: z.string().trim().max(64).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  industryCode: z.string().max(24).optional(),
});
