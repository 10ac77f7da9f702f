import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  MAX_PAYLOAD_BYTES,
  TOPIC_PREFIX,
  parseMessage,
  stationCodeOfTopic,
  type ParseProblem,
  type ParseResult,
  type Reading,
} from './messages.js';

const received = new Date('2026-12-07T04:00:00Z');
const station = 'HF-BH-001';
const topicOf = (channel: string) => `${TOPIC_PREFIX}${station}/${channel}`;
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const env = (fields: Record<string, unknown>) => ({ ts: '2026-12-07T12:00:00+08:00', ...fields });

function readingOf(result: ParseResult): Reading {
  if (!result.ok) throw new Error(`refused: ${result.problem.reason} ${result.problem.field} ${result.problem.en}`);
  return result.reading;
}

function problemOf(result: ParseResult): ParseProblem {
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.reading)}`);
  return result.problem;
}

const parse = (channel: string, body: unknown) => parseMessage(topicOf(channel), json(body), received);

describe('topics', () => {
  it('finds the station code after the prefix, whatever follows', () => {
    expect(stationCodeOfTopic(`${TOPIC_PREFIX}HF-BH-001/env`)).toBe('HF-BH-001');
    expect(stationCodeOfTopic(`${TOPIC_PREFIX}HF-BH-001/equipment/ac_1`)).toBe('HF-BH-001');
    expect(stationCodeOfTopic(`${TOPIC_PREFIX}HF-BH-001/whatever`)).toBe('HF-BH-001');
    expect(stationCodeOfTopic(`${TOPIC_PREFIX}HF-BH-001`)).toBe('HF-BH-001');
  });

  it('finds no station in a topic that names none', () => {
    for (const topic of [
      '',
      'yizhan/stations/',
      'yizhan/stations//env',
      'yizhan/stations/hf-bh-001/env', // codes are capitals
      'yizhan/stations/AB/env', // 3–32 characters
      `yizhan/stations/${'A'.repeat(33)}/env`,
      'yizhan/stations/-AB/env',
      'yizhan/stations/+/env',
      'yizhan/stations/#',
      'other/stations/HF-BH-001/env',
      '/yizhan/stations/HF-BH-001/env',
    ]) {
      expect(stationCodeOfTopic(topic), topic).toBeNull();
      expect(problemOf(parseMessage(topic, json(env({ pm25: 1 })), received))).toMatchObject({
        stationCode: null,
        reason: 'bad_topic',
      });
    }
    expect(stationCodeOfTopic(`yizhan/stations/${'A'.repeat(32)}/env`)).toBe('A'.repeat(32));
  });

  it('refuses an unknown channel at its station', () => {
    for (const channel of ['envx', 'env/', 'env/extra', 'ENV', 'equipment', 'equipment/', '', 'status/1']) {
      const problem = problemOf(parse(channel, env({ pm25: 1 })));
      expect(problem, channel).toMatchObject({ stationCode: station, reason: 'bad_topic' });
    }
  });

  it('refuses a bad equipment code, naming it', () => {
    for (const code of ['a/b', 'a b', 'x'.repeat(33), '空调', 'ac.1', '+']) {
      expect(problemOf(parse(`equipment/${code}`, { ts: env({}).ts, state: 'on' })), code).toMatchObject({
        stationCode: station,
        reason: 'bad_topic',
        field: 'equipmentCode',
      });
    }
    const reading = readingOf(parse(`equipment/${'x'.repeat(32)}`, { ts: env({}).ts, state: 'on' }));
    expect(reading).toMatchObject({ kind: 'equipment', equipmentCode: 'x'.repeat(32) });
  });
});

describe('env', () => {
  it('reads the four values at the instant the offset gives', () => {
    const reading = readingOf(parse('env', env({ temperatureC: 31.5, humidityPct: 62, pm25: 35, co2ppm: 650 })));
    expect(reading).toEqual({
      kind: 'env',
      stationCode: station,
      ts: new Date('2026-12-07T04:00:00Z'),
      temperatureC: 31.5,
      humidityPct: 62,
      pm25: 35,
      co2ppm: 650,
    });
  });

  it('takes any value null or absent, but not all four', () => {
    expect(readingOf(parse('env', env({ temperatureC: null, pm25: 12 })))).toMatchObject({
      temperatureC: null,
      humidityPct: null,
      pm25: 12,
      co2ppm: null,
    });
    const none = problemOf(parse('env', env({ temperatureC: null, humidityPct: null })));
    expect(none).toMatchObject({ stationCode: station, reason: 'bad_field' });
    expect(none.en).toContain('at least one');
  });

  it('ignores fields it does not know', () => {
    const reading = readingOf(parse('env', env({ pm25: 3, firmware: '1.2.3', extra: { nested: [1, 2] } })));
    expect(reading).not.toHaveProperty('firmware');
  });

  it('refuses a value of the wrong type, naming the field', () => {
    for (const [field, value] of [
      ['temperatureC', '31.5'],
      ['humidityPct', true],
      ['pm25', [35]],
      ['co2ppm', { value: 650 }],
    ] as const) {
      const problem = problemOf(parse('env', env({ temperatureC: 20, [field]: value })));
      expect(problem, field).toMatchObject({ stationCode: station, reason: 'bad_field', field });
    }
  });

  it.each([
    ['temperatureC', -50, 80],
    ['humidityPct', 0, 100],
    ['pm25', 0, 2000],
    ['co2ppm', 0, 20000],
  ])('takes %s from %d to %d and refuses a hair beyond', (field, min, max) => {
    expect(readingOf(parse('env', env({ [field]: min })))).toMatchObject({ [field]: min });
    expect(readingOf(parse('env', env({ [field]: max })))).toMatchObject({ [field]: max });
    for (const outside of [min - 0.01, max + 0.01]) {
      const problem = problemOf(parse('env', env({ [field]: outside })));
      expect(problem).toMatchObject({ stationCode: station, reason: 'out_of_range', field });
      expect(problem.en).toContain(String(outside));
    }
  });

  it('refuses a number too large for a double (JSON gives Infinity)', () => {
    const payload = Buffer.from(`{"ts":"2026-12-07T12:00:00+08:00","co2ppm":1e999}`);
    expect(problemOf(parseMessage(topicOf('env'), payload, received))).toMatchObject({
      reason: 'out_of_range',
      field: 'co2ppm',
    });
  });
});

describe('ts', () => {
  const at = (ts: unknown) => parse('env', { ts, pm25: 1 });

  it('reads offsets written as Z, ±HH:MM and ±HHMM, with a fraction', () => {
    const instant = new Date('2026-12-07T04:00:00Z');
    for (const ts of [
      '2026-12-07T12:00:00+08:00',
      '2026-12-07T04:00:00Z',
      '2026-12-07T04:00:00z',
      '2026-12-07T12:00:00+0800',
      '2026-12-06T23:00:00-05:00',
      '2026-12-07T05:30:00+01:30',
    ]) {
      expect(readingOf(at(ts)).ts, ts).toEqual(instant);
    }
    expect(readingOf(at('2026-12-07T12:00:00.123456789+08:00')).ts).toEqual(new Date('2026-12-07T04:00:00.123Z'));
    expect(readingOf(at('2026-12-07T12:00:00.5+08:00')).ts).toEqual(new Date('2026-12-07T04:00:00.500Z'));
  });

  it('refuses a time without an offset, or no time at all', () => {
    for (const ts of [
      '2026-12-07T12:00:00',
      '2026-12-07 12:00:00+08:00',
      '2026-12-07T12:00+08:00',
      '2026-12-07',
      '2026-12-07T12:00:00+08',
      '2026-12-07T12:00:00+15:00',
      '2026-12-07T12:00:00+08:60',
      '2026-02-29T12:00:00+08:00',
      '2026-13-01T12:00:00+08:00',
      '2026-12-00T12:00:00+08:00',
      '2026-12-07T24:00:00+08:00',
      '2026-12-07T12:60:00+08:00',
      '2026-12-07T12:00:60+08:00',
      ' 2026-12-07T12:00:00+08:00',
      '１２',
      1796616000000,
      null,
      undefined,
    ]) {
      expect(problemOf(at(ts)), String(ts)).toMatchObject({ stationCode: station, reason: 'bad_field', field: 'ts' });
    }
  });

  it('knows leap years', () => {
    const leapDay = new Date('2028-02-29T04:00:00Z');
    expect(
      readingOf(parseMessage(topicOf('env'), json({ ts: '2028-02-29T12:00:00+08:00', pm25: 1 }), leapDay)).ts,
    ).toEqual(leapDay);
    const notLeap = new Date('2100-02-28T04:00:00Z');
    const result = parseMessage(topicOf('env'), json({ ts: '2100-02-29T12:00:00+08:00', pm25: 1 }), notLeap);
    expect(problemOf(result).field).toBe('ts');
  });

  it('takes up to 24 hours behind and 5 minutes ahead of the receive time, and refuses beyond', () => {
    const iso = (ms: number) => new Date(received.getTime() + ms).toISOString();
    expect(readingOf(at(iso(-24 * 3600_000))).ts).toEqual(new Date(received.getTime() - 24 * 3600_000));
    expect(readingOf(at(iso(5 * 60_000))).ts).toEqual(new Date(received.getTime() + 5 * 60_000));
    for (const ms of [-24 * 3600_000 - 1, 5 * 60_000 + 1, -400 * 24 * 3600_000]) {
      expect(problemOf(at(iso(ms))), String(ms)).toMatchObject({
        stationCode: station,
        reason: 'clock_skew',
        field: 'ts',
      });
    }
    expect(problemOf(at('0026-12-07T12:00:00+08:00')).reason).toBe('clock_skew');
  });
});

describe('equipment, people, alarm, status', () => {
  const ts = '2026-12-07T12:00:00+08:00';

  it('reads equipment state and power', () => {
    expect(readingOf(parse('equipment/ac-1', { ts, state: 'fault', powerW: 0 }))).toEqual({
      kind: 'equipment',
      stationCode: station,
      equipmentCode: 'ac-1',
      ts: new Date('2026-12-07T04:00:00Z'),
      state: 'fault',
      powerW: 0,
    });
    expect(readingOf(parse('equipment/ac-1', { ts, state: 'off' }))).toMatchObject({ state: 'off', powerW: null });
    expect(readingOf(parse('equipment/ac-1', { ts, state: 'on', powerW: 20000 }))).toMatchObject({ powerW: 20000 });
    for (const state of ['ON', 'broken', '', null, 1, undefined]) {
      expect(problemOf(parse('equipment/ac-1', { ts, state })), String(state)).toMatchObject({
        reason: 'bad_field',
        field: 'state',
      });
    }
    expect(problemOf(parse('equipment/ac-1', { ts, state: 'on', powerW: 20000.5 }))).toMatchObject({
      reason: 'out_of_range',
      field: 'powerW',
    });
    expect(problemOf(parse('equipment/ac-1', { ts, state: 'on', powerW: '5' }))).toMatchObject({
      reason: 'bad_field',
      field: 'powerW',
    });
  });

  it('reads people counts as whole numbers 0–1000', () => {
    expect(readingOf(parse('people', { ts, in: 3, out: 0 }))).toEqual({
      kind: 'people',
      stationCode: station,
      ts: new Date('2026-12-07T04:00:00Z'),
      in: 3,
      out: 0,
    });
    expect(readingOf(parse('people', { ts, in: 1000, out: 1000 }))).toMatchObject({ in: 1000, out: 1000 });
    expect(problemOf(parse('people', { ts, in: 1001, out: 0 }))).toMatchObject({ reason: 'out_of_range', field: 'in' });
    expect(problemOf(parse('people', { ts, in: 0, out: -1 }))).toMatchObject({ reason: 'out_of_range', field: 'out' });
    expect(problemOf(parse('people', { ts, in: 1.5, out: 0 }))).toMatchObject({ reason: 'bad_field', field: 'in' });
    expect(problemOf(parse('people', { ts, in: 1 }))).toMatchObject({ reason: 'bad_field', field: 'out' });
    expect(problemOf(parse('people', { ts, in: '1', out: 0 }))).toMatchObject({ reason: 'bad_field', field: 'in' });
  });

  it('reads the four device alarms and refuses others', () => {
    for (const kind of ['emergency_button', 'smoke', 'door_forced', 'water_leak'] as const) {
      expect(readingOf(parse('alarm', { ts, kind }))).toEqual({
        kind: 'alarm',
        stationCode: station,
        ts: new Date('2026-12-07T04:00:00Z'),
        alarm: kind,
      });
    }
    for (const kind of ['fire', 'SMOKE', 'offline', 'equipment_fault', null, undefined]) {
      expect(problemOf(parse('alarm', { ts, kind })), String(kind)).toMatchObject({
        reason: 'bad_field',
        field: 'kind',
      });
    }
  });

  it('stamps a status with the receive time, ignoring any ts', () => {
    const online = readingOf(parse('status', { online: true }));
    expect(online).toEqual({ kind: 'status', stationCode: station, ts: received, online: true });
    expect(online.ts).not.toBe(received);
    const lastWill = readingOf(parse('status', { online: false, ts: '2020-01-01T00:00:00Z' }));
    expect(lastWill).toEqual({ kind: 'status', stationCode: station, ts: received, online: false });
    for (const value of ['false', 0, null, undefined]) {
      expect(problemOf(parse('status', { online: value })), String(value)).toMatchObject({
        reason: 'bad_field',
        field: 'online',
      });
    }
  });
});

describe('payloads', () => {
  it('refuses a payload over 4 KB without reading it', () => {
    const parseJson = vi.spyOn(JSON, 'parse');
    try {
      const exactly = Buffer.from(JSON.stringify(env({ pm25: 1, pad: '' })));
      const padded = (bytes: number) =>
        Buffer.from(JSON.stringify(env({ pm25: 1, pad: 'x'.repeat(bytes - exactly.length) })));
      expect(padded(MAX_PAYLOAD_BYTES).length).toBe(4096);
      expect(readingOf(parseMessage(topicOf('env'), padded(MAX_PAYLOAD_BYTES), received)).kind).toBe('env');
      parseJson.mockClear();
      const problem = problemOf(parseMessage(topicOf('env'), padded(MAX_PAYLOAD_BYTES + 1), received));
      expect(problem).toMatchObject({ stationCode: station, reason: 'too_large' });
      expect(problemOf(parseMessage(topicOf('env'), Buffer.alloc(1_000_000, 0xff), received)).reason).toBe('too_large');
      expect(parseJson).not.toHaveBeenCalled();
    } finally {
      parseJson.mockRestore();
    }
  });

  it('refuses bytes that are not UTF-8, and text that is not a JSON object', () => {
    const bad = (bytes: Buffer) => problemOf(parseMessage(topicOf('env'), bytes, received));
    for (const bytes of [
      Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
      Buffer.from([0x7b, 0x22, 0xc3, 0x22, 0x7d]), // a cut two-byte sequence
      Buffer.from([0x7b, 0xed, 0xa0, 0x80, 0x7d]), // an encoded surrogate
      Buffer.from([0xc0, 0xaf]), // an overlong '/'
    ]) {
      expect(bad(bytes)).toMatchObject({ stationCode: station, reason: 'bad_json' });
    }
    for (const text of ['', '{', '{"ts":', "{'ts': 1}", 'null', '42', '"env"', '[]', '[{"pm25":1}]', 'NaN']) {
      expect(bad(Buffer.from(text)), text).toMatchObject({ stationCode: station, reason: 'bad_json' });
    }
  });

  it('reads a payload that starts with a byte-order mark', () => {
    const payload = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json(env({ pm25: 1 }))]);
    expect(readingOf(parseMessage(topicOf('env'), payload, received)).kind).toBe('env');
  });

  it('is not fooled by keys that name Object.prototype', () => {
    const payload = Buffer.from('{"__proto__":{"ts":"2026-12-07T12:00:00+08:00","pm25":1},"constructor":1}');
    expect(problemOf(parseMessage(topicOf('env'), payload, received)).field).toBe('ts');
  });

  it('explains every refusal in Chinese and English', () => {
    const refusals = [
      parseMessage('nope', json({}), received),
      parse('env', env({ pm25: 5000 })),
      parse('env', { pm25: 1 }),
      parse('people', { ts: '2026-12-01T00:00:00Z', in: 1, out: 1 }),
      parseMessage(topicOf('env'), Buffer.from('{'), received),
      parseMessage(topicOf('env'), Buffer.alloc(5000, 0x20), received),
      parseMessage(topicOf('env'), json(env({ pm25: 1 })), new Date(Number.NaN)),
    ];
    for (const result of refusals) {
      const { zh, en } = problemOf(result);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('whatever the input', () => {
  const REASONS = ['bad_topic', 'bad_json', 'bad_field', 'out_of_range', 'too_large', 'clock_skew'];
  const KINDS = ['env', 'equipment', 'people', 'alarm', 'status'];

  function expectWellFormed(result: ParseResult) {
    if (result.ok) {
      expect(KINDS).toContain(result.reading.kind);
      expect(Number.isFinite(result.reading.ts.getTime())).toBe(true);
    } else {
      expect(REASONS).toContain(result.problem.reason);
      expect(result.problem.zh.length).toBeGreaterThan(0);
      expect(result.problem.en.length).toBeGreaterThan(0);
    }
  }

  const channel = fc.constantFrom('env', 'people', 'alarm', 'status', 'equipment/ac-1', 'equipment/', 'x');
  const topic = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc
      .tuple(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }))
      .map(([a, b]) => TOPIC_PREFIX + a + b),
    channel.map((c) => topicOf(c)),
  );

  it('never throws on random topics and random bytes', () => {
    fc.assert(
      fc.property(topic, fc.uint8Array({ maxLength: 5000 }), (t, bytes) => {
        expectWellFormed(parseMessage(t, Buffer.from(bytes), received));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on random JSON and random field values', () => {
    const ts = fc.oneof(
      fc.constant('2026-12-07T12:00:00+08:00'),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string({ maxLength: 40 }),
      fc.anything(),
    );
    const value = fc.oneof(fc.double(), fc.integer(), fc.constant(null), fc.anything());
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          ts,
          temperatureC: value,
          humidityPct: value,
          pm25: value,
          co2ppm: value,
          state: fc.oneof(fc.constantFrom('on', 'off', 'fault'), fc.anything()),
          powerW: value,
          in: value,
          out: value,
          kind: fc.oneof(fc.constantFrom('smoke', 'water_leak'), fc.anything()),
          online: fc.oneof(fc.boolean(), fc.anything()),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(channel, body, (c, b) => {
        // JSON.stringify drops what JSON cannot hold (undefined, functions) and fails on BigInt.
        let text: string | undefined;
        try {
          text = JSON.stringify(b);
        } catch {
          return;
        }
        expectWellFormed(parseMessage(topicOf(c), Buffer.from(text ?? ''), received));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('speed', () => {
  it('parses 100,000 environment messages well within a second', () => {
    const payloads = Array.from({ length: 100_000 }, (_, i) =>
      json({
        ts: new Date(received.getTime() - (i % 3600) * 1000).toISOString().replace('Z', '+00:00'),
        temperatureC: 20 + (i % 150) / 10,
        humidityPct: 40 + (i % 50),
        pm25: i % 300,
        co2ppm: 400 + (i % 1000),
      }),
    );
    const topics = Array.from({ length: 100 }, (_, i) => `${TOPIC_PREFIX}HF-${String(i).padStart(4, '0')}/env`);
    let accepted = 0;
    const started = performance.now();
    for (let i = 0; i < payloads.length; i++) {
      if (parseMessage(topics[i % topics.length]!, payloads[i]!, received).ok) accepted++;
    }
    const elapsedMs = performance.now() - started;
    expect(accepted).toBe(100_000);
    // About 0.2–0.35 s here (JSON.parse is a third of it); the bound leaves room for a loaded machine.
    expect(elapsedMs).toBeLessThan(2000);
  });
});
