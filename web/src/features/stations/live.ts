import type { Alarm, AlarmAction, AlarmSeverity, AlarmState, EquipmentState, StationLive } from './types';

// The pure parts of the station's live view: what a stream message holds, when to ask instead,
// what may be done to an alarm, and the colours of its codes. No React, no requests (live.test.ts).

/** The name of the stream's event that carries the station now (`event: live`). */
export const LIVE_EVENT = 'live';

/** While the stream is down, the station now is asked for this often. */
export const POLL_MS = 5_000;

/**
 * After the server refused the stream (an error status: the browser does not retry those by itself),
 * it is opened again this much later; the asking every 5 s carries the view meanwhile.
 */
export const STREAM_RETRY_MS = 60_000;

/**
 * The stream: opening (no answer yet), open (events arrive as the station changes) or down
 * (dropped and being retried by the browser, or refused).
 */
export type StreamState = 'connecting' | 'open' | 'down';

/**
 * How often to ask GET …/live: never while the stream is open (it brings every change); every 5 s
 * otherwise. A read the server refused (4xx: the station gone, out of the user's region, the
 * session over) stops, since asking again answers the same; a network failure or a 5xx keeps asking.
 */
export function pollEvery(stream: StreamState, failedStatus: number | null): number | false {
  if (stream === 'open') return false;
  if (failedStatus !== null && failedStatus >= 400 && failedStatus < 500) return false;
  return POLL_MS;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * A `live` event's data as the station now; null for anything else (text that is not JSON, another
 * station's state, a shape without its lists), which the view ignores rather than breaking on.
 */
export function parseLiveEvent(data: unknown, code: string): StationLive | null {
  if (typeof data !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isObject(value) || value.stationCode !== code) return null;
  if (!Array.isArray(value.alarms) || !Array.isArray(value.equipment)) return null;
  if (typeof value.peopleInside !== 'number' || typeof value.visitsToday !== 'number') return null;
  // The server writes it from its schema (contracts/stations/api.ts); the checks above keep a stray message out.
  return value as StationLive;
}

/**
 * Whether the open alarms changed in a way the history shows: one came, went (cleared) or moved
 * on to another state. A repeat of the same alarm (occurrences, last time) changes nothing there.
 */
export function openAlarmsChanged(before: readonly Alarm[] | undefined, after: readonly Alarm[]): boolean {
  if (!before) return false;
  const states = new Map(before.map((a) => [a.id, a.state]));
  return before.length !== after.length || after.some((a) => states.get(a.id) !== a.state);
}

/** What may be done to an alarm in this state: an active one acknowledged or cleared, an acknowledged one cleared. */
export function actionsOf(state: AlarmState): AlarmAction[] {
  switch (state) {
    case 'active':
      return ['acknowledge', 'clear'];
    case 'acknowledged':
      return ['clear'];
    case 'cleared':
      return [];
  }
}

/** The body of an acknowledge or clear: the note trimmed, none when blank. */
export function noteBody(note: string | null | undefined): { note?: string } {
  const text = note?.trim() ?? '';
  return text ? { note: text } : {};
}

/** The tag colour of a severity: critical red, warning orange, info blue. */
export const SEVERITY_COLORS: Readonly<Record<AlarmSeverity, string>> = {
  critical: 'red',
  warning: 'orange',
  info: 'blue',
};

/** The tag colour of an alarm's state: still active stands out; a cleared one is grey. */
export const ALARM_STATE_COLORS: Readonly<Record<AlarmState, string>> = {
  active: 'volcano',
  acknowledged: 'gold',
  cleared: 'default',
};

/** The tag colour of a piece of equipment's state: a fault in red. */
export const EQUIPMENT_COLORS: Readonly<Record<EquipmentState, string>> = {
  on: 'green',
  off: 'default',
  fault: 'red',
};

/** Whether the station's gateway is heard from: null (nothing heard yet) is unknown, not offline. */
export type Connection = 'online' | 'offline' | 'unknown';
export const connectionOf = (online: boolean | null): Connection =>
  online === null ? 'unknown' : online ? 'online' : 'offline';
