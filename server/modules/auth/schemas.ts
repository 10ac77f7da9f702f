import { z } from 'zod';
import { ROLES } from '../../../contracts/roles.js';

export const loginBodySchema = z.object({
  username: z.string().trim().min(1, '请输入用户名或手机号').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.string()),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  organizationId: z.string().nullable(),
  courtId: z.string().nullable(),
  employerId: z.string().nullable(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});
