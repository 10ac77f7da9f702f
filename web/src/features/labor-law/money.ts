import { MAX_FEN } from '../../../../contracts/labor-law/limits';

// Pure helpers for the labor-law pages: money typed in yuan becomes integer fen by string
// arithmetic (never `yuan * 100`, which turns 1.15 into 114.99999999999999), and fen is
// shown in yuan with thousands separators.

/** Today's date in China (UTC+8) as "YYYY-MM-DD", whatever the device's time zone. */
export { todayInChina } from '../../../../contracts/dates';

/** Whether a string is a real calendar date "YYYY-MM-DD" (1900–2100), like the API checks. */
export { isCalendarDate } from '../../../../contracts/dates';

/** Upper bound the API accepts for any fen figure (¥100,000,000). */
export { MAX_FEN };

/**
 * "6500.5" → 650050; "6,500.50" → 650050; "１２３" (full-width) → 12300.
 * Returns null for anything that is not a non-negative amount with at most 2 decimals, or that
 * exceeds MAX_FEN.
 */
export function parseYuanToFen(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const text = String(input)
    // Full-width digits and punctuation typed with a Chinese input method.
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[，,\s]/g, '')
    .replace(/(元|¥|￥)/g, '');
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text) ?? /^()\.(\d{1,2})$/.exec(text);
  if (!m) return null;
  const whole = (m[1] ?? '').replace(/^0+(?=\d)/, '') || '0';
  if (whole.length > 9) return null; // more than ¥999,999,999 is beyond MAX_FEN anyway
  const cents = ((m[2] ?? '') + '00').slice(0, 2);
  const fen = Number(whole) * 100 + Number(cents);
  return fen <= MAX_FEN ? fen : null;
}

/** 3575000 → "35,750.00" (shared with the other pages that show money: app/format.ts). */
export { formatFen } from '../../app/format';

/** 650050 → "6500.5" (for putting an amount back into a yuan input). */
export function fenToYuanInput(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  if (cents === 0) return String(yuan);
  return `${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * A non-negative decimal with at most `places` decimals ("10.25" → 10.25), for hours, days and
 * years. The API checks the shortest decimal form, which a number parsed from such a string keeps.
 */
export function parseDecimal(input: string | number | null | undefined, places = 2): number | null {
  if (input === null || input === undefined) return null;
  const text = String(input)
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/\s/g, '');
  const re = new RegExp(`^\\d+(?:\\.\\d{0,${places}})?$`);
  if (!re.test(text)) return null;
  return Number(text);
}
