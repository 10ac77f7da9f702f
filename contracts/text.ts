import { z } from 'zod';
import { isCalendarDate } from './dates.js';

// Text that people type, checked the same way on the web and the server.

/**
 * Characters no legitimate name, address or note contains: C0 controls other than tab and line
 * breaks (a NUL cannot even be stored in PostgreSQL text), bidirectional overrides and isolates
 * that make a name read differently on screen than in the record (U+202A–202E, U+2066–2069,
 * U+200E/200F, U+061C), and invisible zero-width characters that make two equal-looking names
 * differ (U+200B–200D, U+2060, U+FEFF).
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

export function hasForbiddenCharacters(s: string): boolean {
  return FORBIDDEN.test(s);
}

const forbiddenMessage = '含有不可见或控制字符，请删除后重试 / contains invisible or control characters';

/** A single line or a note of at most `max` characters, trimmed, with no hidden characters. */
export function plainText(max: number) {
  // Checked before trimming: trim() would quietly drop a leading byte-order mark.
  return z
    .string()
    .refine((s) => !hasForbiddenCharacters(s), { error: forbiddenMessage })
    .trim()
    .max(max);
}

/** A person's or an organisation's name. */
export function nameText(min: number, max: number) {
  return z
    .string()
    .refine((s) => !hasForbiddenCharacters(s), { error: forbiddenMessage })
    .trim()
    .min(min, `至少 ${min} 个字 / at least ${min} characters`)
    .max(max);
}

/** A real calendar date "YYYY-MM-DD" (1900–2100). */
export const calendarDate = z
  .string()
  .refine(isCalendarDate, { error: '日期无效，应为真实的日历日期 YYYY-MM-DD / invalid date, expected YYYY-MM-DD' });

/** A mainland mobile number as a form sends it: 11 digits starting with 13–19. */
export const mobilePhone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号应为 11 位大陆手机号 / 11-digit mainland mobile number');
