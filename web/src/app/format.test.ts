import { describe, expect, it } from 'vitest';
import { formatDateTime, shanghaiDayStart, shanghaiNextDayStart } from './format';

describe('formatDateTime', () => {
  it('shows UTC instants in Asia/Shanghai', () => {
    expect(formatDateTime('2026-11-29T01:49:30Z')).toBe('2026-11-29 09:49');
    expect(formatDateTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00');
  });
  it('renders empty and invalid values as a dash', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
  it('turns a Shanghai calendar day into UTC bounds', () => {
    expect(shanghaiDayStart('2026-03-01')).toBe('2026-02-28T16:00:00.000Z');
    // The day ends where the next begins (a period's `to` is exclusive).
    expect(shanghaiNextDayStart('2026-03-01')).toBe('2026-03-01T16:00:00.000Z');
    expect(shanghaiNextDayStart('2024-02-28')).toBe('2024-02-28T16:00:00.000Z');
    expect(shanghaiNextDayStart('2025-12-31')).toBe('2025-12-31T16:00:00.000Z');
  });
});
