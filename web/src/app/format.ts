import { addDays, dayStartInChina } from '../../../contracts/dates';

// Times are stored in UTC and always shown in China Standard Time, whatever the browser's zone.
const dateTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-29 09:49" in Asia/Shanghai; "—" for empty or invalid input. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '—';
  const p: Record<string, string> = {};
  for (const part of dateTime.formatToParts(d)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The UTC instant at which a Shanghai calendar day (YYYY-MM-DD) starts, as ISO. */
export function shanghaiDayStart(day: string): string {
  return dayStartInChina(day).toISOString();
}

/**
 * The UTC instant at which the Shanghai calendar day after `day` starts, as ISO: the end of `day`
 * for a period that runs up to but not including its end (the API's `to`). Not "− 1 ms": the
 * database keeps microseconds, and a row in the day's last millisecond would fall outside.
 */
export function shanghaiNextDayStart(day: string): string {
  return dayStartInChina(addDays(day, 1)).toISOString();
}

/** Punctuation in the page's language: full-width in Chinese, ASCII with its spaces in English. */
export function punctuationOf(lang: string): {
  colon: string;
  semicolon: string;
  list: string;
  bracket: (text: string) => string;
} {
  const en = lang === 'en';
  return {
    colon: en ? ': ' : '：',
    semicolon: en ? '; ' : '；',
    list: en ? ', ' : '、',
    bracket: (text) => (en ? ` (${text})` : `（${text}）`),
  };
}

/** Integer fen in yuan with two decimals and thousands separators: 3575000 → "35,750.00"; integer arithmetic only. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
