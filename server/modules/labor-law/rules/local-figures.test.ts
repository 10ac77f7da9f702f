import { describe, expect, it } from 'vitest';
import type { LaborLawRequest } from '../../../../contracts/labor-law.js';
import { REFERENCE_FIGURES } from '../reference-figures.js';
import { calculateEngine } from './calculate.js';
import { figureInForce, type FigureInForce } from './local-figures.js';

const KINDS = ['minimum_wage_monthly', 'average_wage_monthly', 'injury_pooling_wage_monthly'] as const;
const zhongshan = REFERENCE_FIGURES.filter((f) => f.regionCode === '442000');

/** Two yearly average wages, each in force from the day it was published. */
const AVERAGES: FigureInForce[] = [
  { kind: 'average_wage_monthly', regionCode: '442000', amountFen: 850_000, effectiveFrom: '2024-06-15', source: 'A' },
  { kind: 'average_wage_monthly', regionCode: '442000', amountFen: 900_000, effectiveFrom: '2025-06-20', source: 'B' },
];

function req(over: Partial<LaborLawRequest> = {}): LaborLawRequest {
  return {
    regionCode: '442000',
    hireDate: '2010-01-01',
    endDate: '2025-06-30',
    termination: 'art41',
    monthlyWageFen: 6_000_000,
    ...over,
  };
}

describe('the figure in force on a date', () => {
  it('takes Zhongshan’s minimum wage of 2025-03-01 from that day, and the 2021 one the day before', () => {
    expect(figureInForce(zhongshan, 'minimum_wage_monthly', '2025-02-28')?.amountFen).toBe(190_000);
    expect(figureInForce(zhongshan, 'minimum_wage_monthly', '2025-03-01')?.amountFen).toBe(208_000);
    expect(figureInForce(zhongshan, 'minimum_wage_monthly', '2025-03-02')?.amountFen).toBe(208_000);
    expect(figureInForce(zhongshan, 'minimum_wage_monthly', '2021-11-30')?.amountFen).toBe(172_000);
    expect(figureInForce(zhongshan, 'minimum_wage_monthly', '2025-03-01')?.source).toContain('粤府函〔2025〕23号');
  });

  it('has none before the earliest row', () => {
    expect(figureInForce(zhongshan, 'minimum_wage_monthly', '2018-06-30')).toBeNull();
  });

  it('switches the average wage on its publication date, not at the start of the year', () => {
    expect(figureInForce(AVERAGES, 'average_wage_monthly', '2025-06-19')?.amountFen).toBe(850_000);
    expect(figureInForce(AVERAGES, 'average_wage_monthly', '2025-06-20')?.amountFen).toBe(900_000);
    expect(figureInForce(AVERAGES, 'average_wage_monthly', '2024-06-14')).toBeNull();
    expect(figureInForce(AVERAGES, 'minimum_wage_monthly', '2025-06-20')).toBeNull();
  });
});

describe('a result never silently lacks a figure', () => {
  const params = (onDate: string, found: FigureInForce[]) => ({
    minimumWageFen: figureInForce(found, 'minimum_wage_monthly', onDate)?.amountFen ?? null,
    averageWageFen: figureInForce(found, 'average_wage_monthly', onDate)?.amountFen ?? null,
    regionName: '广东省中山市',
    lookup: { onDate, found: KINDS.flatMap((k) => figureInForce(found, k, onDate) ?? []) },
  });

  it('names the missing figure, the region and the date', () => {
    const r = calculateEngine(req({ endDate: '2024-06-14' }), params('2024-06-14', AVERAGES), { asOf: '2024-07-01' });
    const missing = r.warnings.find((w) => w.code === 'average_wage_missing');
    expect(missing?.text.zh).toContain('没有广东省中山市在 2024-06-14 有效的上年度职工月平均工资');
    expect(missing?.text.en).toContain('previous-year average monthly wage in force in 广东省中山市 on 2024-06-14');
    const minimum = r.warnings.find((w) => w.code === 'minimum_wage_missing');
    expect(minimum?.text.zh).toContain('月最低工资标准');
  });

  it('names the missing minimum wage for overtime too, where the base check was skipped', () => {
    const r = calculateEngine(
      req({
        termination: null,
        endDate: null,
        overtime: { wageBaseFen: 100_000, workdayHours: 2, restDayHours: 0, holidayHours: 0 },
      }),
      params('2025-01-01', []),
      { asOf: '2025-01-01' },
    );
    const minimum = r.warnings.find((w) => w.code === 'minimum_wage_missing');
    expect(minimum?.text.en).toContain('overtime base was not checked');
    expect(minimum?.text.zh).toContain('2025-01-01');
  });

  it('warns when the average wage in force is more than 15 months old, not before', () => {
    const fresh = calculateEngine(req({ endDate: '2025-09-15' }), params('2025-09-15', AVERAGES.slice(0, 1)), {
      asOf: '2025-09-15',
    });
    expect(fresh.warnings.map((w) => w.code)).not.toContain('average_wage_outdated');
    const old = calculateEngine(req({ endDate: '2025-09-16' }), params('2025-09-16', AVERAGES.slice(0, 1)), {
      asOf: '2025-09-16',
    });
    const outdated = old.warnings.find((w) => w.code === 'average_wage_outdated');
    expect(outdated?.severity).toBe('warning');
    expect(outdated?.text.zh).toContain('2024-06-15 起');
    // The cap still uses the figure in force: 12 years × 3 × 8,500.00.
    expect(old.items.find((i) => i.code === 'economic_compensation')?.amountFen).toBe(12 * 3 * 850_000);
  });

  it('says nothing of the table’s figure when the request gives its own', () => {
    const r = calculateEngine(
      req({ endDate: '2026-01-01', averageWageFen: 950_000, minimumWageFen: 208_000 }),
      params('2026-01-01', AVERAGES.slice(0, 1)),
      { asOf: '2026-01-01' },
    );
    const codes = r.warnings.map((w) => w.code);
    expect(codes).not.toContain('average_wage_outdated');
    expect(codes).not.toContain('minimum_wage_missing');
    expect(r.averageWageFen).toBe(950_000);
  });

  it('lists the figures it found, with their dates and sources, and the date they were looked up for', () => {
    const r = calculateEngine(req(), params('2025-06-30', [...zhongshan, ...AVERAGES]), { asOf: '2025-07-01' });
    expect(r.figuresOn).toBe('2025-06-30');
    expect(r.figures).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'average_wage_monthly', effectiveFrom: '2025-06-20' })]),
    );
  });
});
