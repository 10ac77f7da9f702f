import type { AlarmListState } from './types';

/** The stations API (staff): every read of stations is keyed under its path (lists, records, terminals, visits). */
export const STATIONS_API = '/api/stations';

/** One station's address in the API. */
export const stationPath = (code: string) => `${STATIONS_API}/${encodeURIComponent(code)}`;

/** The station's printable QR code, as a file to download (SVG for print, PNG). */
export const stationQrHref = (code: string, format: 'svg' | 'png') => `${stationPath(code)}/qr?format=${format}`;

/** The station now, as one answer (GET …/live) or as a stream of them (server-sent events). */
export const stationLivePath = (code: string) => `${stationPath(code)}/live`;
export const stationLiveEventsPath = (code: string) => `${stationLivePath(code)}/events`;

/** A station's alarms (the history, paged), and one alarm's address to act on it. */
export const stationAlarmsPath = (code: string) => `${stationPath(code)}/alarms`;
export const stationAlarmPath = (code: string, id: string) => `${stationAlarmsPath(code)}/${encodeURIComponent(id)}`;

export const stationKeys = {
  /** Invalidated by any change of a station: every list page, record, terminal list and visit page. */
  all: [STATIONS_API] as const,
  /** One station with its figures, and below it its terminals and visits. */
  station: (code: string) => [STATIONS_API, 'one', code] as const,
  devices: (code: string) => [STATIONS_API, 'one', code, 'devices'] as const,
  visits: (code: string, page: number, pageSize: number) =>
    [STATIONS_API, 'one', code, 'visits', { page, pageSize }] as const,
  /** The station now: fed by its event stream and, while the stream is down, by asking every 5 s. */
  live: (code: string) => [STATIONS_API, 'one', code, 'live'] as const,
  /** Every page of the station's alarm history, whatever state it lists. */
  alarms: (code: string) => [STATIONS_API, 'one', code, 'alarms'] as const,
  alarmPage: (code: string, state: AlarmListState, page: number, pageSize: number) =>
    [STATIONS_API, 'one', code, 'alarms', { state, page, pageSize }] as const,
};

/** Threshold alarm rules: created and changed here; a station's page lists those that apply to it. */
export const ALARM_RULES_API = `${STATIONS_API}/alarm-rules`;
export const alarmRulePath = (id: string) => `${ALARM_RULES_API}/${encodeURIComponent(id)}`;
export const stationAlarmRulesPath = (code: string) => `${stationPath(code)}/alarm-rules`;

export const alarmRuleKeys = {
  /** Every list of rules: a region's rule shows on each of its stations' pages. */
  all: [ALARM_RULES_API] as const,
  station: (code: string) => [ALARM_RULES_API, 'station', code] as const,
};
