import { z } from 'zod';
import { PERMISSIONS, ROLES } from './roles.js';

/** POST /api/auth/login: a username or a phone, and the password. */
export const loginBodySchema = z.object({
  username: z.string().trim().min(1, '请输入用户名或手机号').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

/** POST /api/auth/password: the signed-in user changes their own password. */
export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

/** GET /api/auth/me and the answer of a sign-in: who is signed in, and the session's CSRF token. */
export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(PERMISSIONS)),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  organizationId: z.string().nullable(),
  courtId: z.string().nullable(),
  employerId: z.string().nullable(),
  /** Sent back in X-CSRF-Token with every state-changing request. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

/** The answer of a sign-out and of a password change. */
export const okSchema = z.object({ ok: z.literal(true) });
