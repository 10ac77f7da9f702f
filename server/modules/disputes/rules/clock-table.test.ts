import { describe, expect, it } from 'vitest';
import { CLOCK_CODES } from '../../../../contracts/disputes/clocks.js';
import { CASE_KINDS } from '../../../../contracts/disputes/case-state.js';
import { CLOCK_TABLE, wordsOf, type ClockContext } from './clock-table.js';
import { createCalendar } from './working-days.js';

const calendar = createCalendar();

describe('the clock table', () => {
  it('has one entry per clock, in the order the case page shows them', () => {
    expect(CLOCK_TABLE.map((s) => s.code)).toEqual([...CLOCK_CODES]);
  });

  it.each(CASE_KINDS)('names a statute and the people to remind for every clock (%s)', (kind) => {
    const c: ClockContext = {
      facts: { kind, appliedOn: '2025-03-01', acceptedOn: '2025-03-03', stage: 'intake' },
      calendar,
      ended: false,
      hasAgreement: false,
      today: '2025-03-03',
    };
    for (const spec of CLOCK_TABLE) {
      const label = wordsOf(spec.label, c);
      const basis = wordsOf(spec.basis, c);
      expect(label.zh && label.en, spec.code).toBeTruthy();
      expect(basis.zh, spec.code).toMatch(/《.+》|调解协议/);
      // A clock the studio promised says so in its basis; only statutory clocks are shown as law.
      if (spec.obligation?.(c) === 'service_standard') expect(basis.zh, spec.code).toMatch(/服务承诺/);
      expect(basis.en, spec.code).not.toBe('');
      expect(spec.audience.length, spec.code).toBeGreaterThan(0);
      expect(spec.remindBefore, spec.code).toBeGreaterThan(0);
    }
  });
});
