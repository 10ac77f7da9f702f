import { describe, expect, it } from 'vitest';
import type { RefundLine } from '../../../../contracts/fee-refunds/codes.js';
import { buildUscc } from '../../../core/identifiers/uscc.js';
import { lineBalances } from './balance.js';
import { JIANGSU_2020_2024, SEED_POLICY_VERSIONS, type FeePolicyVersion } from './policy.js';
import { computeRefund, type CollectionRow, type EnterpriseRecord, type RefundInput } from './refund.js';

const WAN = 1_000_000; // fen in one 万元
const USCC = buildUscc({ registrationAuthority: '9', entityType: '1', regionCode: '320583', orgCodeBody8: 'MA1X2Y3B' });

/** A Kunshan manufacturer with 50 staff and 1,500万元 revenue: small (300号第四条（二）). */
const SMALL: EnterpriseRecord = {
  uscc: USCC,
  regionCode: '320583',
  industryCode: 'C3911',
  employees: 50,
  revenueFen: 1500 * WAN,
  assetsFen: null,
  hasUnion: true,
  hasUnionAccount: true,
};

/** 400 staff and 5,000万元: medium. */
const MEDIUM: EnterpriseRecord = { ...SMALL, employees: 400, revenueFen: 5000 * WAN };

function row(over: Partial<CollectionRow> = {}): CollectionRow {
  return {
    uscc: USCC,
    periodFrom: '2022-01-01',
    periodTo: '2022-03-31',
    paidFen: 125_300, // ¥1,253.00
    regionCode: '320583',
    ...over,
  };
}

function lines(input: Partial<RefundInput> & { enterprise?: EnterpriseRecord } = {}): RefundLine[] {
  const r = computeRefund({ collection: row(), enterprise: SMALL, policies: SEED_POLICY_VERSIONS, ...input });
  if (!r.ok) throw new Error(`no lines: ${r.problem.en}`);
  for (const l of r.lines) expect(lineBalances(l)).toBe(true);
  return r.lines;
}

function only(input: Partial<RefundInput> = {}): RefundLine {
  const ls = lines(input);
  expect(ls).toHaveLength(1);
  return ls[0] as RefundLine;
}

const NOTHING = { grassroots: 0, county: 0, city: 0, provincial: 0, national: 0 };

describe('Jiangsu 2020–2024: small and micro enterprises get back all they paid', () => {
  it('with a union and its account: all of it to the union account', () => {
    const l = only();
    expect(l).toMatchObject({
      policyId: JIANGSU_2020_2024.id,
      group: 'small_micro',
      sizeClass: 'small',
      collectedFen: 125_300,
      refundedFen: 125_300,
      pendingFen: 0,
      destination: 'union_account',
      retainedByLevel: NOTHING,
      notes: [],
    });
    // Where the money returned came from: 60 / 15 / 10 / 10 / 5 % of ¥1,253.00.
    expect(l.returnedByLevel).toEqual({
      grassroots: 75_180,
      county: 18_795,
      city: 12_530,
      provincial: 12_530,
      national: 6_265,
    });
  });

  it('with a union but no union account: all of it to the paying account', () => {
    const l = only({ enterprise: { ...SMALL, hasUnionAccount: false } });
    expect(l).toMatchObject({ refundedFen: 125_300, pendingFen: 0, destination: 'paying_account' });
    expect(l.notes.map((n) => n.code)).toEqual(['no_union_account']);
    expect(l.notes[0]?.zh).toContain('企业缴费账户');
  });

  it('with no union: held as preparation fund, nothing paid yet', () => {
    const l = only({ enterprise: { ...SMALL, hasUnion: false, hasUnionAccount: false } });
    expect(l).toMatchObject({
      refundedFen: 0,
      pendingFen: 125_300,
      destination: 'preparation_fund_held',
      retainedByLevel: NOTHING,
    });
    expect(l.notes.map((n) => n.code)).toEqual(['no_union_preparation_fund']);
  });

  it('a micro enterprise too (19 staff)', () => {
    expect(only({ enterprise: { ...SMALL, employees: 19 } })).toMatchObject({
      sizeClass: 'micro',
      refundedFen: 125_300,
    });
  });
});

describe('Jiangsu 2020–2024: other enterprises get the grassroots 60 % back', () => {
  it('a medium enterprise: 60 % to its union, 40 % kept by the higher levels, the odd fen to the grassroots', () => {
    // ¥1,000.01: 60 % = 60,000.6 fen, 15 % = 15,000.15, 10 % = 10,000.1 (twice), 5 % = 5,000.05;
    // the whole fen add up to 100,000 and the one left goes to the largest fraction (.6).
    const l = only({ enterprise: MEDIUM, collection: row({ paidFen: 100_001 }) });
    expect(l).toMatchObject({
      group: 'ordinary',
      sizeClass: 'medium',
      refundedFen: 60_001,
      pendingFen: 0,
      destination: 'union_account',
      retainedByLevel: { grassroots: 0, county: 15_000, city: 10_000, provincial: 10_000, national: 5_000 },
    });
    expect(l.notes.map((n) => n.code)).toEqual(['not_small_or_micro']);
  });

  it('a medium enterprise without a union: its 60 % held as preparation fund, the 40 % kept', () => {
    const l = only({ enterprise: { ...MEDIUM, hasUnion: false }, collection: row({ paidFen: 100_000 }) });
    expect(l).toMatchObject({
      refundedFen: 0,
      pendingFen: 60_000,
      destination: 'preparation_fund_held',
      retainedByLevel: { grassroots: 0, county: 15_000, city: 10_000, provincial: 10_000, national: 5_000 },
    });
  });
});

describe('the policy window: tax periods from 2020-01-01 to 2024-12-31', () => {
  it.each([
    ['2019-12-31', false],
    ['2020-01-01', true],
    ['2024-12-31', true],
    ['2025-01-01', false],
  ])('a one-day period on %s is computed: %s', (day, computed) => {
    const r = computeRefund({
      collection: row({ periodFrom: day, periodTo: day }),
      enterprise: SMALL,
      policies: SEED_POLICY_VERSIONS,
    });
    expect(r.ok).toBe(computed);
    if (!r.ok) {
      expect(r.problem.code).toBe('no_policy');
      expect(r.problem.zh).toContain(day);
    }
  });

  it.each([
    ['2019-12-01', '2019-12-31', false],
    ['2020-01-01', '2020-01-31', true],
    ['2024-12-01', '2024-12-31', true],
    ['2025-01-01', '2025-01-31', false],
  ])('the month %s – %s is computed: %s', (from, to, computed) => {
    const r = computeRefund({
      collection: row({ periodFrom: from, periodTo: to }),
      enterprise: SMALL,
      policies: SEED_POLICY_VERSIONS,
    });
    expect(r.ok).toBe(computed);
  });

  it('a period running past the window is not computed until the later version exists', () => {
    const r = computeRefund({
      collection: row({ periodFrom: '2024-12-01', periodTo: '2025-01-31' }),
      enterprise: SMALL,
      policies: SEED_POLICY_VERSIONS,
    });
    expect(r).toMatchObject({ ok: false, problem: { code: 'no_policy' } });
    if (!r.ok) expect(r.problem.en).toContain('2025-01-01—2025-01-31');
  });

  it('outside Jiangsu there is no version', () => {
    const r = computeRefund({
      collection: row({ regionCode: '310101' }),
      enterprise: SMALL,
      policies: SEED_POLICY_VERSIONS,
    });
    expect(r).toMatchObject({ ok: false, problem: { code: 'no_policy' } });
  });
});

describe('a period crossing two versions', () => {
  const suzhou: FeePolicyVersion = {
    ...JIANGSU_2020_2024,
    id: 'test-suzhou-2023',
    regionCode: '320500',
    effectiveFrom: '2023-01-01',
    effectiveTo: '2023-12-31',
    routing: { noUnion: 'preparation_fund_held', noUnionAccount: 'county_pooled' },
  };

  it('is shared by calendar days, one line per version, each routed by its own version', () => {
    const ls = lines({
      collection: row({ periodFrom: '2022-12-01', periodTo: '2023-01-31', paidFen: 62_001 }),
      enterprise: { ...SMALL, hasUnionAccount: false },
      policies: [JIANGSU_2020_2024, suzhou],
    });
    // 31 + 31 days: 31,000.5 fen each; the odd fen goes to the earlier part.
    expect(ls.map((l) => [l.policyId, l.periodFrom, l.periodTo, l.collectedFen, l.destination])).toEqual([
      [JIANGSU_2020_2024.id, '2022-12-01', '2022-12-31', 31_001, 'paying_account'],
      ['test-suzhou-2023', '2023-01-01', '2023-01-31', 31_000, 'county_pooled'],
    ]);
    expect(ls[0]?.notes.map((n) => n.code)).toEqual(['no_union_account', 'period_split_across_policies']);
    expect(ls[0]?.notes[1]?.zh).toContain('31天/共62天');
  });
});

describe('eligibility beyond the size class', () => {
  it('a code that stops at F is classed on the larger candidate, and the line says so', () => {
    const l = only({ enterprise: { ...SMALL, industryCode: 'F', employees: 25, revenueFen: 6000 * WAN } });
    expect(l).toMatchObject({ group: 'ordinary', sizeClass: 'medium', refundedFen: 75_180 });
    expect(l.notes.map((n) => n.code)).toEqual(['category_inferred', 'not_small_or_micro']);
  });

  it('a size class staff recorded replaces the computed one (finance has no computed class)', () => {
    const finance = { ...SMALL, industryCode: 'J6851', declaredSizeClass: 'micro' as const };
    const l = only({ enterprise: finance });
    expect(l).toMatchObject({ group: 'small_micro', sizeClass: 'micro', refundedFen: 125_300 });
    expect(l.notes.map((n) => n.code)).toEqual(['size_class_declared']);
    const undeclared = only({ enterprise: { ...finance, declaredSizeClass: null } });
    expect(undeclared).toMatchObject({ group: 'ordinary', sizeClass: null, refundedFen: 75_180 });
    expect(undeclared.notes.map((n) => n.code)).toEqual(['industry_not_covered', 'size_unknown']);
  });

  it('a class that cannot be decided gets the usual split', () => {
    const l = only({ enterprise: { ...SMALL, employees: 500, revenueFen: null } });
    expect(l).toMatchObject({ group: 'ordinary', sizeClass: null, refundedFen: 75_180 });
    expect(l.notes.map((n) => n.code)).toEqual(['indicator_missing', 'size_unknown']);
  });

  const smallPayers: FeePolicyVersion = {
    ...JIANGSU_2020_2024,
    id: 'test-small-payers',
    smallMicro: { sizeClasses: ['small', 'micro'], maxAnnualPaidFen: 1_000_000, excludedFlags: ['state_owned'] },
  };

  it.each([
    [1_000_000, 'small_micro', []],
    [1_000_001, 'ordinary', ['above_small_payer_threshold']],
    [null, 'ordinary', ['annual_paid_missing']],
  ])('a small-payer limit of ¥10,000 a year, paid in the year %s → %s', (paidInYearFen, group, codes) => {
    const l = only({ policies: [smallPayers], paidInYearFen });
    expect(l.group).toBe(group);
    expect(l.notes.map((n) => n.code)).toEqual(codes);
  });

  it('an exclusion flag the version names gives the usual split', () => {
    const l = only({
      policies: [smallPayers],
      paidInYearFen: 125_300,
      enterprise: { ...SMALL, flags: ['state_owned'] },
    });
    expect(l.group).toBe('ordinary');
    expect(l.notes[0]?.zh).toContain('国有及国有控股企业');
  });
});

describe('rounding to the fen', () => {
  it('a level returning half its share: the largest fractions get the odd fen, ties to the returned part', () => {
    const half: FeePolicyVersion = {
      ...JIANGSU_2020_2024,
      id: 'test-half-county',
      returned: { ...JIANGSU_2020_2024.returned, ordinary: { grassroots: 10_000, county: 5000 } },
    };
    // 7 fen: grassroots returns 4.2; county returns 0.525 and keeps 0.525; city and province keep
    // 0.7 each; national keeps 0.35. Whole fen: 4. The 3 left go to .7, .7 and the first .525.
    const l = only({ policies: [half], enterprise: MEDIUM, collection: row({ paidFen: 7 }) });
    expect(l.returnedByLevel).toEqual({ grassroots: 4, county: 1, city: 0, provincial: 0, national: 0 });
    expect(l.retainedByLevel).toEqual({ grassroots: 0, county: 0, city: 1, provincial: 1, national: 0 });
    expect(l.refundedFen).toBe(5);
  });

  it('nothing paid: nothing returned, destination none', () => {
    expect(only({ collection: row({ paidFen: 0 }) })).toMatchObject({
      collectedFen: 0,
      refundedFen: 0,
      pendingFen: 0,
      destination: 'none',
    });
  });
});

describe('rows that get no line', () => {
  it.each<[Partial<CollectionRow>, string]>([
    [{ paidFen: -100 }, 'invalid_amount'],
    [{ paidFen: 10.5 }, 'invalid_amount'],
    [{ periodFrom: '2022-03-31', periodTo: '2022-01-01' }, 'invalid_period'],
    [{ periodFrom: '2022-02-30', periodTo: '2022-03-31' }, 'invalid_period'],
    [{ regionCode: '3205' }, 'invalid_region'],
    [{ uscc: '91350100M000100Y43' }, 'uscc_mismatch'],
  ])('%j → %s', (over, code) => {
    const r = computeRefund({ collection: row(over), enterprise: SMALL, policies: SEED_POLICY_VERSIONS });
    expect(r).toMatchObject({ ok: false, problem: { code } });
  });

  it('matches the USCC whatever its case and spacing', () => {
    expect(only({ collection: row({ uscc: ` ${USCC.toLowerCase()} ` }) }).refundedFen).toBe(125_300);
  });
});
