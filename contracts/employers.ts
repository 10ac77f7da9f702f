import { z } from 'zod';
import { pageOf } from './paging.js';
import { regionCodeSchema } from './regions/api.js';
import { plainText } from './text.js';

/** An employer as staff see it (GET /api/employers/:id, a row of the list, every change's answer). */
export const employerSchema = z.object({
  id: z.string(),
  /** 统一社会信用代码 */
  uscc: z.string(),
  /** The code fails its check character and a user kept it as printed on the licence. */
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
export type Employer = z.infer<typeof employerSchema>;
export const employerPageSchema = pageOf(employerSchema);

/** POST /api/employers and PUT /api/employers/:id */
export const employerInputSchema = z.object({
  uscc: plainText(32).min(1, '请填写统一社会信用代码'),
  name: plainText(128).min(2, '单位名称至少 2 个字'),
  regionCode: regionCodeSchema,
  industryCode: plainText(24).min(1),
  address: plainText(256).nullable().optional(),
  contactName: plainText(32).nullable().optional(),
  contactPhone: plainText(20).nullable().optional(),
  contactEmail: z.string().trim().email('邮箱格式不正确').max(128).nullable().optional(),
  /** The user has seen the check-character warning and keeps the code as printed on the licence. */
  acceptUsccWarning: z.boolean().optional(),
});
export type EmployerInput = z.infer<typeof employerInputSchema>;

/** The filters of GET /api/employers; `q` is a name or a whole USCC. */
export const employerFilterSchema = z.object({
  q: plainText(64).optional(),
  regionCode: regionCodeSchema.optional(),
  industryCode: plainText(24).optional(),
});
