import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's minimum settings: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

/** At least 8 characters with letters and digits: enough to stop the worst choices. */
export function passwordProblem(plain: string): { zh: string; en: string } | null {
  if (plain.length < 8) return { zh: '密码至少 8 位', en: 'Password must be at least 8 characters' };
  if (!/[A-Za-z]/.test(plain) || !/\d/.test(plain))
    return { zh: '密码须同时包含字母和数字', en: 'Password must contain letters and digits' };
  return null;
}
