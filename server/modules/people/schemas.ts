import { z } from 'zod';
import { pageQuerySchema } from '../../core/paging.js';

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  residentIdMasked: z.string().nullable(),
  sex: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  occupation: z.string().nullable(),
});
export type PersonDto = z.infer<typeof personSchema>;

export const personInputSchema = z.object({
  name: z.string().trim().min(2, '姓名至少 2 个字').max(32),
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '手机号应为 11 位大陆手机号')
    .nullable()
    .optional(),
  residentId: z.string().trim().nullable().optional(),
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字'),
  occupation: z.string().trim().max(32).nullable().optional(),
});
export type PersonInput = z.infer<typeof personInputSchema>;

export const personListQuerySchema = z.object({
  q: z.string().trim().max(64).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

/** The search by resident ID or phone travels in a body, never in a URL that gets logged. */
export const personSearchBodySchema = personListQuerySchema.extend(pageQuerySchema.shape);
