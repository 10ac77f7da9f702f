import { describe, expect, it } from 'vitest';
import type { LaborLawWarning } from '../../../../contracts/labor-law';
import { ALERT_TYPE, sortWarnings } from './warnings';

const w = (code: LaborLawWarning['code'], severity: LaborLawWarning['severity']): LaborLawWarning => ({
  code,
  severity,
  message: code,
  messageEn: code,
});

describe('sortWarnings', () => {
  it('puts critical warnings on top and keeps the server order within a severity', () => {
    const sorted = sortWarnings([
      w('average_wage_missing', 'warning'),
      w('annual_leave_exclusions', 'info'),
      w('double_wage_limitation', 'critical'),
      w('double_wage_open_ended_deemed', 'warning'),
      w('limitation_expired_risk', 'critical'),
    ]);
    expect(sorted.map((x) => x.code)).toEqual([
      'double_wage_limitation',
      'limitation_expired_risk',
      'average_wage_missing',
      'double_wage_open_ended_deemed',
      'annual_leave_exclusions',
    ]);
    expect(sorted.map((x) => ALERT_TYPE[x.severity])).toEqual(['error', 'error', 'warning', 'warning', 'info']);
  });
});
