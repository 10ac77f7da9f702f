import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { proposeMediators, type MediatorProfile } from './assignment.js';

const m = (
  id: string,
  expertise: string[],
  activeCases: number,
  extra: Partial<MediatorProfile> = {},
): MediatorProfile => ({
  id,
  name: `调解员${id}`,
  expertise,
  activeCases,
  available: true,
  conflicts: [],
  ...extra,
});

const CASE = { sector: 'construction', claimTypes: ['wage_arrears', 'work_injury_medical'], employerId: 'emp-1' };

describe('proposeMediators', () => {
  it.each([
    [
      'least loaded among full matches wins',
      [
        m('a', ['construction', 'wage_arrears', 'work_injury_medical'], 9),
        m('b', ['construction', 'wage_arrears', 'work_injury_medical'], 3),
      ],
      ['b', 'a'],
    ],
    [
      'a full match beats a less-loaded partial match',
      [m('a', ['construction', 'wage_arrears', 'work_injury_medical'], 12), m('b', ['construction'], 0)],
      ['a', 'b'],
    ],
    [
      'a partial match beats no match, whatever the load',
      [m('a', ['retail'], 0), m('b', ['wage_arrears'], 20)],
      ['b', 'a'],
    ],
    [
      'among partial matches with equal load, more matched tags first',
      [m('a', ['wage_arrears'], 4), m('b', ['construction', 'wage_arrears'], 4)],
      ['b', 'a'],
    ],
    [
      'ties broken by id (deterministic)',
      [
        m('m-2', ['construction', 'wage_arrears', 'work_injury_medical'], 5),
        m('m-10', ['construction', 'wage_arrears', 'work_injury_medical'], 5),
      ],
      ['m-10', 'm-2'],
    ],
    [
      'expertise matched case-insensitively',
      [m('a', [' Construction ', 'WAGE_ARREARS', 'work_injury_medical'], 1), m('b', [], 0)],
      ['a', 'b'],
    ],
  ])('%s', (_name, mediators, order) => {
    const r = proposeMediators(mediators, CASE);
    expect(r.proposals.map((p) => p.mediatorId)).toEqual(order);
    expect(r.proposals.map((p) => p.rank)).toEqual(order.map((_, i) => i + 1));
  });

  it('excludes mediators who declared a conflict with the employer, and unavailable ones, with reasons', () => {
    const r = proposeMediators(
      [
        m('a', ['construction'], 0, { conflicts: ['EMP-1'] }),
        m('b', ['construction'], 0, { available: false }),
        m('c', ['retail'], 7),
      ],
      CASE,
    );
    expect(r.proposals.map((p) => p.mediatorId)).toEqual(['c']);
    expect(r.excluded).toEqual([
      expect.objectContaining({ mediatorId: 'a', reason: 'conflict' }),
      expect.objectContaining({ mediatorId: 'b', reason: 'unavailable' }),
    ]);
  });

  it('explains the choice in Chinese and English', () => {
    const r = proposeMediators(
      [
        m('a', ['construction', 'wage_arrears', 'work_injury_medical'], 2),
        m('b', ['construction', 'wage_arrears', 'work_injury_medical'], 6),
      ],
      CASE,
    );
    const [first] = r.proposals;
    expect(first?.tier).toBe('full');
    expect(first?.reasons.map((x) => x.zh).join('；')).toContain('在办案件最少');
    expect(first?.reasons.map((x) => x.en).join('; ')).toContain('2 active cases');
  });

  it('returns nothing when nobody is eligible', () => {
    expect(proposeMediators([m('a', [], 0, { available: false })], CASE).proposals).toEqual([]);
  });

  it('ranking does not depend on input order (property)', () => {
    const mediatorArb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      name: fc.constant('x'),
      expertise: fc.subarray(['construction', 'retail', 'wage_arrears', 'work_injury_medical', 'overtime_pay']),
      activeCases: fc.integer({ min: 0, max: 30 }),
      available: fc.boolean(),
      conflicts: fc.subarray(['emp-1', 'emp-2']),
    });
    fc.assert(
      fc.property(fc.uniqueArray(mediatorArb, { selector: (x) => x.id, maxLength: 12 }), (ms) => {
        const a = proposeMediators(ms, CASE).proposals.map((p) => p.mediatorId);
        const b = proposeMediators([...ms].reverse(), CASE).proposals.map((p) => p.mediatorId);
        expect(a).toEqual(b);
        for (const id of a) {
          const med = ms.find((x) => x.id === id)!;
          expect(med.available).toBe(true);
          expect(med.conflicts).not.toContain('emp-1');
        }
      }),
    );
  });
});
