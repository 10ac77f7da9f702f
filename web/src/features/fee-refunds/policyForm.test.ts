import { describe, expect, it } from 'vitest';
import { dayAfter, refundPct, sharesTotalPct, toBody, toFormValues } from './policyForm';
import type { PolicyBody } from './types';

/** Jiangsu's seeded version as the API lists it. */
const body: PolicyBody = {
  title: { zh: '江苏省小微企业工会经费全额返还（2020—2024年）', en: 'Jiangsu (2020–2024)' },
  regionCode: '320000',
  effectiveFrom: '2020-01-01',
  effectiveTo: '2024-12-31',
  feeRateBp: 200,
  split: [
    { level: 'grassroots', shareBp: 6000 },
    { level: 'county', shareBp: 1500 },
    { level: 'city', shareBp: 1000 },
    { level: 'provincial', shareBp: 1000 },
    { level: 'national', shareBp: 500 },
  ],
  smallMicro: { sizeClasses: ['small', 'micro'], maxAnnualPaidFen: null, excludedFlags: [] },
  returned: {
    small_micro: { grassroots: 10_000, county: 10_000, city: 10_000, provincial: 10_000, national: 10_000 },
    ordinary: { grassroots: 10_000 },
  },
  routing: { noUnion: 'preparation_fund_held', noUnionAccount: 'paying_account' },
  source: '工会法第四十三条',
  assumptions: [{ zh: '待核实', en: 'To be confirmed' }],
};

describe('the policy form in percent and yuan', () => {
  it('gives back the same version it was filled from, to the basis point', () => {
    expect(toBody(toFormValues(body), body.assumptions)).toEqual(body);
  });

  it('shows Jiangsu as 2 %, 60/15/10/10/5, all back to small and micro, 60 % of the fee to others', () => {
    const v = toFormValues(body);
    expect(v.feeRatePct).toBe(2);
    expect(v.share).toEqual({ grassroots: 60, county: 15, city: 10, provincial: 10, national: 5 });
    expect(sharesTotalPct(v.share)).toBe(100);
    expect(refundPct(body, 'small_micro')).toBe(100);
    expect(refundPct(body, 'ordinary')).toBe(60);
  });

  it('leaves out a level with no share and a level returning nothing; a limit in yuan becomes fen', () => {
    const v = toFormValues(body);
    const out = toBody({
      ...v,
      share: { ...v.share, national: 0, provincial: 15 },
      returnedOrdinary: { grassroots: 50, county: 0, city: null, provincial: null, national: null },
      maxAnnualPaidYuan: 2000.5,
      feeRatePct: 1.25,
    });
    expect(out.split.map((s) => s.level)).not.toContain('national');
    expect(out.returned.ordinary).toEqual({ grassroots: 5_000 });
    expect(out.smallMicro?.maxAnnualPaidFen).toBe(200_050);
    expect(out.feeRateBp).toBe(125);
    expect(toBody({ ...v, smallMicroOn: false }).smallMicro).toBeNull();
    expect(toBody({ ...v, effectiveTo: '  ' }).effectiveTo).toBeNull();
  });

  it('starts a copy the day after its model ends, across a year', () => {
    expect(dayAfter('2024-12-31')).toBe('2025-01-01');
    expect(dayAfter('2024-02-28')).toBe('2024-02-29');
  });
});
