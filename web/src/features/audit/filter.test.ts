import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { auditFilterOf } from './filter';

describe('the audit search as the API filter', () => {
  it('sends the chosen days as China-time bounds, up to the start of the day after the last', () => {
    expect(auditFilterOf({ period: [dayjs('2026-03-01'), dayjs('2026-03-31')] })).toEqual({
      from: '2026-02-28T16:00:00.000Z',
      // `to` is exclusive (the server keeps rows before it): the next day's start, not 23:59:59.999,
      // which would leave out what happened in the day's last millisecond.
      to: '2026-03-31T16:00:00.000Z',
    });
  });

  it('one day is its whole 24 hours in China', () => {
    const { from, to } = auditFilterOf({ period: [dayjs('2024-02-29'), dayjs('2024-02-29')] });
    expect(Date.parse(to!) - Date.parse(from!)).toBe(86_400_000);
  });

  it('leaves an open end out, trims texts and drops blanks', () => {
    expect(auditFilterOf({ actor: '  张三 ', action: '', period: [null, dayjs('2025-12-31')] })).toEqual({
      actor: '张三',
      to: '2025-12-31T16:00:00.000Z',
    });
    expect(auditFilterOf({ entityType: 'account', period: null })).toEqual({ entityType: 'account' });
  });
});
