import { describe, expect, it } from 'vitest';
import { computeClocks, type ClockFacts } from './clocks.js';
import { createCalendar } from './working-days.js';
import { OVERDUE_TEXT_DAYS, warningKey, warningsToText, workerWarnings } from './worker-deadlines.js';

const cal = createCalendar();

// Knew of the harm on 2025-03-01: the year ends on Sunday 2026-03-01, moved to Monday 2026-03-02.
const facts: ClockFacts = {
  kind: 'union_mediation',
  appliedOn: '2025-12-01',
  acceptedOn: '2025-12-01',
  stage: 'closed_failed',
  harmKnownOn: '2025-03-01',
};
const on = (today: string, f: ClockFacts = facts) => workerWarnings(computeClocks(f, cal, today), f.kind);
const STAFF_WORDS = /请立即处理|依据：|提醒调解员|请核实|【/;

describe('the worker’s limitation warnings (劳动争议调解仲裁法第二十七条)', () => {
  it('says nothing more than a month before the last day', () => {
    expect(on('2026-01-30')).toEqual([]);
  });

  it('a month before: the last day moved off the Sunday, what it is for and what to do', () => {
    const [w, ...rest] = on('2026-01-31');
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ clock: 'limitation', kind: 'near', within: 30, dueOn: '2026-03-02', daysLeft: 30 });
    expect(w!.text).toContain('申请劳动仲裁的最后一天是 2026-03-02（还有 30 天）');
    expect(w!.text).toContain('劳动人事争议仲裁委员会');
    expect(w!.text).toContain('调解员');
    expect(w!.text).not.toMatch(STAFF_WORDS);
    expect(w!.textEn).toContain('2026-03-02');
  });

  it('a week before replaces the month’s step; the last day itself says today', () => {
    expect(on('2026-02-23')[0]).toMatchObject({ within: 7, daysLeft: 7 });
    expect(on('2026-03-02')[0]!.text).toContain('2026-03-02（就是今天）');
  });

  it('once passed: overdue, with the interruption explained in plain words', () => {
    const [w] = on('2026-03-03');
    expect(w).toMatchObject({ kind: 'overdue', within: null, daysLeft: -1 });
    expect(w!.text).toContain('已于 2026-03-02 届满');
    expect(w!.text).toContain('期限可能重新计算');
    expect(w!.text).not.toMatch(STAFF_WORDS);
  });

  it('stops once an agreement is in force', () => {
    expect(
      on('2026-02-23', {
        ...facts,
        stage: 'agreement_signed',
        agreementEffectiveOn: '2025-12-10',
        paymentDueDates: ['2026-06-30'],
      }).map((w) => w.clock),
    ).not.toContain('limitation');
  });
});

describe('texting each warning once', () => {
  it('skips a step already texted, and an overdue one long past', () => {
    const month = on('2026-01-31');
    expect(warningsToText(month, new Set([warningKey(month[0]!)]))).toEqual([]);
    expect(warningsToText(on('2026-02-23'), new Set([warningKey(month[0]!)]))).toHaveLength(1);
    expect(warningsToText(on('2026-03-03'), new Set())).toHaveLength(1);
    const longPast = on('2026-04-03'); // 32 days after the last day
    expect(longPast[0]!.daysLeft).toBeLessThan(-OVERDUE_TEXT_DAYS);
    expect(warningsToText(longPast, new Set())).toEqual([]);
  });

  it('a corrected last day is told again', () => {
    const before = on('2026-01-31')[0]!;
    const corrected = on('2026-02-05', { ...facts, harmKnownOn: '2025-03-05' })[0]!;
    expect(corrected.dueOn).toBe('2026-03-05');
    expect(warningsToText([corrected], new Set([warningKey(before)]))).toHaveLength(1);
  });
});

describe('the mediation period, told to the worker three days before', () => {
  it('union mediation: arbitration is open after it', () => {
    const open: ClockFacts = {
      kind: 'union_mediation',
      appliedOn: '2025-06-02',
      acceptedOn: '2025-06-02',
      stage: 'mediating',
    };
    const [w] = on('2025-06-14', open);
    expect(w).toMatchObject({ clock: 'mediation', within: 3, dueOn: '2025-06-17' });
    expect(w!.text).toContain('可以到劳动人事争议仲裁委员会申请仲裁');
  });
});
