import { describe, expect, it } from 'vitest';
import {
  checkPolicyVersions,
  feeDueFen,
  JIANGSU_2020_2024,
  policyInForce,
  policySegments,
  refundShareBp,
  regionPrefix,
  SEED_POLICY_VERSIONS,
  type FeePolicyVersion,
} from './policy.js';

/** A Suzhou-only version from 2023 on, to test a city overriding its province. */
const SUZHOU_2023: FeePolicyVersion = {
  ...JIANGSU_2020_2024,
  id: 'test-suzhou-2023',
  regionCode: '320500',
  effectiveFrom: '2023-01-01',
  effectiveTo: null,
  routing: { noUnion: 'preparation_fund_held', noUnionAccount: 'county_pooled' },
};

describe('the Jiangsu seed', () => {
  it('is a usable version: shares add up to 100 %, 2 % fee, no overlap', () => {
    expect(checkPolicyVersions(SEED_POLICY_VERSIONS)).toEqual([]);
    expect(JIANGSU_2020_2024.split.reduce((a, s) => a + s.shareBp, 0)).toBe(10_000);
    expect(JIANGSU_2020_2024.split[0]).toEqual({ level: 'grassroots', shareBp: 6000 });
  });

  it('gives small and micro enterprises 100 % back and the others the grassroots 60 %', () => {
    expect(refundShareBp(JIANGSU_2020_2024, 'small_micro')).toBe(10_000);
    expect(refundShareBp(JIANGSU_2020_2024, 'ordinary')).toBe(6000);
  });

  it('says which of its figures still need a source', () => {
    expect(JIANGSU_2020_2024.assumptions.length).toBeGreaterThan(0);
    expect(JIANGSU_2020_2024.assumptions[0]?.zh).toContain('15%');
  });
});

describe('policyInForce', () => {
  it.each([
    ['2019-12-31', null],
    ['2020-01-01', JIANGSU_2020_2024.id],
    ['2024-12-31', JIANGSU_2020_2024.id],
    ['2025-01-01', null],
  ])('Kunshan (320583) on %s → %s', (day, expected) => {
    expect(policyInForce(SEED_POLICY_VERSIONS, '320583', day)?.id ?? null).toBe(expected);
  });

  it('covers the province and every region under it, and nothing else', () => {
    expect(policyInForce(SEED_POLICY_VERSIONS, '320000', '2022-06-30')?.id).toBe(JIANGSU_2020_2024.id);
    expect(policyInForce(SEED_POLICY_VERSIONS, '320102', '2022-06-30')?.id).toBe(JIANGSU_2020_2024.id);
    expect(policyInForce(SEED_POLICY_VERSIONS, '310000', '2022-06-30')).toBeNull();
    expect(policyInForce(SEED_POLICY_VERSIONS, '332000', '2022-06-30')).toBeNull();
  });

  it('lets a city version override its province where both are in force', () => {
    const versions = [JIANGSU_2020_2024, SUZHOU_2023];
    expect(policyInForce(versions, '320583', '2022-12-31')?.id).toBe(JIANGSU_2020_2024.id);
    expect(policyInForce(versions, '320583', '2023-01-01')?.id).toBe(SUZHOU_2023.id);
    expect(policyInForce(versions, '320102', '2023-01-01')?.id).toBe(JIANGSU_2020_2024.id);
  });

  it('reads region prefixes by level', () => {
    expect(regionPrefix('320000')).toBe('32');
    expect(regionPrefix('320500')).toBe('3205');
    expect(regionPrefix('320583')).toBe('320583');
  });
});

describe('policySegments', () => {
  it('a period inside one version is one segment', () => {
    const r = policySegments(SEED_POLICY_VERSIONS, '320583', '2024-10-01', '2024-12-31');
    expect(r).toEqual({
      ok: true,
      totalDays: 92,
      segments: [{ version: JIANGSU_2020_2024, from: '2024-10-01', to: '2024-12-31', days: 92 }],
    });
  });

  it('a period crossing the end of the window names the days nobody covers', () => {
    expect(policySegments(SEED_POLICY_VERSIONS, '320583', '2024-12-01', '2025-01-31')).toEqual({
      ok: false,
      uncovered: [{ from: '2025-01-01', to: '2025-01-31' }],
    });
    expect(policySegments(SEED_POLICY_VERSIONS, '320583', '2019-12-01', '2020-01-31')).toEqual({
      ok: false,
      uncovered: [{ from: '2019-12-01', to: '2019-12-31' }],
    });
  });

  it('a period crossing versions is cut where the version changes', () => {
    const r = policySegments([JIANGSU_2020_2024, SUZHOU_2023], '320583', '2022-12-01', '2023-01-31');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.segments.map((s) => [s.version.id, s.from, s.to, s.days])).toEqual([
        [JIANGSU_2020_2024.id, '2022-12-01', '2022-12-31', 31],
        [SUZHOU_2023.id, '2023-01-01', '2023-01-31', 31],
      ]);
      expect(r.totalDays).toBe(62);
    }
  });
});

describe('checkPolicyVersions', () => {
  it('finds shares that do not add up, overlaps in one region, bad dates and unknown levels', () => {
    const bad: FeePolicyVersion = {
      ...JIANGSU_2020_2024,
      id: 'bad',
      effectiveFrom: '2024-01-01',
      effectiveTo: '2025-06-30',
      split: [
        { level: 'grassroots', shareBp: 6000 },
        { level: 'county', shareBp: 3000 },
      ],
    };
    const problems = checkPolicyVersions([JIANGSU_2020_2024, bad]).map((p) => p.en);
    expect(problems).toContain("bad: the levels' shares must add up to 100 % (they add up to 90 %)");
    expect(problems.some((p) => p.includes('overlap'))).toBe(true);
    expect(problems.some((p) => p.includes('returned share for city'))).toBe(true);
    const backwards = { ...JIANGSU_2020_2024, id: 'backwards', effectiveFrom: '2030-01-01', effectiveTo: '2029-12-31' };
    expect(checkPolicyVersions([backwards]).map((p) => p.en)).toEqual(['backwards: ends before it starts']);
  });

  it('does not call a city version an overlap of its province', () => {
    expect(checkPolicyVersions([JIANGSU_2020_2024, SUZHOU_2023])).toEqual([]);
  });
});

describe('feeDueFen', () => {
  it('is 2 % of the wage base, rounded half up to the fen', () => {
    expect(feeDueFen(10_000_000, JIANGSU_2020_2024)).toBe(200_000); // ¥100,000.00 → ¥2,000.00
    expect(feeDueFen(125, JIANGSU_2020_2024)).toBe(3); // 2.5 fen → 3
    expect(feeDueFen(124, JIANGSU_2020_2024)).toBe(2); // 2.48 fen → 2
  });
});
