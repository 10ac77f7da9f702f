import { describe, expect, it } from 'vitest';
import type { SizeCategory, SizeClass } from '../../../../contracts/fee-refunds/codes.js';
import { classify, type SizeFigures } from './size-class.js';

/*
 * 工信部联企业〔2011〕300号第四条, transcribed here a second time from the text (not read from the
 * table under test): per category an industry code, and the lower limits [small, medium, large]
 * of employees (X, 人), revenue (Y, 万元) and assets (Z, 万元). "large" is the limit below which
 * the text says "为中小微型企业".
 */
type Limits = readonly [number, number, number];
const ARTICLE_4: ReadonlyArray<{ category: SizeCategory; code: string; x?: Limits; y?: Limits; z?: Limits }> = [
  { category: 'agriculture', code: 'A01', y: [50, 500, 20000] }, // （一）
  { category: 'industry', code: 'C13', x: [20, 300, 1000], y: [300, 2000, 40000] }, // （二）
  { category: 'construction', code: 'E47', y: [300, 6000, 80000], z: [300, 5000, 80000] }, // （三）
  { category: 'wholesale', code: 'F51', x: [5, 20, 200], y: [1000, 5000, 40000] }, // （四）
  { category: 'retail', code: 'F52', x: [10, 50, 300], y: [100, 500, 20000] }, // （五）
  { category: 'transport', code: 'G54', x: [20, 300, 1000], y: [200, 3000, 30000] }, // （六）
  { category: 'warehousing', code: 'G592', x: [20, 100, 200], y: [100, 1000, 30000] }, // （七）
  { category: 'postal', code: 'G60', x: [20, 300, 1000], y: [100, 2000, 30000] }, // （八）
  { category: 'accommodation', code: 'H61', x: [10, 100, 300], y: [100, 2000, 10000] }, // （九）
  { category: 'catering', code: 'H62', x: [10, 100, 300], y: [100, 2000, 10000] }, // （十）
  { category: 'information_transmission', code: 'I64', x: [10, 100, 2000], y: [100, 1000, 100000] }, // （十一）
  { category: 'software_it', code: 'I65', x: [10, 100, 300], y: [50, 1000, 10000] }, // （十二）
  { category: 'real_estate_development', code: 'K701', y: [100, 1000, 200000], z: [2000, 5000, 10000] }, // （十三）
  { category: 'property_management', code: 'K702', x: [100, 300, 1000], y: [500, 1000, 5000] }, // （十四）
  { category: 'leasing_business', code: 'L72', x: [10, 100, 300], z: [100, 8000, 120000] }, // （十五）
  { category: 'other', code: 'M73', x: [10, 100, 300] }, // （十六）
];

const WAN = 1_000_000; // fen in one 万元
const CLASSES: readonly SizeClass[] = ['small', 'medium', 'large'];
const BELOW: Readonly<Record<SizeClass, SizeClass>> = {
  large: 'medium',
  medium: 'small',
  small: 'micro',
  micro: 'micro',
};

type Indicator = 'x' | 'y' | 'z';

/** Figures exactly at the limits of class `level` (0 small, 1 medium, 2 large), one of them lowered. */
function figuresAt(row: (typeof ARTICLE_4)[number], level: number, lowered?: Indicator): SizeFigures {
  const at = (i: Indicator, limits: Limits | undefined, unit: number): number | null => {
    if (limits === undefined) return null;
    const v = (limits[level] as number) * unit;
    return i === lowered ? v - 1 : v;
  };
  return {
    industryCode: row.code,
    employees: at('x', row.x, 1),
    revenueFen: at('y', row.y, WAN),
    assetsFen: at('z', row.z, WAN),
  };
}

describe('size class at every threshold of every category (300号第四条)', () => {
  for (const row of ARTICLE_4) {
    const indicators = (['x', 'y', 'z'] as const).filter((i) => row[i] !== undefined);
    describe(row.category, () => {
      CLASSES.forEach((cls, level) => {
        it(`${cls}: every figure exactly at the limit is ${cls} (及以上)`, () => {
          const r = classify(figuresAt(row, level));
          expect(r.sizeClass).toBe(cls);
          expect(r.category).toBe(row.category);
          expect(r.inferred).toBe(false);
        });
        for (const i of indicators) {
          it(`${cls}: ${i} one unit below its limit drops to ${BELOW[cls]}`, () => {
            expect(classify(figuresAt(row, level, i)).sizeClass).toBe(BELOW[cls]);
          });
        }
      });
      it('no staff, no revenue, no assets is micro', () => {
        const r = classify({ industryCode: row.code, employees: 0, revenueFen: 0, assetsFen: 0 });
        expect(r.sizeClass).toBe('micro');
      });
    });
  }
});

describe('classify — the rule between the thresholds', () => {
  it('工业: 20 employees and 300万元 is small, 19 employees or 299.99万元 micro (the brief’s example)', () => {
    const base = { industryCode: 'C', assetsFen: null };
    expect(classify({ ...base, employees: 20, revenueFen: 300 * WAN }).sizeClass).toBe('small');
    expect(classify({ ...base, employees: 19, revenueFen: 300 * WAN }).sizeClass).toBe('micro');
    expect(classify({ ...base, employees: 20, revenueFen: 299_990_000 }).sizeClass).toBe('micro');
  });

  it('a class needs every figure: many staff with little revenue drop class by class (否则下划一档)', () => {
    // 工业 with 2,000 employees but 1,000万元 revenue: not large (< 40,000万元), not medium
    // (< 2,000万元), small (≥ 20 and ≥ 300万元).
    expect(classify({ industryCode: 'C', employees: 2000, revenueFen: 1000 * WAN, assetsFen: null }).sizeClass).toBe(
      'small',
    );
  });

  it('a missing figure: micro when a known one is already below the small limit, else undecided', () => {
    const micro = classify({ industryCode: 'C', employees: 5, revenueFen: null, assetsFen: null });
    expect(micro.sizeClass).toBe('micro');
    expect(micro.notes).toEqual([]);
    const undecided = classify({ industryCode: 'C', employees: 500, revenueFen: null, assetsFen: null });
    expect(undecided.sizeClass).toBeNull();
    expect(undecided.notes.map((n) => n.code)).toEqual(['indicator_missing']);
    expect(undecided.notes[0]?.zh).toContain('营业收入');
  });

  it('a figure the category does not use is ignored (建筑业 ignores employees)', () => {
    const r = classify({ industryCode: 'E48', employees: 5000, revenueFen: 300 * WAN, assetsFen: 300 * WAN });
    expect(r.sizeClass).toBe('small');
  });

  it('refuses figures that are not whole, non-negative numbers', () => {
    expect(() => classify({ industryCode: 'C', employees: -1, revenueFen: 0, assetsFen: null })).toThrow(RangeError);
    expect(() => classify({ industryCode: 'C', employees: 1.5, revenueFen: 0, assetsFen: null })).toThrow(RangeError);
  });
});

describe('classify — codes that do not name one category', () => {
  it('F without its division: both wholesale and retail are tried, the larger class is taken', () => {
    // 25 employees, 6,000万元: wholesale medium (≥ 20, ≥ 5,000万元), retail small (< 50 employees).
    const r = classify({ industryCode: 'F', employees: 25, revenueFen: 6000 * WAN, assetsFen: null });
    expect(r.sizeClass).toBe('medium');
    expect(r.inferred).toBe(true);
    expect(r.category).toBeNull();
    expect(r.candidates).toEqual([
      { category: 'wholesale', sizeClass: 'medium', missing: [] },
      { category: 'retail', sizeClass: 'small', missing: [] },
    ]);
    expect(r.notes.map((n) => n.code)).toEqual(['category_inferred']);
    expect(r.notes[0]?.zh).toContain('批发业：中型企业');
  });

  it('F with its division decides without a note', () => {
    const r = classify({ industryCode: 'F52', employees: 25, revenueFen: 6000 * WAN, assetsFen: null });
    expect(r).toMatchObject({ sizeClass: 'small', category: 'retail', inferred: false, notes: [] });
  });

  it('candidates that agree still say the class was inferred', () => {
    // 15 employees, 1,500万元: wholesale small (≥ 5, ≥ 1,000; < 20), retail small (≥ 10, ≥ 100; < 50).
    const r = classify({ industryCode: 'F', employees: 15, revenueFen: 1500 * WAN, assetsFen: null });
    expect(r.sizeClass).toBe('small');
    expect(r.inferred).toBe(true);
  });

  it('K without its group: real-estate development, property management and other', () => {
    // 50 employees, 500万元 revenue, 3,000万元 assets: development small (≥ 100万元, ≥ 2,000万元 assets;
    // < 1,000万元), property management micro (< 100 employees), other small (10 ≤ 50 < 100).
    const r = classify({ industryCode: 'K', employees: 50, revenueFen: 500 * WAN, assetsFen: 3000 * WAN });
    expect(r.sizeClass).toBe('small');
    expect(r.candidates.map((c) => [c.category, c.sizeClass])).toEqual([
      ['other', 'small'],
      ['real_estate_development', 'small'],
      ['property_management', 'micro'],
    ]);
    const noAssets = classify({ industryCode: 'K', employees: 50, revenueFen: 500 * WAN, assetsFen: null });
    expect(noAssets.sizeClass).toBeNull();
    expect(noAssets.notes.map((n) => n.code)).toEqual(['indicator_missing', 'category_inferred']);
  });

  it('finance and public administration are not covered; a bad code says so', () => {
    expect(classify({ industryCode: 'J66', employees: 3, revenueFen: 0, assetsFen: 0 })).toMatchObject({
      sizeClass: null,
      notes: [{ code: 'industry_not_covered' }],
    });
    expect(classify({ industryCode: 'X1', employees: 3, revenueFen: 0, assetsFen: 0 })).toMatchObject({
      sizeClass: null,
      notes: [{ code: 'industry_code_invalid' }],
    });
  });

  it('railways and education are classed by analogy, with a note', () => {
    const rail = classify({ industryCode: 'G53', employees: 30, revenueFen: 250 * WAN, assetsFen: null });
    expect(rail).toMatchObject({ sizeClass: 'small', category: 'transport', notes: [{ code: 'category_by_analogy' }] });
    const school = classify({ industryCode: 'P83', employees: 8, revenueFen: null, assetsFen: null });
    expect(school).toMatchObject({ sizeClass: 'micro', category: 'other', notes: [{ code: 'category_by_analogy' }] });
  });
});
