import { describe, it, expect } from 'vitest';
import { validateMobile } from '../core/identifiers/phone.js';
import { validateResidentId } from '../core/identifiers/resident-id.js';
import { orgCodeCheckChar, validateUscc } from '../core/identifiers/uscc.js';
import {
  address,
  bankAccount,
  BRANDS,
  chineseName,
  companyName,
  FEMALE_NAME_CHARS,
  industryByCode,
  INDUSTRIES,
  MALE_NAME_CHARS,
  mobile,
  NEUTRAL_NAME_CHARS,
  residentId,
  SURNAME_WEIGHTS,
  uscc,
} from './people-gen.js';
import { createRng, type Rng } from './random.js';

const AS_OF = new Date('2025-06-30T12:00:00+08:00');

/** Everything the module can generate, drawn in a fixed order from one rng. */
function sample(rng: Rng): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < 20; i++) {
    out.push(
      chineseName(rng),
      mobile(rng),
      residentId(rng, '442000', { minAge: 18, maxAge: 60, asOf: AS_OF }),
      companyName(rng, '中山市', rng.pick(INDUSTRIES)),
      uscc(rng, '442000'),
      bankAccount(rng),
      address(rng, '中山市'),
    );
  }
  return out;
}

describe('determinism', () => {
  it('same seed → identical output', () => {
    expect(sample(createRng('demo-2025'))).toEqual(sample(createRng('demo-2025')));
    expect(sample(createRng(20250630))).toEqual(sample(createRng(20250630)));
  });

  it('different seed → different output', () => {
    expect(sample(createRng(1))).not.toEqual(sample(createRng(2)));
  });
});

describe('chineseName', () => {
  const surnames = new Set(SURNAME_WEIGHTS.map(([s]) => s));

  it('uses the 99 specified surnames (in rank order) and ~150 distinct given-name characters', () => {
    const spec =
      '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁郑谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛阎段雷黎史龙陶贺顾毛郝龚邵万钱严赖覃洪武莫孔';
    expect(SURNAME_WEIGHTS.map(([s]) => s)).toEqual([...spec]);
    expect(surnames.size).toBe(99);
    const weights = SURNAME_WEIGHTS.map(([, w]) => w);
    expect(weights).toEqual([...weights].sort((a, b) => b - a)); // non-increasing
    const all = [...MALE_NAME_CHARS, ...FEMALE_NAME_CHARS, ...NEUTRAL_NAME_CHARS];
    expect(new Set(all).size).toBe(all.length); // no character listed twice
    expect(all.length).toBeGreaterThanOrEqual(140);
    expect(all.length).toBeLessThanOrEqual(170);
  });

  it('produces well-formed names with the requested sex', () => {
    const rng = createRng(11);
    for (let i = 0; i < 500; i++) {
      const sex = i % 2 === 0 ? 'male' : 'female';
      const n = chineseName(rng, sex);
      expect(n.sex).toBe(sex);
      expect(surnames.has(n.surname)).toBe(true);
      expect([1, 2]).toContain([...n.givenName].length);
      expect(n.name).toBe(n.surname + n.givenName);
      expect(n.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    }
  });

  it('follows the surname distribution (王/李/张 common, 孔 rare) and mixes sexes', () => {
    const rng = createRng(12);
    const counts = new Map<string, number>();
    const sexes = { male: 0, female: 0 };
    let singles = 0;
    const N = 20_000;
    for (let i = 0; i < N; i++) {
      const n = chineseName(rng);
      counts.set(n.surname, (counts.get(n.surname) ?? 0) + 1);
      sexes[n.sex]++;
      if (n.givenName.length === 1) singles++;
    }
    const top3 = ((counts.get('王') ?? 0) + (counts.get('李') ?? 0) + (counts.get('张') ?? 0)) / N;
    expect(top3).toBeGreaterThan(0.22); // 王+李+张 = 20.5 of a total weight of 80.76 ≈ 25%
    expect(top3).toBeLessThan(0.29);
    expect(counts.get('王') ?? 0).toBeGreaterThan(20 * (counts.get('孔') ?? 0));
    expect(sexes.male / N).toBeGreaterThan(0.47);
    expect(sexes.male / N).toBeLessThan(0.53);
    expect(singles / N).toBeGreaterThan(0.15);
    expect(singles / N).toBeLessThan(0.25);
  });
});

describe('mobile', () => {
  it('generates valid mainland mobile numbers', () => {
    const rng = createRng(21);
    for (let i = 0; i < 500; i++) {
      const m = mobile(rng);
      expect(m).toMatch(/^1[3-9]\d{9}$/);
      expect(validateMobile(m)).toEqual({ ok: true, normalized: m });
    }
  });
});

describe('residentId', () => {
  function ageOn(birthDate: string, asOf: string): number {
    const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
    const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
    return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
  }

  it.each([
    [18, 60],
    [16, 16],
    [0, 0],
    [45, 65],
  ])('ages %i–%i produce valid IDs in range', (minAge, maxAge) => {
    const rng = createRng(`rid-${minAge}-${maxAge}`);
    for (let i = 0; i < 400; i++) {
      const id = residentId(rng, '340104', { minAge, maxAge, asOf: AS_OF });
      const r = validateResidentId(id, AS_OF);
      if (!r.ok) throw new Error(`${id}: ${r.messageEn}`);
      expect(r.regionCode).toBe('340104');
      const age = ageOn(r.birthDate, '2025-06-30');
      expect(age).toBeGreaterThanOrEqual(minAge);
      expect(age).toBeLessThanOrEqual(maxAge);
    }
  });

  it('handles a leap-day asOf', () => {
    const asOf = new Date('2024-02-29T10:00:00+08:00');
    const rng = createRng('leap');
    for (let i = 0; i < 300; i++) {
      const id = residentId(rng, '442000', { minAge: 20, maxAge: 21, asOf });
      const r = validateResidentId(id, asOf);
      if (!r.ok) throw new Error(`${id}: ${r.messageEn}`);
      const age = ageOn(r.birthDate, '2024-02-29');
      expect(age).toBeGreaterThanOrEqual(20);
      expect(age).toBeLessThanOrEqual(21);
    }
  });

  it('encodes the requested sex and defaults to ages 18–60', () => {
    const rng = createRng(31);
    for (let i = 0; i < 200; i++) {
      const sex = i % 3 === 0 ? 'female' : 'male';
      const r = validateResidentId(residentId(rng, '442000', { asOf: AS_OF, sex }), AS_OF);
      expect(r).toMatchObject({ ok: true, sex });
      if (r.ok) {
        expect(ageOn(r.birthDate, '2025-06-30')).toBeGreaterThanOrEqual(18);
        expect(ageOn(r.birthDate, '2025-06-30')).toBeLessThanOrEqual(60);
      }
    }
  });

  it('rejects impossible age ranges', () => {
    expect(() => residentId(createRng(1), '442000', { minAge: 30, maxAge: 20, asOf: AS_OF })).toThrow();
    expect(() => residentId(createRng(1), '442000', { minAge: 200, maxAge: 210, asOf: AS_OF })).toThrow();
  });
});

describe('uscc', () => {
  it('generates codes that pass both the USCC and organization-code checks', () => {
    const rng = createRng(41);
    let maStyle = 0;
    for (let i = 0; i < 500; i++) {
      const code = uscc(rng, '442000');
      expect(validateUscc(code)).toEqual({ ok: true });
      expect(code.slice(0, 8)).toBe('91442000');
      expect(code.charAt(16)).toBe(orgCodeCheckChar(code.slice(8, 16)));
      if (code.slice(8, 10) === 'MA') maStyle++;
    }
    expect(maStyle).toBeGreaterThan(200);
    expect(maStyle).toBeLessThan(400);
  });

  it('honours registration authority / entity type (trade union 81…)', () => {
    const code = uscc(createRng(42), '340100', { registrationAuthority: '8', entityType: '1' });
    expect(code.slice(0, 8)).toBe('81340100');
    expect(validateUscc(code)).toEqual({ ok: true });
  });
});

describe('bankAccount', () => {
  it('is 10–30 digits, mostly 16–19, sometimes with a leading 0', () => {
    const rng = createRng(51);
    let common = 0;
    let leadingZero = 0;
    const N = 2000;
    for (let i = 0; i < N; i++) {
      const acct = bankAccount(rng);
      expect(acct).toMatch(/^\d{10,30}$/);
      if (acct.length >= 16 && acct.length <= 19) common++;
      if (acct.startsWith('0')) leadingZero++;
    }
    expect(common / N).toBeGreaterThan(0.5);
    expect(leadingZero).toBeGreaterThan(0);
  });
});

describe('companyName', () => {
  it('follows city + brand + industry word + legal form', () => {
    const rng = createRng(61);
    for (const ind of INDUSTRIES) {
      for (let i = 0; i < 30; i++) {
        const name = companyName(rng, '中山市', ind.code);
        expect(name.startsWith('中山市')).toBe(true);
        expect(name).toMatch(/(股份)?有限公司$/);
        const middle = name.slice('中山市'.length).replace(/(股份有限公司|有限公司)$/, '');
        expect(BRANDS).toContain(middle.slice(0, 2));
        expect(ind.companyWords).toContain(middle.slice(2));
      }
    }
  });

  it('accepts an Industry object and a city name without 市', () => {
    const name = companyName(createRng(62), '合肥', industryByCode('logistics'));
    expect(name).toMatch(/^合肥..(速递服务|物流|货运|供应链管理|仓储服务|运输|快递服务)(股份)?有限公司$/);
  });
});

describe('INDUSTRIES', () => {
  it('covers the required GB/T 4754 sections with zh/en names', () => {
    const bySection = new Map(INDUSTRIES.map((i) => [i.code, i.section]));
    expect(bySection.get('construction')).toBe('E');
    expect(bySection.get('manufacturing')).toBe('C');
    expect(bySection.get('logistics')).toBe('G');
    expect(bySection.get('catering')).toBe('H');
    expect(bySection.get('retail')).toBe('F');
    expect(bySection.get('it')).toBe('I');
    expect(bySection.get('resident_services')).toBe('O');
    expect(bySection.get('business_services')).toBe('L');
    expect(bySection.has('platform')).toBe(true);
    expect(new Set(INDUSTRIES.map((i) => i.code)).size).toBe(INDUSTRIES.length);
    for (const i of INDUSTRIES) {
      expect(i.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(i.en.length).toBeGreaterThan(0);
      expect(i.companyWords.length).toBeGreaterThan(0);
    }
    expect(industryByCode('construction').zh).toBe('建筑业');
    expect(() => industryByCode('nope' as never)).toThrow();
  });
});

describe('address', () => {
  it('starts with the region and contains a road and house number', () => {
    const rng = createRng(71);
    for (let i = 0; i < 300; i++) {
      const a = address(rng, '中山市');
      expect(a.startsWith('中山市')).toBe(true);
      expect(a).toMatch(/^中山市.+(路|大道|街|巷)\d+号/);
    }
  });

  it('uses supplied districts', () => {
    const rng = createRng(72);
    for (let i = 0; i < 50; i++) {
      expect(address(rng, '中山市', { districts: ['石岐街道', '东区'] })).toMatch(/^中山市(石岐街道|东区)/);
    }
  });
});
