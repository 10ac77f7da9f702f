import type { StationStatus } from '../../../contracts/stations/codes.js';
import { isOpenAtMinute, openingMinutes, type OpeningHours } from '../../../contracts/stations/hours.js';

// Between the stored minutes of the day and the "HH:MM" the API speaks.

export function hhmmOf(minute: number | null): string | null {
  if (minute === null) return null;
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The stored columns of checked opening hours. */
export function minutesOf(h: OpeningHours) {
  return openingMinutes(h);
}

/** Open at a minute of the day in China: a station that is not `open` is never open. */
export function stationOpenAt(
  row: { status: StationStatus; open24h: boolean; opensMinute: number | null; closesMinute: number | null },
  minute: number,
): boolean {
  return row.status === 'open' && isOpenAtMinute(row, minute);
}
