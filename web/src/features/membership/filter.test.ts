import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { applicationFilterOf } from './filter';

describe('the approval queue’s search as the API filter', () => {
  it('sends the chosen days as calendar dates, both ends included by the server', () => {
    expect(applicationFilterOf({ status: 'pending', period: [dayjs('2026-03-01'), dayjs('2026-03-31')] })).toEqual({
      status: 'pending',
      from: '2026-03-01',
      to: '2026-03-31',
    });
  });

  it('leaves an open end and blank picks out, and trims the name', () => {
    expect(applicationFilterOf({ q: '  马骑手 ', kind: undefined, period: [null, dayjs('2025-12-31')] })).toEqual({
      q: '马骑手',
      to: '2025-12-31',
    });
    expect(applicationFilterOf({ period: null })).toEqual({});
  });
});
