import { describe, expect, it } from 'vitest';
import { collectiveRule, DEFAULT_JOINT_MEDIATION_CONFIG, shouldInviteJudge } from './joint-mediation.js';

describe('shouldInviteJudge (configurable triggers)', () => {
  const cfg = DEFAULT_JOINT_MEDIATION_CONFIG;
  it.each([
    [{ workerCount: 1, claimFen: 1_200_000 }, []],
    [{ workerCount: 9, claimFen: 49_999_999 }, []],
    [{ workerCount: 10, claimFen: 0 }, ['many_workers']],
    [{ workerCount: 1, claimFen: 50_000_000 }, ['large_claim']],
    [{ workerCount: 1, claimFen: 0, mediatorRequested: true }, ['mediator_request']],
    [
      { workerCount: 35, claimFen: 210_000_000, mediatorRequested: true },
      ['many_workers', 'large_claim', 'mediator_request'],
    ],
  ])('%o → %o', (facts, codes) => {
    expect(shouldInviteJudge(facts, cfg).map((r) => r.code)).toEqual(codes);
  });

  it('honours another federation’s configuration', () => {
    const local = { minWorkers: 30, minClaimFen: 100_000_000, onMediatorRequest: false };
    expect(shouldInviteJudge({ workerCount: 12, claimFen: 60_000_000, mediatorRequested: true }, local)).toEqual([]);
    expect(shouldInviteJudge({ workerCount: 30, claimFen: 0 }, local).map((r) => r.code)).toEqual(['many_workers']);
  });

  it('gives readable reasons with the amounts in yuan', () => {
    const [r] = shouldInviteJudge({ workerCount: 1, claimFen: 52_500_000 }, cfg);
    expect(r?.message).toContain('525,000 元');
    expect(r?.message).toContain('500,000 元');
    expect(r?.messageEn).toContain('¥525,000');
  });

  it('rejects impossible input', () => {
    expect(() => shouldInviteJudge({ workerCount: -1, claimFen: 0 }, cfg)).toThrow(RangeError);
    expect(() => shouldInviteJudge({ workerCount: 1, claimFen: 1.5 }, cfg)).toThrow(RangeError);
  });
});

describe('collectiveRule (劳动争议调解仲裁法第七条; 仲裁办案规则第六十三条: 3–5 representatives)', () => {
  it.each([
    [9, 0, 'mediation', false, [], []],
    [9, 2, 'mediation', false, [], ['not_collective']],
    [10, 0, 'mediation', true, [], ['representatives_recommended']],
    [10, 2, 'arbitration', true, [], ['too_few_representatives']],
    [10, 3, 'arbitration', true, [], []],
    [40, 5, 'arbitration', true, [], []],
    [40, 6, 'arbitration', true, [], ['too_many_representatives']],
    [12, 2, 'lawsuit', true, [], []],
    [12, 1, 'lawsuit', true, [], ['too_few_representatives']],
    [3, 5, 'mediation', false, ['more_representatives_than_workers'], ['not_collective']],
    [0, 0, 'mediation', false, ['invalid_count'], []],
    [10, -1, 'mediation', false, ['invalid_count'], []],
  ] as const)(
    '%i workers, %i representatives, %s → collective %s, errors %o, warnings %o',
    (w, r, forum, collective, errors, warnings) => {
      const c = collectiveRule(w, r, forum);
      expect(c.collective).toBe(collective);
      expect(c.errors.map((x) => x.code)).toEqual(errors);
      expect(c.warnings.map((x) => x.code)).toEqual(warnings);
    },
  );

  it('recommends the forum’s range and cites it', () => {
    const c = collectiveRule(15, 0, 'arbitration');
    expect(c.recommended).toEqual({ min: 3, max: 5 });
    expect(c.warnings[0]?.message).toContain('第七条');
    expect(c.warnings[0]?.message).toContain('第六十三条');
    expect(collectiveRule(15, 0, 'lawsuit').recommended).toEqual({ min: 2, max: 5 });
  });
});
