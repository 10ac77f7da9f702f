/**
 * Identifiers as people see them, the same on the web and the server: a phone number as typed
 * and as shown masked. Their validation, with the messages, is the server's
 * (server/core/identifiers).
 */

/**
 * Trim, drop spaces / hyphens / full-width spaces, and strip a leading "+86", "0086" or "86"
 * country prefix when what remains is 11 digits. Does not validate.
 */
export function normalizeMobile(phone: string): string {
  let v = phone.trim().replace(/[\s\u3000-]/g, '');
  const m = /^(?:\+86|0086|86)(\d{11})$/.exec(v);
  if (m) v = m[1] as string;
  return v;
}

/**
 * Mask for display: "13812345678" → "138****5678". Inputs of other lengths keep the first 3
 * and last 4 characters when longer than 7, otherwise are fully masked.
 */
export function maskMobile(phone: string): string {
  const v = normalizeMobile(phone);
  if (v.length <= 7) return '*'.repeat(v.length);
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
}
