import { describe, expect, it } from 'vitest';
import { proposeLiableParties, type ChainParty, type HiringChain } from './construction-liability.js';

const developer: ChainParty = { id: 'D', name: '某置业公司', role: 'developer' };
const gc: ChainParty = { id: 'G', name: '某建工集团', role: 'general_contractor', contractedBy: 'D' };
const sub: ChainParty = { id: 'S', name: '某劳务分包公司', role: 'subcontractor', contractedBy: 'G' };
const bossUnderGc: ChainParty = { id: 'B', name: '包工头老王', role: 'crew_boss', contractedBy: 'G' };

function chain(parties: ChainParty[], hiredWorker: string, extra: Partial<HiringChain> = {}): HiringChain {
  return { parties, hiredWorker, developerPaidProjectFunds: true, crewBossReachable: false, ...extra };
}

const summary = (c: HiringChain) =>
  proposeLiableParties(c).proposals.map((p) => [
    p.partyId,
    p.rank,
    p.duty,
    `${p.basis.article}${p.basis.paragraph ? `¶${p.basis.paragraph}` : ''}`,
  ]);

describe('the seed story: the crew boss owes a year of wages and vanished', () => {
  const seed = chain([developer, gc, bossUnderGc], 'B', {
    developerPaidProjectFunds: 'unknown',
    crewBossReachable: false,
  });
  const r = proposeLiableParties(seed);

  it('names the general contractor that contracted the work to him (art. 36 ¶1) as the party to contact first', () => {
    expect(r.errors).toEqual([]);
    expect(r.contactFirst).toMatchObject({ partyId: 'G', rank: 'primary', duty: 'pay', mayRecoverFrom: ['B'] });
    expect(r.contactFirst!.basis).toMatchObject({ law: '保障农民工工资支付条例', article: 36, paragraph: 1 });
    expect(r.contactFirst!.explanation).toContain('某建工集团');
    expect(r.contactFirst!.explanation).toContain('包工头老王');
    expect(r.contactFirst!.basis.text).toContain('由建设单位或者施工总承包单位清偿');
  });

  it('asks to check whether the developer paid the project funds (art. 29)', () => {
    expect(r.proposals[1]).toMatchObject({
      partyId: 'D',
      rank: 'secondary',
      duty: 'verify',
      limit: 'unpaid_project_funds',
    });
    expect(r.proposals[1]?.basis.article).toBe(29);
  });

  it('tells the worker the vanished crew boss does not stop the claim', () => {
    expect(r.warnings.map((w) => w.code)).toEqual(['crew_boss_unreachable']);
    expect(r.proposals.some((p) => p.partyId === 'B')).toBe(false);
  });
});

describe('each article’s scenario', () => {
  it.each([
    [
      'art. 36 ¶1 — developer contracted directly to a crew boss',
      chain([developer, { ...bossUnderGc, contractedBy: 'D' }], 'B'),
      [['D', 'primary', 'pay', '36¶1']],
    ],
    [
      'art. 36 ¶1 — general contractor subcontracted to an unqualified unit',
      chain(
        [
          developer,
          gc,
          { id: 'U', name: '无资质公司', role: 'subcontractor', contractedBy: 'G', isIndividualOrUnqualified: true },
        ],
        'U',
      ),
      [['G', 'primary', 'pay', '36¶1']],
    ],
    [
      'art. 36 ¶1 — crew boss under a crew boss: the unit that contracted out is still liable',
      chain([developer, gc, bossUnderGc, { id: 'B2', name: '二包小李', role: 'crew_boss', contractedBy: 'B' }], 'B2'),
      [['G', 'primary', 'pay', '36¶1']],
    ],
    [
      'art. 30 ¶3 — crew boss hired by a subcontractor: the general contractor pays first, the subcontractor is directly liable',
      chain([developer, gc, sub, { ...bossUnderGc, contractedBy: 'S' }], 'B'),
      [
        ['G', 'primary', 'pay_first_then_recover', '30¶3'],
        ['S', 'secondary', 'pay', '30¶1'],
      ],
    ],
    [
      'art. 30 ¶3 — a qualified subcontractor hired the worker',
      chain([developer, gc, sub], 'S'),
      [
        ['G', 'primary', 'pay_first_then_recover', '30¶3'],
        ['S', 'secondary', 'direct_employer', '30¶1'],
      ],
    ],
    [
      'art. 30 ¶4 — the project was transferred (转包)',
      chain([developer, gc, { ...sub, contractType: 'transfer' }], 'S'),
      [
        ['G', 'primary', 'pay_first_then_recover', '30¶4'],
        ['S', 'secondary', 'direct_employer', '30¶1'],
      ],
    ],
    [
      'art. 29 — the developer has not paid the project funds',
      chain([developer, gc, sub], 'S', { developerPaidProjectFunds: false }),
      [
        ['G', 'primary', 'pay_first_then_recover', '30¶3'],
        ['S', 'secondary', 'direct_employer', '30¶1'],
        ['D', 'secondary', 'advance_up_to_unpaid_funds', '29'],
      ],
    ],
    [
      'art. 36 ¶2 — a unit lent its qualification to the crew boss',
      chain(
        [developer, gc, bossUnderGc, { id: 'L', name: '挂靠建筑公司', role: 'qualification_lender', lentTo: 'B' }],
        'B',
      ),
      [
        ['L', 'primary', 'pay', '36¶2'],
        ['G', 'primary', 'pay', '36¶1'],
      ],
    ],
    [
      'the general contractor hired the worker itself: it is the employer (劳动法第五十条)',
      chain([developer, gc], 'G'),
      [['G', 'primary', 'direct_employer', '50']],
    ],
    [
      'a reachable crew boss is listed as the direct debtor',
      chain([developer, gc, bossUnderGc], 'B', { crewBossReachable: true }),
      [
        ['G', 'primary', 'pay', '36¶1'],
        ['B', 'secondary', 'direct_debtor', '577'],
      ],
    ],
  ] as [string, HiringChain, unknown[]][])('%s', (_name, c, expected) => {
    expect(summary(c)).toEqual(expected);
  });

  it('a subcontractor chain without a general contractor: the subcontractor, with a prompt to add the general contractor', () => {
    const r = proposeLiableParties(
      chain(
        [
          { ...sub, contractedBy: undefined },
          { ...bossUnderGc, contractedBy: 'S' },
        ],
        'B',
      ),
    );
    expect(r.contactFirst).toMatchObject({ partyId: 'S', rank: 'primary' });
    expect(r.warnings.map((w) => w.code)).toContain('general_contractor_missing');
  });

  it('a crew boss with nobody above him: asks who contracted the work', () => {
    const r = proposeLiableParties(chain([{ ...bossUnderGc, contractedBy: undefined }], 'B'));
    expect(r.contactFirst).toBeNull();
    expect(r.warnings.map((w) => w.code)).toEqual(['chain_incomplete', 'crew_boss_unreachable']);
  });
});

describe('inconsistent chains are reported, not guessed', () => {
  it.each([
    ['unknown hirer', chain([developer, gc], 'X'), 'hirer_unknown'],
    ['unknown contractor', chain([developer, { ...gc, contractedBy: 'Q' }], 'G'), 'contractor_unknown'],
    ['duplicate ids', chain([developer, gc, { ...sub, id: 'G' }], 'G'), 'duplicate_party'],
    [
      'a developer with a party above it',
      chain([{ ...developer, contractedBy: 'G' }, gc], 'G'),
      'developer_has_contractor',
    ],
    ['a loop', chain([{ ...gc, contractedBy: 'S' }, sub], 'S'), 'cycle'],
  ])('%s', (_name, c, code) => {
    const r = proposeLiableParties(c);
    expect(r.errors.map((e) => e.code)).toContain(code);
    expect(r.proposals).toEqual([]);
    expect(r.contactFirst).toBeNull();
  });
});
