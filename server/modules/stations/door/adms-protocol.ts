/**
 * The ZKTeco ADMS ("push", /iclock/…) protocol of the station door terminals: reading what a terminal
 * sends, writing what the server answers. Text in, text out: no I/O, no clock, no machine time zone.
 *
 * Source: ZKTeco 《考勤 PUSH 通讯协议》 PUSH SDK document V4.0 (2021-01), push protocol 2.4.2, English
 * edition "Attendance PUSH Communication Protocol"; cited as §. Deviations from it say why.
 */

/** More lines than this and the whole body is refused: one request must not hold the server. */
export const ATTLOG_MAX_LINES = 5_000;
/** A record is 40–80 characters (§11.2); a far longer line is not one. */
export const ATTLOG_MAX_LINE_CHARS = 512;
/** The terminal's user name field is 24 bytes (TFT firmware). */
export const TERMINAL_NAME_MAX_BYTES = 24;
/** Result lines read from one devicecmd body; any later ones stay unconfirmed and are sent again. */
export const DEVICECMD_MAX_LINES = 1_000;
/** §3: letters and digits. It is echoed into the handshake, so nothing else may pass. */
export const DEVICE_SERIAL_PATTERN = /^[A-Za-z0-9]{1,64}$/;
/** PINs we send are digits: many firmwares refuse letters in a user ID, and the keypad has none. */
export const COMMAND_PIN_PATTERN = /^\d{1,24}$/;
/** The answer to an upload without a count (ATTPHOTO, options) and to /iclock/devicecmd. */
export const OK_ANSWER = 'OK';

// Several firmwares allow letters in a user ID, so records may carry them.
const RECORD_PIN = /^[A-Za-z0-9]{1,24}$/;
const WORK_CODE = /^[A-Za-z0-9]{0,24}$/;
const BYTE_NUMBER = /^(\d{1,2}|1\d\d|2[0-4]\d|25[0-5])$/;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const STAMP = /^[A-Za-z0-9]{1,32}$/;
const LINE_BREAK = /\r\n|\n|\r/;

export type AdmsVerifyMethod = 'password' | 'fingerprint' | 'card' | 'face' | 'palm' | 'other';

/**
 * §15.7 (Appendix 7). A combination is named by its strongest factor: face, palm, fingerprint, card,
 * password. 0 (any method), 2 (user ID only), the "X or Y" modes 5–7, finger vein 21–24 and 200 say
 * nothing about the factor used: 'other'. (Old black-and-white firmware wrote 0 for password and 2 for
 * card; those stay 'other' rather than a guess.)
 */
const METHOD_CODES: [AdmsVerifyMethod, number[]][] = [
  ['face', [15, 16, 17, 18, 19, 20, 27, 29]],
  ['palm', [25, 26, 28]],
  ['fingerprint', [1, 8, 9, 10, 12, 13, 14]],
  ['card', [4, 11]],
  ['password', [3]],
];
const METHOD_BY_CODE = new Map(METHOD_CODES.flatMap(([method, codes]) => codes.map((code) => [code, method] as const)));

export function verifyMethodOf(code: number): AdmsVerifyMethod {
  return METHOD_BY_CODE.get(code) ?? 'other';
}

// ---- Attendance records: POST /iclock/cdata?SN=…&table=ATTLOG (§11.2) ----

export interface AttlogRecord {
  /** 1-based line of the body (blank lines counted), to name it in a log. */
  line: number;
  pin: string;
  /** The terminal's wall clock, 'YYYY-MM-DD HH:MM:SS': see deviceLocalToUtc. */
  localTime: string;
  /** 0 check-in, 1 check-out, 2 break-out, 3 break-in, 4 overtime-in, 5 overtime-out, or a custom key. */
  status: number;
  verifyCode: number;
  method: AdmsVerifyMethod;
  workCode: string;
}

/** `line` is 0 when the body as a whole was refused. */
export interface AttlogRejection {
  line: number;
  text: string;
  zh: string;
  en: string;
}

type Reason = { zh: string; en: string };

/**
 * An ATTLOG body: a record a line, tab-separated PIN, time, status, verify type, work code, then reserved
 * fields (newer firmware adds mask flag and temperatures). A bad line is rejected with its reason without
 * stopping the others; blank lines are skipped. Never throws.
 */
export function parseAttlog(body: string): { records: AttlogRecord[]; rejected: AttlogRejection[] } {
  const lines = splitLines(withoutBom(body), ATTLOG_MAX_LINES);
  if (lines === null) {
    const zh = `请求超过 ${ATTLOG_MAX_LINES} 行，整批未处理`;
    return { records: [], rejected: [{ line: 0, text: '', zh, en: `Over ${ATTLOG_MAX_LINES} lines; none was read` }] };
  }
  const records: AttlogRecord[] = [];
  const rejected: AttlogRejection[] = [];
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    const result = attlogLine(text);
    if ('zh' in result) rejected.push({ line: index + 1, text: text.slice(0, 200), ...result });
    else records.push({ line: index + 1, ...result });
  });
  return { records, rejected };
}

function attlogLine(text: string): Omit<AttlogRecord, 'line'> | Reason {
  if (text.length > ATTLOG_MAX_LINE_CHARS) {
    return { zh: `该行超过 ${ATTLOG_MAX_LINE_CHARS} 个字符`, en: `Over ${ATTLOG_MAX_LINE_CHARS} characters` };
  }
  const [pin = '', localTime = '', status = '', verify = '', workCode = ''] = text.split('\t').map((f) => f.trim());
  if (!pin || !localTime || !status || !verify) {
    return {
      zh: '缺少字段：每行须有工号、时间、状态、验证方式，以制表符分隔',
      en: 'Missing fields: a record needs PIN, time, status and verify type, separated by tabs',
    };
  }
  if (!RECORD_PIN.test(pin)) return { zh: '工号须为 1–24 位字母或数字', en: 'The PIN must be 1–24 letters or digits' };
  const time = localTimeParts(localTime);
  if (!Array.isArray(time)) return time;
  if (!BYTE_NUMBER.test(status) || !BYTE_NUMBER.test(verify)) {
    return { zh: '考勤状态和验证方式须为 0–255 的整数', en: 'Status and verify type must be whole numbers 0–255' };
  }
  if (!WORK_CODE.test(workCode)) {
    return { zh: '工作代码须为至多 24 位字母或数字', en: 'The work code must be at most 24 letters or digits' };
  }
  const verifyCode = Number(verify);
  return { pin, localTime, status: Number(status), verifyCode, method: verifyMethodOf(verifyCode), workCode };
}

/** [year, month, day, hour, minute, second] of 'YYYY-MM-DD HH:MM:SS', or why it is no real time. */
function localTimeParts(value: string): number[] | Reason {
  const match = LOCAL_TIME.exec(value);
  if (!match) return { zh: '时间须为 YYYY-MM-DD HH:MM:SS 格式', en: 'The time must be YYYY-MM-DD HH:MM:SS' };
  const parts = match.slice(1).map(Number);
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  // A terminal that lost its clock restarts at 2000; anything outside this century is garbage.
  if (year < 2000 || year > 2099) return { zh: '年份须在 2000–2099 之间', en: 'The year must be 2000–2099' };
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) {
    return { zh: `日期不存在：${value.slice(0, 10)}`, en: `No such date: ${value.slice(0, 10)}` };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { zh: `时刻不存在：${value.slice(11)}`, en: `No such time of day: ${value.slice(11)}` };
  }
  return parts;
}

/**
 * The instant a terminal's wall-clock time stands for. Terminals keep local time without a zone (§11.2):
 * the offset is the station's (China +480), never the server machine's time zone.
 */
export function deviceLocalToUtc(localTime: string, offsetMinutes: number): Date {
  const parts = localTimeParts(localTime);
  if (!Array.isArray(parts)) throw new Error(`不是终端时间 / not a terminal time: "${localTime.slice(0, 40)}"`);
  if (!Number.isInteger(offsetMinutes) || offsetMinutes < -720 || offsetMinutes > 840) {
    throw new Error(`时区偏移须为 -720–840 分钟 / offset must be whole minutes in [-720, 840]: ${offsetMinutes}`);
  }
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000);
}

/** Records of a table we do not read (OPERLOG, USERINFO, BIODATA…), counted for the answer. */
export function countDataLines(body: string): number {
  return withoutBom(body)
    .split(LINE_BREAK)
    .filter((line) => line.trim() !== '').length;
}

/** §11.2: `OK:${count}`, the records processed; the documented form and examples have no space. */
export function tableCountAnswer(count: number): string {
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`记录数无效 / count must be a whole number: ${count}`);
  return `OK:${count}`;
}

function withoutBom(body: string): string {
  return body.startsWith('\uFEFF') ? body.slice(1) : body;
}

/** Lines of `text` (CRLF, LF or CR), or null past maxLines, known without reading further. */
function splitLines(text: string, maxLines: number): string[] | null {
  const lines: string[] = [];
  const breaks = new RegExp(LINE_BREAK.source, 'g');
  let start = 0;
  for (let found = breaks.exec(text); found; found = breaks.exec(text)) {
    lines.push(text.slice(start, found.index));
    start = found.index + found[0].length;
    if (lines.length > maxLines) return null;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines.length > maxLines ? null : lines;
}

// ---- Handshake: GET /iclock/cdata?SN=…&options=all (§6) ----

export interface HandshakeOptions {
  /**
   * The last stamps the device sent (§6: they let it resume after a restart; '0' makes it send the table
   * again from the start, §12.6.1). They come from the device, so one that is not 1–32 letters or digits
   * goes out as 'None' rather than failing every handshake.
   */
  attlogStamp: string;
  operlogStamp: string;
  attphotoStamp?: string;
  /** Whole hours; a half or quarter hour zone goes out in minutes (§6: |TimeZone| > 60 means minutes). */
  timeZoneHours: number;
  /** Seconds between command polls; §6 advises 2–60. */
  delaySeconds: number;
}

/**
 * The options answer. §6 separates options by LF alone, so no CR, and puts none after the last one.
 * TransFlag is the named form ("format two"): TransData, a space, then the tables separated by tabs.
 */
export function handshakeAnswer(sn: string, options: HandshakeOptions): string {
  if (!DEVICE_SERIAL_PATTERN.test(sn)) throw new Error(`序列号无效 / not a serial number: "${sn.slice(0, 40)}"`);
  const { delaySeconds } = options;
  if (!Number.isInteger(delaySeconds) || delaySeconds < 1 || delaySeconds > 300) {
    throw new Error(`轮询间隔须为 1–300 秒 / delaySeconds must be whole seconds in [1, 300]: ${delaySeconds}`);
  }
  const stamp = (value: string | undefined) => (value !== undefined && STAMP.test(value) ? value : 'None');
  const tables = ['AttLog', 'OpLog', 'AttPhoto', 'EnrollUser', 'ChgUser', 'EnrollFP', 'ChgFP', 'UserPic'];
  return [
    `GET OPTION FROM: ${sn}`,
    `ATTLOGStamp=${stamp(options.attlogStamp)}`,
    `OPERLOGStamp=${stamp(options.operlogStamp)}`,
    `ATTPHOTOStamp=${stamp(options.attphotoStamp)}`,
    'ErrorDelay=30',
    `Delay=${delaySeconds}`,
    'TransTimes=00:00;14:05',
    'TransInterval=1',
    `TransFlag=TransData ${tables.join('\t')}`,
    `TimeZone=${timeZoneValue(options.timeZoneHours)}`,
    'Realtime=1',
    'Encrypt=None',
  ].join('\n');
}

function timeZoneValue(hours: number): string {
  if (Number.isInteger(hours) && hours > -12 && hours < 12) return String(hours);
  const minutes = hours * 60;
  if (!Number.isInteger(hours * 4) || minutes < -720 || minutes > 840 || Math.abs(minutes) <= 60) {
    throw new Error(`时区无效 / timeZoneHours must be a real zone in quarter hours: ${hours}`);
  }
  return String(minutes);
}

// ---- Commands: GET /iclock/getrequest?SN=… (§12); results: POST /iclock/devicecmd?SN=… (§13) ----

export type AdmsCommand =
  | { kind: 'enrol_user'; pin: string; name: string }
  | { kind: 'delete_user'; pin: string }
  | { kind: 'delete_face'; pin: string }
  | { kind: 'delete_face_template'; pin: string }
  | { kind: 'set_face'; pin: string; jpegBase64: string };

/** `C:${id}:${command}` (§12). The id comes back with the result (§13); §12 allows 16 characters, a safe integer. */
export function commandLine(id: number, command: AdmsCommand): string {
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new Error(`命令编号无效 / command id must be a positive integer: ${id}`);
  }
  if (!COMMAND_PIN_PATTERN.test(command.pin)) {
    throw new Error(`工号只能是 1–24 位数字 / PIN must be 1–24 digits: "${command.pin.slice(0, 40)}"`);
  }
  return `C:${id}:${commandText(command)}`;
}

function commandText(command: AdmsCommand): string {
  const pin = command.pin;
  switch (command.kind) {
    // §12.2.1: Pri=0 ordinary user, Grp=1 default group, TZ of zeros: the group's time periods, Verify=0:
    // any method the person has. Passwd and Card stay empty: the server is the record of who may enter.
    case 'enrol_user': {
      const name = terminalName(command.name);
      return `DATA UPDATE USERINFO PIN=${pin}\tName=${name}\tPri=0\tPasswd=\tCard=\tGrp=1\tTZ=0000000000000000\tVerify=0`;
    }
    // §12.3.1: takes the person's templates and photos on the terminal with it.
    case 'delete_user':
      return `DATA DELETE USERINFO PIN=${pin}`;
    // §12.3.7 removes the comparison photo only; the face template the terminal made from it is BIODATA
    // type 9 (§12.3.5), so withdrawing a face takes both commands.
    case 'delete_face':
      return `DATA DELETE BIOPHOTO PIN=${pin}`;
    case 'delete_face_template':
      return `DATA DELETE BIODATA Pin=${pin}\tType=9`;
    // §12.2.8 comparison photo, the one the terminal matches against (USERPIC, §12.2.7, is only the picture
    // on screen): Type=9 visible-light face, Format=0 inline; Size is the base64 text's length (§12.2.8).
    case 'set_face': {
      const content = jpegBase64(command.jpegBase64);
      return `DATA UPDATE BIOPHOTO PIN=${pin}\tType=9\tSize=${content.length}\tContent=${content}\tFormat=0`;
    }
  }
}

function jpegBase64(content: string): string {
  // '/9j/' is the base64 of FF D8 FF, the start of every JPEG.
  if (content.length % 4 !== 0 || !/^\/9j\/[A-Za-z0-9+/]*={0,2}$/.test(content)) {
    throw new Error('人脸照片须为 base64 编码的 JPEG / jpegBase64 must be a base64-encoded JPEG');
  }
  return content;
}

// Breaks and tabs would end the field or the command; format characters (bidi overrides, zero widths)
// make a name read otherwise than it is stored; a lone surrogate is no text at all.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const utf8 = new TextEncoder();

/**
 * The name as the terminal will hold it: breaks become spaces, hidden characters go, cut to
 * TERMINAL_NAME_MAX_BYTES of UTF-8 between characters, never inside one or inside a combining sequence.
 * A Chinese-language terminal reads names as GB2312 (§2.1), 2 bytes a character where UTF-8 takes 3,
 * so the cut fits either way; which encoding the answer goes out in is the route's choice.
 */
export function terminalName(name: string): string {
  const visible = name.replace(BREAKS, ' ').replace(HIDDEN, '').replace(/ {2,}/g, ' ').trim();
  let kept = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(visible)) {
    bytes += utf8.encode(segment).length;
    if (bytes > TERMINAL_NAME_MAX_BYTES) break;
    kept += segment;
  }
  return kept.trimEnd();
}

/** §12: `OK` when nothing is pending, else the command lines joined by LF. */
export function getRequestAnswer(lines: string[]): string {
  if (lines.length === 0) return OK_ANSWER;
  if (!lines.every((line) => /^C:\d{1,16}:[^\r\n]+$/.test(line))) {
    throw new Error('命令行格式无效 / every line must come from commandLine()');
  }
  return lines.join('\n');
}

export interface DeviceCmdResult {
  id: number;
  /** 0 success; negative an error of §15.1, e.g. -10: no such user on the terminal. */
  returnCode: number;
  cmd: string;
}

/**
 * The results in a devicecmd body: `ID=…&Return=…&CMD=…` a line (§13), fields in any order, others
 * ignored. Lines without a numeric ID and a whole-number Return are skipped: the key=value lines after
 * an INFO result, ids we never issued, garbage.
 */
export function parseDeviceCmdResults(body: string): DeviceCmdResult[] {
  const results: DeviceCmdResult[] = [];
  for (const line of withoutBom(body).split(LINE_BREAK, DEVICECMD_MAX_LINES)) {
    const fields = new Map<string, string>();
    for (const pair of line.split('&')) {
      const equals = pair.indexOf('=');
      if (equals > 0) fields.set(pair.slice(0, equals).trim().toUpperCase(), pair.slice(equals + 1).trim());
    }
    const id = fields.get('ID') ?? '';
    const returnCode = fields.get('RETURN') ?? '';
    if (!/^[1-9]\d{0,15}$/.test(id) || !Number.isSafeInteger(Number(id)) || !/^-?\d{1,10}$/.test(returnCode)) continue;
    results.push({ id: Number(id), returnCode: Number(returnCode), cmd: fields.get('CMD') ?? '' });
  }
  return results;
}
