/**
 * What the sensors of a station publish over MQTT, read into readings for the ingester. Topic and
 * bytes in, a reading or the reason it was refused out: no I/O, no clock (the receive time is given).
 *
 * Devices publish JSON at QoS 1 under `yizhan/stations/{stationCode}/`:
 *   env                       {ts, temperatureC, humidityPct, pm25, co2ppm}   any of the four may be null
 *   equipment/{equipmentCode} {ts, state: "on" | "off" | "fault", powerW}
 *   people                    {ts, in, out}                                   counts since the last message
 *   alarm                     {ts, kind: "emergency_button" | "smoke" | "door_forced" | "water_leak"}
 *   status                    {online}                                        retained; the last will says false
 *
 * This runs for every message (20,000 a second at full load), so the checks are written by hand
 * rather than with a schema library. It never throws: a device's bytes cannot stop the ingester.
 */
import { isUtf8 } from 'node:buffer';

export const TOPIC_PREFIX = 'yizhan/stations/';

/** A sensor's message is ~150 bytes; one far larger is not one, and is refused before it is decoded. */
export const MAX_PAYLOAD_BYTES = 4096;
/** An older `ts` is refused: a device with a wrong clock must not write into days already rolled up. */
export const MAX_TS_BEHIND_MS = 24 * 60 * 60_000;
/** A later `ts` is refused: beyond ordinary clock drift, the device's clock is wrong. */
export const MAX_TS_AHEAD_MS = 5 * 60_000;

/** The same rule as the registry's (`contracts/stations/api.ts`), so a topic names only a code that can exist. */
export const STATION_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,31}$/;
export const EQUIPMENT_CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export type EquipmentState = 'on' | 'off' | 'fault';
export type DeviceAlarm = 'emergency_button' | 'smoke' | 'door_forced' | 'water_leak';

export type Reading =
  | {
      kind: 'env';
      stationCode: string;
      ts: Date;
      temperatureC: number | null;
      humidityPct: number | null;
      pm25: number | null;
      co2ppm: number | null;
    }
  | {
      kind: 'equipment';
      stationCode: string;
      equipmentCode: string;
      ts: Date;
      state: EquipmentState;
      powerW: number | null;
    }
  | { kind: 'people'; stationCode: string; ts: Date; in: number; out: number }
  | { kind: 'alarm'; stationCode: string; ts: Date; alarm: DeviceAlarm }
  | { kind: 'status'; stationCode: string; ts: Date; online: boolean };

export type ParseProblem = {
  /** The station the topic names, when it names a valid code: a refused message still counts against it. */
  stationCode: string | null;
  reason: 'bad_topic' | 'bad_json' | 'bad_field' | 'out_of_range' | 'too_large' | 'clock_skew';
  /** The payload field at fault; for a bad topic, 'stationCode' or 'equipmentCode' when that part is bad. */
  field?: string;
  zh: string;
  en: string;
};

export type ParseResult = { ok: true; reading: Reading } | { ok: false; problem: ParseProblem };

/**
 * Plausible values: what the sensors can measure, with room. A value outside is a broken sensor or a
 * misread field, and one such value would distort a day's averages, so the message is refused.
 */
export const PLAUSIBLE_RANGES = {
  temperatureC: { min: -50, max: 80, zh: '温度', en: 'The temperature', unit: ' °C' },
  humidityPct: { min: 0, max: 100, zh: '相对湿度', en: 'The relative humidity', unit: ' %' },
  pm25: { min: 0, max: 2000, zh: 'PM2.5 浓度', en: 'PM2.5', unit: ' µg/m³' },
  co2ppm: { min: 0, max: 20000, zh: '二氧化碳浓度', en: 'CO₂', unit: ' ppm' },
  powerW: { min: 0, max: 20000, zh: '功率', en: 'The power', unit: ' W' },
  in: { min: 0, max: 1000, zh: '进入人数', en: 'The count of people in', unit: '' },
  out: { min: 0, max: 1000, zh: '离开人数', en: 'The count of people out', unit: '' },
} as const;
type RangedField = keyof typeof PLAUSIBLE_RANGES;

const EQUIPMENT_STATES: ReadonlySet<unknown> = new Set<EquipmentState>(['on', 'off', 'fault']);
const DEVICE_ALARMS: ReadonlySet<unknown> = new Set<DeviceAlarm>([
  'emergency_button',
  'smoke',
  'door_forced',
  'water_leak',
]);

const isEquipmentState = (value: unknown): value is EquipmentState => EQUIPMENT_STATES.has(value);
const isDeviceAlarm = (value: unknown): value is DeviceAlarm => DEVICE_ALARMS.has(value);

type Body = Record<string, unknown>;

/**
 * The station a topic is about: the segment after TOPIC_PREFIX when it is a valid station code,
 * whatever follows it (so a message on a misspelt channel is still counted at its station); else null.
 */
export function stationCodeOfTopic(topic: string): string | null {
  if (!topic.startsWith(TOPIC_PREFIX)) return null;
  const end = topic.indexOf('/', TOPIC_PREFIX.length);
  const code = topic.slice(TOPIC_PREFIX.length, end === -1 ? undefined : end);
  return STATION_CODE_PATTERN.test(code) ? code : null;
}

/**
 * The reading a message carries, or why it is refused. Checked in this order: topic, size, UTF-8 and
 * JSON, `ts` (its form, then the clock), then the other fields in the order of the shapes above, each
 * for its type before its range; the first problem is the one reported. Fields the device adds
 * beyond these are ignored, so firmware can add some before the server reads them.
 *
 * `receivedAt` is the server's clock when the broker handed the message over; `ts` must be within
 * MAX_TS_BEHIND_MS before it and MAX_TS_AHEAD_MS after it.
 */
export function parseMessage(topic: string, payload: Buffer, receivedAt: Date): ParseResult {
  const route = routeOf(topic);
  if (route.kind === 'problem') return { ok: false, problem: route.problem };
  const { stationCode } = route;
  const now = receivedAt.getTime();
  if (!Number.isFinite(now)) {
    return refuse(stationCode, 'clock_skew', undefined, '接收时间无效', 'The receive time is not a valid time');
  }
  // Measured before decoding: a flood of large payloads costs a comparison each.
  if (payload.length > MAX_PAYLOAD_BYTES) {
    return refuse(
      stationCode,
      'too_large',
      undefined,
      `消息超过 ${MAX_PAYLOAD_BYTES} 字节（${payload.length} 字节）`,
      `The message is over ${MAX_PAYLOAD_BYTES} bytes (${payload.length} bytes)`,
    );
  }
  const decoded = bodyOf(payload, stationCode);
  if (!decoded.ok) return decoded;
  const body = decoded.body;

  if (route.kind === 'status') {
    // A status has no ts: the last will is written by the broker when the device is already gone,
    // and the device cannot know when that will be. A retained status handed over when the ingester
    // subscribes is stamped with that moment, not with when the device published it.
    const online = body.online;
    if (typeof online !== 'boolean') return wrongType(stationCode, 'online', '布尔值 true 或 false', 'true or false');
    return { ok: true, reading: { kind: 'status', stationCode, ts: new Date(now), online } };
  }

  const ts = timestampOf(body, stationCode, now);
  if (!(ts instanceof Date)) return { ok: false, problem: ts };

  switch (route.kind) {
    case 'env':
      return envReading(body, stationCode, ts);
    case 'equipment': {
      const state = body.state;
      if (!isEquipmentState(state)) {
        return wrongType(stationCode, 'state', '"on"、"off" 或 "fault" 之一', 'one of "on", "off", "fault"');
      }
      const powerW = optionalNumber(body, 'powerW', stationCode);
      if (typeof powerW === 'object' && powerW !== null) return { ok: false, problem: powerW };
      const { equipmentCode } = route;
      return {
        ok: true,
        reading: { kind: 'equipment', stationCode, equipmentCode, ts, state, powerW },
      };
    }
    case 'people': {
      const entered = count(body, 'in', stationCode);
      if (typeof entered === 'object') return { ok: false, problem: entered };
      const left = count(body, 'out', stationCode);
      if (typeof left === 'object') return { ok: false, problem: left };
      return { ok: true, reading: { kind: 'people', stationCode, ts, in: entered, out: left } };
    }
    case 'alarm': {
      const alarm = body.kind;
      if (!isDeviceAlarm(alarm)) {
        return wrongType(
          stationCode,
          'kind',
          '"emergency_button"、"smoke"、"door_forced" 或 "water_leak" 之一',
          'one of "emergency_button", "smoke", "door_forced", "water_leak"',
        );
      }
      return { ok: true, reading: { kind: 'alarm', stationCode, ts, alarm } };
    }
  }
}

type Channel = 'env' | 'people' | 'alarm' | 'status';
type Route =
  | { [K in Channel]: { kind: K; stationCode: string } }[Channel]
  | { kind: 'equipment'; stationCode: string; equipmentCode: string }
  | { kind: 'problem'; problem: ParseProblem };

function routeOf(topic: string): Route {
  const stationCode = stationCodeOfTopic(topic);
  if (stationCode === null) {
    const field = topic.startsWith(TOPIC_PREFIX) ? 'stationCode' : undefined;
    return {
      kind: 'problem',
      problem: problem(
        null,
        'bad_topic',
        field,
        `主题须为 ${TOPIC_PREFIX}{站点编号}/…，站点编号为 3–32 位大写字母、数字或连字符`,
        `The topic must be ${TOPIC_PREFIX}{station code}/…, the code 3–32 capital letters, digits or hyphens`,
      ),
    };
  }
  const channel = topic.slice(TOPIC_PREFIX.length + stationCode.length);
  switch (channel) {
    case '/env':
      return { kind: 'env', stationCode };
    case '/people':
      return { kind: 'people', stationCode };
    case '/alarm':
      return { kind: 'alarm', stationCode };
    case '/status':
      return { kind: 'status', stationCode };
  }
  if (channel.startsWith('/equipment/')) {
    const equipmentCode = channel.slice('/equipment/'.length);
    if (EQUIPMENT_CODE_PATTERN.test(equipmentCode)) return { kind: 'equipment', stationCode, equipmentCode };
    return {
      kind: 'problem',
      problem: problem(
        stationCode,
        'bad_topic',
        'equipmentCode',
        '设备编号须为 1–32 位字母、数字、下划线或连字符',
        'The equipment code must be 1–32 letters, digits, underscores or hyphens',
      ),
    };
  }
  return {
    kind: 'problem',
    problem: problem(
      stationCode,
      'bad_topic',
      undefined,
      '主题须以 /env、/people、/alarm、/status 或 /equipment/{设备编号} 结尾',
      'The topic must end in /env, /people, /alarm, /status or /equipment/{equipment code}',
    ),
  };
}

/** The payload as a JSON object, or why it is none. */
function bodyOf(payload: Buffer, stationCode: string): { ok: true; body: Body } | { ok: false; problem: ParseProblem } {
  // Checked apart from JSON.parse: decoding would turn a broken byte into U+FFFD, and a reading
  // from a device that garbles its bytes is not to be trusted.
  if (!isUtf8(payload)) {
    return refuse(stationCode, 'bad_json', undefined, '消息不是有效的 UTF-8 文本', 'The message is not valid UTF-8');
  }
  let text = payload.toString('utf8');
  // Some firmware writes a byte-order mark; JSON.parse would refuse the whole message for it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // An empty payload lands here too: it is how a retained message is cleared on the broker.
    return refuse(stationCode, 'bad_json', undefined, '消息不是有效的 JSON', 'The message is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse(stationCode, 'bad_json', undefined, '消息须为 JSON 对象', 'The message must be a JSON object');
  }
  return { ok: true, body: value as Body };
}

function envReading(body: Body, stationCode: string, ts: Date): ParseResult {
  const temperatureC = optionalNumber(body, 'temperatureC', stationCode);
  if (typeof temperatureC === 'object' && temperatureC !== null) return { ok: false, problem: temperatureC };
  const humidityPct = optionalNumber(body, 'humidityPct', stationCode);
  if (typeof humidityPct === 'object' && humidityPct !== null) return { ok: false, problem: humidityPct };
  const pm25 = optionalNumber(body, 'pm25', stationCode);
  if (typeof pm25 === 'object' && pm25 !== null) return { ok: false, problem: pm25 };
  const co2ppm = optionalNumber(body, 'co2ppm', stationCode);
  if (typeof co2ppm === 'object' && co2ppm !== null) return { ok: false, problem: co2ppm };
  // A sensor that failed entirely still reports; a message with no value would only be an empty row.
  if (temperatureC === null && humidityPct === null && pm25 === null && co2ppm === null) {
    return refuse(
      stationCode,
      'bad_field',
      undefined,
      '环境消息至少须有 temperatureC、humidityPct、pm25、co2ppm 中的一项',
      'An environment message needs at least one of temperatureC, humidityPct, pm25, co2ppm',
    );
  }
  return { ok: true, reading: { kind: 'env', stationCode, ts, temperatureC, humidityPct, pm25, co2ppm } };
}

/** A number within its range, null when absent or null, or the problem. */
function optionalNumber(body: Body, field: RangedField, stationCode: string): number | null | ParseProblem {
  const value = body[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number') {
    return wrongType(stationCode, field, '数字或 null', 'a number or null').problem;
  }
  return inRange(value, field, stationCode);
}

/** A whole count within its range (required), or the problem. */
function count(body: Body, field: 'in' | 'out', stationCode: string): number | ParseProblem {
  const value = body[field];
  // A fraction is no count: the device is sending some other quantity under this name.
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return wrongType(stationCode, field, '整数', 'a whole number').problem;
  }
  return inRange(value, field, stationCode);
}

function inRange(value: number, field: RangedField, stationCode: string): number | ParseProblem {
  const range = PLAUSIBLE_RANGES[field];
  // Written so that NaN fails too (JSON cannot carry it, but 1e999 parses to Infinity).
  if (value >= range.min && value <= range.max) return value;
  return problem(
    stationCode,
    'out_of_range',
    field,
    `${range.zh}（${field}）须在 ${range.min} 至 ${range.max}${range.unit} 之间，收到 ${value}`,
    `${range.en} (${field}) must be between ${range.min} and ${range.max}${range.unit}; got ${value}`,
  );
}

// ISO 8601 as RFC 3339 profiles it, the offset required: a time without one would be read in
// whatever zone the server runs in. `+0800` is accepted too, as C's strftime("%z") writes it.
// Without capture groups: the parts are read at their fixed places, which is several times faster.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:[Zz]|[+-]\d{2}:?\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function timestampOf(body: Body, stationCode: string, now: number): Date | ParseProblem {
  const text = body.ts;
  const shape = '带时区偏移的 ISO 8601 时间，如 2026-12-07T12:00:00+08:00';
  const shapeEn = 'an ISO 8601 time with an offset, such as 2026-12-07T12:00:00+08:00';
  if (typeof text !== 'string') return wrongType(stationCode, 'ts', shape, shapeEn).problem;
  const instant = instantOf(text);
  if (instant === null) return wrongType(stationCode, 'ts', shape, shapeEn).problem;
  // The text matched TIMESTAMP, so echoing it back cannot carry anything but digits and signs.
  if (now - instant > MAX_TS_BEHIND_MS) {
    return problem(
      stationCode,
      'clock_skew',
      'ts',
      `时间 ${text} 早于接收时间 24 小时以上：请校准设备时钟`,
      `The time ${text} is over 24 hours before the message arrived: set the device's clock`,
    );
  }
  if (instant - now > MAX_TS_AHEAD_MS) {
    return problem(
      stationCode,
      'clock_skew',
      'ts',
      `时间 ${text} 晚于接收时间 5 分钟以上：请校准设备时钟`,
      `The time ${text} is over 5 minutes after the message arrived: set the device's clock`,
    );
  }
  return new Date(instant);
}

/** Milliseconds since the epoch of a TIMESTAMP text that names a real time, else null. */
function instantOf(text: string): number | null {
  if (!TIMESTAMP.test(text)) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  // A leap second (:60) is refused with the other impossible times: none is scheduled, and a device
  // that sends one is more likely broken than exact.
  if (day < 1 || day > days || hour > 23 || minute > 59 || second > 59) return null;
  let at = 19;
  let millis = 0;
  if (text[at] === '.' || text[at] === ',') {
    at++;
    // Milliseconds from the first three digits; finer ones are dropped, as Date holds none.
    for (let scale = 100; isDigit(text.charCodeAt(at)); at++, scale /= 10) {
      if (scale >= 1) millis += (text.charCodeAt(at) - 48) * scale;
    }
  }
  let offsetMinutes = 0;
  if (text[at] === '+' || text[at] === '-') {
    const hours = digitsAt(text, at + 1, 2);
    const minutes = digitsAt(text, text[at + 3] === ':' ? at + 4 : at + 3, 2);
    // Real offsets run from −12:00 to +14:00.
    if (hours > 14 || minutes > 59) return null;
    offsetMinutes = (text[at] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  // Date.UTC reads years 0–99 as 1900–1999; such a time is refused as skewed either way.
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/** The number written by `count` ASCII digits from `start` (already known to be digits). */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function problem(
  stationCode: string | null,
  reason: ParseProblem['reason'],
  field: string | undefined,
  zh: string,
  en: string,
): ParseProblem {
  return field === undefined ? { stationCode, reason, zh, en } : { stationCode, reason, field, zh, en };
}

function refuse(
  stationCode: string,
  reason: ParseProblem['reason'],
  field: string | undefined,
  zh: string,
  en: string,
): { ok: false; problem: ParseProblem } {
  return { ok: false, problem: problem(stationCode, reason, field, zh, en) };
}

/** A missing field or one of the wrong type, named with what it must be. */
function wrongType(stationCode: string, field: string, zh: string, en: string): { ok: false; problem: ParseProblem } {
  return refuse(
    stationCode,
    'bad_field',
    field,
    `字段 ${field} 缺失或无效：须为${zh}`,
    `${field} is missing or invalid: it must be ${en}`,
  );
}
