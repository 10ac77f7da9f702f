import { describe, expect, it } from 'vitest';
import {
  ATTLOG_MAX_LINES,
  commandLine,
  countDataLines,
  deviceLocalToUtc,
  getRequestAnswer,
  handshakeAnswer,
  OK_ANSWER,
  parseAttlog,
  parseDeviceCmdResults,
  tableCountAnswer,
  terminalName,
  verifyMethodOf,
} from './adms-protocol.js';
import {
  ATTLOG_BODY,
  ATTLOG_BODY_DAMAGED,
  ATTLOG_BODY_ONE_BROKEN,
  DEVICECMD_BODY,
  HANDSHAKE_QUERY,
  OPERLOG_BODY,
  RECORDED_SERIAL,
} from './adms-recorded.js';

const CHINA = 480;
const JPEG_BASE64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]).toString(
  'base64',
);

describe('handshake', () => {
  it('answers the recorded handshake with the options, one per LF-ended line', () => {
    const sn = new URLSearchParams(HANDSHAKE_QUERY).get('SN') ?? '';
    const answer = handshakeAnswer(sn, { attlogStamp: '9999', operlogStamp: '0', timeZoneHours: 8, delaySeconds: 10 });
    expect(answer.split('\n')).toEqual([
      `GET OPTION FROM: ${RECORDED_SERIAL}`,
      'ATTLOGStamp=9999',
      'OPERLOGStamp=0',
      'ATTPHOTOStamp=None',
      'ErrorDelay=30',
      'Delay=10',
      'TransTimes=00:00;14:05',
      'TransInterval=1',
      'TransFlag=TransData AttLog\tOpLog\tAttPhoto\tEnrollUser\tChgUser\tEnrollFP\tChgFP\tUserPic',
      'TimeZone=8',
      'Realtime=1',
      'Encrypt=None',
    ]);
    expect(answer).not.toContain('\r');
  });

  it('sends a half-hour zone in minutes and a stamp it cannot echo safely as None', () => {
    const answer = handshakeAnswer('ABC123', {
      attlogStamp: '12\r\nDelay=1',
      operlogStamp: '',
      timeZoneHours: 5.5,
      delaySeconds: 30,
    });
    expect(answer).toContain('\nTimeZone=330\n');
    expect(answer).toContain('\nATTLOGStamp=None\nOPERLOGStamp=None\n');
    expect(answer.match(/^Delay=/gm)).toEqual(['Delay=']);
  });

  it('refuses a serial number that would break the answer', () => {
    const options = { attlogStamp: '0', operlogStamp: '0', timeZoneHours: 8, delaySeconds: 10 };
    expect(() => handshakeAnswer('ABC\nDelay=1', options)).toThrow(/serial/);
    expect(() => handshakeAnswer('ABC', { ...options, timeZoneHours: 0.5 })).toThrow(/timeZoneHours/);
  });
});

describe('attendance records', () => {
  it('reads the recorded upload: four records, CRLF ends, the blank line skipped', () => {
    const { records, rejected } = parseAttlog(ATTLOG_BODY);
    expect(rejected).toEqual([]);
    expect(records.map((r) => [r.line, r.pin, r.localTime, r.status, r.verifyCode, r.method])).toEqual([
      [1, '1001', '2026-12-07 12:00:00', 0, 15, 'face'],
      [2, '1002', '2026-12-07 12:00:41', 0, 1, 'fingerprint'],
      [3, '1003', '2026-12-07 12:03:09', 0, 4, 'card'],
      [4, '1001', '2026-12-07 18:02:13', 1, 15, 'face'],
    ]);
    expect(records[0]?.workCode).toBe('0');
  });

  it('rejects 30 February by its line number and goes on with the others', () => {
    const { records, rejected } = parseAttlog(ATTLOG_BODY_ONE_BROKEN);
    expect(records.map((r) => [r.line, r.pin])).toEqual([
      [1, '1004'],
      [3, '1006'],
    ]);
    expect(rejected).toEqual([
      {
        line: 2,
        text: '1005\t2026-02-30 08:01:10\t0\t15\t0\t0\t0',
        zh: '日期不存在：2026-02-30',
        en: 'No such date: 2026-02-30',
      },
    ]);
  });

  it('names each damaged line with its reason and keeps the good one after a byte-order mark', () => {
    const { records, rejected } = parseAttlog(ATTLOG_BODY_DAMAGED);
    expect(records.map((r) => [r.line, r.pin])).toEqual([[5, '1009']]);
    expect(rejected.map((r) => [r.line, r.en])).toEqual([
      [1, 'Missing fields: a record needs PIN, time, status and verify type, separated by tabs'],
      [2, 'The PIN must be 1–24 letters or digits'],
      [3, 'The time must be YYYY-MM-DD HH:MM:SS'],
    ]);
    expect(rejected[0]?.text).toBe('1007\t2026-12-07 09:15:00');
    expect(rejected[1]?.zh).toBe('工号须为 1–24 位字母或数字');
  });

  it('rejects a time of day or a year that cannot be, and a status that is no number', () => {
    const body = ['1\t2026-12-07 24:00:00\t0\t1', '1\t1999-12-31 08:00:00\t0\t1', '1\t2026-12-07 08:00:00\tin\t1'];
    expect(parseAttlog(body.join('\n')).rejected.map((r) => r.en)).toEqual([
      'No such time of day: 24:00:00',
      'The year must be 2000–2099',
      'Status and verify type must be whole numbers 0–255',
    ]);
  });

  it(`refuses a body over ${ATTLOG_MAX_LINES} lines as a whole, and reads one of exactly that many`, () => {
    const line = '1001\t2026-12-07 12:00:00\t0\t15\t0\t0\t0\n';
    const tooMany = parseAttlog(line.repeat(ATTLOG_MAX_LINES + 1));
    expect(tooMany.records).toEqual([]);
    expect(tooMany.rejected).toEqual([
      { line: 0, text: '', zh: '请求超过 5000 行，整批未处理', en: 'Over 5000 lines; none was read' },
    ]);
    expect(parseAttlog(line.repeat(ATTLOG_MAX_LINES)).records).toHaveLength(ATTLOG_MAX_LINES);
  });

  it('names the verify types by the protocol’s codes', () => {
    const methods = [0, 1, 2, 3, 4, 9, 11, 15, 18, 25, 27, 200].map(verifyMethodOf);
    expect(methods).toEqual([
      'other',
      'fingerprint',
      'other',
      'password',
      'card',
      'fingerprint',
      'card',
      'face',
      'face',
      'palm',
      'face',
      'other',
    ]);
  });
});

describe('terminal time', () => {
  it('turns China wall-clock noon into 04:00 UTC, whatever the machine’s time zone', () => {
    const original = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const [noon] = parseAttlog(ATTLOG_BODY).records;
      expect(deviceLocalToUtc(noon?.localTime ?? '', CHINA).toISOString()).toBe('2026-12-07T04:00:00.000Z');
      expect(deviceLocalToUtc('2026-01-01 03:30:00', CHINA).toISOString()).toBe('2025-12-31T19:30:00.000Z');
      expect(deviceLocalToUtc('2026-12-07 12:00:00', -300).toISOString()).toBe('2026-12-07T17:00:00.000Z');
    } finally {
      process.env.TZ = original;
    }
  });

  it('refuses a time that is not a terminal time or an offset that is no zone', () => {
    expect(() => deviceLocalToUtc('2026-02-30 08:00:00', CHINA)).toThrow(/terminal time/);
    expect(() => deviceLocalToUtc('2026-12-07 12:00:00', 8)).not.toThrow();
    expect(() => deviceLocalToUtc('2026-12-07 12:00:00', 7.5)).toThrow(/offset/);
  });
});

describe('other tables', () => {
  it('counts an operation log for the answer without reading it as entries', () => {
    expect(countDataLines(OPERLOG_BODY)).toBe(3);
    expect(tableCountAnswer(countDataLines(OPERLOG_BODY))).toBe('OK:3');
    expect(tableCountAnswer(parseAttlog(ATTLOG_BODY).records.length)).toBe('OK:4');
    expect(countDataLines('\uFEFF\r\n\r\n')).toBe(0);
  });
});

describe('commands', () => {
  it('writes the user, delete and face commands exactly', () => {
    expect(commandLine(7, { kind: 'enrol_user', pin: '1001', name: '张三' })).toBe(
      'C:7:DATA UPDATE USERINFO PIN=1001\tName=张三\tPri=0\tPasswd=\tCard=\tGrp=1\tTZ=0000000000000000\tVerify=0',
    );
    expect(commandLine(8, { kind: 'delete_user', pin: '1001' })).toBe('C:8:DATA DELETE USERINFO PIN=1001');
    expect(commandLine(9, { kind: 'delete_face', pin: '1001' })).toBe('C:9:DATA DELETE BIOPHOTO PIN=1001');
    expect(commandLine(10, { kind: 'delete_face_template', pin: '1001' })).toBe(
      'C:10:DATA DELETE BIODATA Pin=1001\tType=9',
    );
    expect(commandLine(11, { kind: 'set_face', pin: '1001', jpegBase64: JPEG_BASE64 })).toBe(
      `C:11:DATA UPDATE BIOPHOTO PIN=1001\tType=9\tSize=16\tContent=${JPEG_BASE64}\tFormat=0`,
    );
  });

  it('refuses what would be a programming error: a PIN with letters, a bad id, a photo that is no JPEG', () => {
    expect(() => commandLine(1, { kind: 'delete_user', pin: 'A1001' })).toThrow(/digits/);
    expect(() => commandLine(1, { kind: 'delete_user', pin: '1001\nC:2:CLEAR DATA' })).toThrow(/digits/);
    expect(() => commandLine(0, { kind: 'delete_user', pin: '1001' })).toThrow(/command id/);
    const png = Buffer.from('\x89PNG\r\n\x1a\n').toString('base64');
    expect(() => commandLine(1, { kind: 'set_face', pin: '1001', jpegBase64: png })).toThrow(/JPEG/);
  });

  it('keeps tabs and line breaks out of a name on the terminal', () => {
    const line = commandLine(3, { kind: 'enrol_user', pin: '42', name: '李\t四\r\nPri=14' });
    expect(line).toContain('\tName=李 四 Pri=14\tPri=0\t');
    expect(line.split('\t')).toHaveLength(8);
    expect(terminalName('\u202E王五\u200B\u0000 ')).toBe('王五');
  });

  it('cuts a long name to 24 bytes between characters', () => {
    const thirty = '欧阳'.repeat(15);
    expect(terminalName(thirty)).toBe('欧阳欧阳欧阳欧阳');
    expect(new TextEncoder().encode(terminalName(thirty)).length).toBe(24);
    // 22 bytes so far; the next character would take 3 more, so it is left out whole.
    expect(terminalName('Zhang Weiwei 张伟伟伟')).toBe('Zhang Weiwei 张伟伟');
    // "é" written as e + combining accent is one character: not cut between the two.
    expect(terminalName('Aaaaaaaaaaaaaaaaaaaaaaae\u0301')).toBe('Aaaaaaaaaaaaaaaaaaaaaaa');
  });

  it('answers a heartbeat with OK, or with the pending commands one per LF line', () => {
    expect(getRequestAnswer([])).toBe(OK_ANSWER);
    const lines = [
      commandLine(12, { kind: 'enrol_user', pin: '1001', name: '张三' }),
      commandLine(13, { kind: 'delete_face', pin: '1002' }),
    ];
    expect(getRequestAnswer(lines)).toBe(`${lines[0]}\n${lines[1]}`);
    expect(() => getRequestAnswer(['C:1:REBOOT\nC:2:CLEAR DATA'])).toThrow(/commandLine/);
  });
});

describe('command results', () => {
  it('reads the recorded success and failure', () => {
    expect(parseDeviceCmdResults(DEVICECMD_BODY)).toEqual([
      { id: 12, returnCode: 0, cmd: 'DATA' },
      { id: 13, returnCode: -10, cmd: 'DATA' },
    ]);
  });

  it('takes fields in any order with extras, and skips INFO lines, foreign ids and garbage', () => {
    const body = [
      'Return=-1002&CMD=DATA&ID=14&SN=CQZ7232460512',
      'ID=15&Return=0&CMD=INFO',
      '~DeviceName=SpeedFace-V5L',
      'ID=info8487&Return=0&CMD=DATA',
      'ID=16&Return=ok&CMD=DATA',
      'garbage',
      'ID=17&Return=0',
    ].join('\r\n');
    expect(parseDeviceCmdResults(body)).toEqual([
      { id: 14, returnCode: -1002, cmd: 'DATA' },
      { id: 15, returnCode: 0, cmd: 'INFO' },
      { id: 17, returnCode: 0, cmd: '' },
    ]);
  });
});
