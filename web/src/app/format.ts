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
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** The UTC instant at which a Shanghai calendar day ends (exclusive next midnight − 1 ms). */
export function shanghaiDayEnd(day: string): string {
  return new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000 - 1).toISOString();
}
