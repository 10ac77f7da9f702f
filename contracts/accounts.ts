import { z } from 'zod';
import { ACCOUNT_STATUSES } from './accounts/statuses.js';
import { pageOf } from './paging.js';
import { regionCodeSchema } from './regions/api.js';
import { ROLES } from './roles.js';
import { mobilePhone, nameText, plainText } from './text.js';

export { ACCOUNT_STATUSES, type AccountStatus } from './accounts/statuses.js';

/** An account as administrators see it (GET /api/accounts/:id and every change's answer). */
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
  status: z.enum(ACCOUNT_STATUSES),
  /** Sign-in paused for everyone after guessing from many addresses; a password reset lifts it. */
  locked: z.boolean(),
  /** ISO instant. */
  lastLoginAt: z.string().nullable(),
});
export type Account = z.infer<typeof accountSchema>;
export const accountPageSchema = pageOf(accountSchema);

const optionalUuid = z.string().uuid().nullable().optional();

/** PUT /api/accounts/:id. A link left out stays as it is. */
export const accountUpdateSchema = z.object({
  displayName: nameText(1, 64),
  phone: mobilePhone.nullable().optional(),
  roles: z.array(z.enum(ROLES)).min(1, '至少选择一个角色'),
  /** null: the whole country (system administrators). */
  regionCode: regionCodeSchema.nullable(),
  organizationId: optionalUuid,
  courtId: optionalUuid,
  employerId: optionalUuid,
  /** A worker's own person record. */
  personId: optionalUuid,
  status: z.enum(ACCOUNT_STATUSES).default('active'),
});
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;

/** POST /api/accounts */
export const accountCreateSchema = accountUpdateSchema.extend({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,64}$/, '用户名为 3–64 位字母、数字或 _ . -'),
  password: z.string().min(1).max(128),
});
export type AccountCreate = z.infer<typeof accountCreateSchema>;

/** What the account form sends: a new account's name and password, or an update. */
export type AccountInput = z.input<typeof accountUpdateSchema> &
  Partial<Pick<z.input<typeof accountCreateSchema>, 'username' | 'password'>>;

/** POST /api/accounts/:id/password: an administrator sets a new password. */
export const accountPasswordSchema = z.object({ password: z.string().min(1).max(128) });

/** The filters of GET /api/accounts. */
export const accountFilterSchema = z.object({
  q: plainText(64).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
});
