/**
 * Invariants of the engine, checked with fast-check on random inputs:
 * amounts never negative and whole fen; total = sum of items; the response
 * satisfies its contract; monotone in service length and in wage; caps and
 * floors always respected; exact rounding.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  laborLawResponseSchema,
  laborLawRequestSchema,
  type LaborLawRequest,
  type TerminationGround,
} from '../../../../contracts/labor-law.js';
import { calculate, type LocalParams } from './calculate.js';
import { fromDayNumber, toDayNumber } from './dates.js';
import { economicCompensation } from './economic-compensation.js';
import { createCalendar } from '../../disputes/rules/working-days.js';
import { doubleWage } from './double-wage.js';
import { injuryLumpSum, INJURY_MONTHS } from './injury.js';
import { overtime } from './overtime.js';
import { annualLeave } from './annual-leave.js';
import { rat } from './money.js';

const AS_OF = { asOf: '2031-01-01' };
const FIRST_DAY = toDayNumber('1995-01-01');
const LAST_DAY = toDayNumber('2030-12-31');

const dayArb = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
const dateArb = dayArb.map(fromDayNumber);
/** hire ≤ end, both in range */
const periodArb = fc
  .tuple(dayArb, dayArb)
  .map(([a, b]): [string, string] =>
    a <= b ? [fromDayNumber(a), fromDayNumber(b)] : [fromDayNumber(b), fromDayNumber(a)],
  );
const wageArb = fc.integer({ min: 0, max: 8_000_000 });
const minArb = fc.option(fc.integer({ min: 50_000, max: 300_000 }), { nil: null });
const avgArb = fc.option(fc.integer({ min: 300_000, max: 2_000_000 }), { nil: null });
const hoursArb = fc.integer({ min: 0, max: 50_000 }).map((h) => h / 100); // exact 2-decimal numbers
const groundArb = fc.constantFrom<TerminationGround | null>(
  'unlawful',
  'mutual_by_employer',
  'art38',
  'art40',
  'art41',
  'expiry',
  'resignation',
  'mutual_by_worker',
  null,
);
const COMPENSATED: TerminationGround[] = ['unlawful', 'mutual_by_employer', 'art38', 'art40', 'art41', 'expiry'];
const compensatedArb = fc.constantFrom(...COMPENSATED);

const requestArb: fc.Arbitrary<LaborLawRequest> = fc
  .record({
    period: periodArb,
    stillEmployed: fc.boolean(),
    termination: groundArb,
    monthlyWageFen: wageArb,
    noNoticeGiven: fc.option(fc.boolean(), { nil: undefined }),
    contractSignedDate: fc.option(fc.option(dateArb, { nil: null }), { nil: undefined }),
    overtime: fc.option(
      fc.record({ wageBaseFen: wageArb, workdayHours: hoursArb, restDayHours: hoursArb, holidayHours: hoursArb }),
      { nil: undefined },
    ),
    annualLeave: fc.option(
      fc.record({
        year: fc.integer({ min: 1995, max: 2030 }),
        cumulativeWorkYears: fc.integer({ min: 0, max: 4000 }).map((x) => x / 100),
        daysTaken: fc.integer({ min: 0, max: 4000 }).map((x) => x / 100),
        dailyWageBaseFen: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    injury: fc.option(fc.record({ grade: fc.integer({ min: 1, max: 10 }), monthlyWageFen: wageArb }), {
      nil: undefined,
    }),
  })
  .map((r) => {
    const endDate = r.stillEmployed && r.termination === null ? null : r.period[1];
    const req: LaborLawRequest = {
      regionCode: '442000',
      hireDate: r.period[0],
      endDate,
      termination: r.termination,
      monthlyWageFen: r.monthlyWageFen,
    };
    if (r.noNoticeGiven !== undefined) req.noNoticeGiven = r.noNoticeGiven;
    if (r.contractSignedDate !== undefined) req.contractSignedDate = r.contractSignedDate;
    if (r.overtime !== undefined) req.overtime = r.overtime;
    if (r.injury !== undefined) req.injury = r.injury;
    if (r.annualLeave !== undefined) {
      const { dailyWageBaseFen, ...rest } = r.annualLeave;
      req.annualLeave = dailyWageBaseFen === undefined ? rest : { ...rest, dailyWageBaseFen };
    }
    return req;
  });

const paramsArb: fc.Arbitrary<LocalParams> = fc.record({ minimumWageFen: minArb, averageWageFen: avgArb });

function severance(
  hireDate: string,
  endDate: string,
  ground: TerminationGround,
  wage: number,
  min: number | null,
  avg: number | null,
) {
  const r = economicCompensation({
    hireDate,
    endDate,
    ground,
    wage: rat(wage),
    minimumWageFen: min,
    averageWageFen: avg,
  });
  return r.items[0]?.amountFen ?? 0;
}

describe('calculate — invariants', () => {
  it('valid requests give valid responses: whole, non-negative fen; total = sum of items', () => {
    fc.assert(
      fc.property(requestArb, paramsArb, fc.constantFrom<'zh' | 'en'>('zh', 'en'), (req, params, lang) => {
        expect(laborLawRequestSchema.safeParse(req).success).toBe(true);
        const r = calculate(req, params, lang, AS_OF);
        laborLawResponseSchema.parse(r);
        for (const it of r.items) {
          expect(Number.isSafeInteger(it.amountFen)).toBe(true);
          expect(it.amountFen).toBeGreaterThanOrEqual(0);
          expect(it.basis.length).toBeGreaterThan(0);
        }
        expect(r.totalFen).toBe(r.items.reduce((a, i) => a + i.amountFen, 0));
        const codes = r.items.map((i) => i.code);
        expect(new Set(codes).size).toBe(codes.length);
        expect(codes.includes('economic_compensation') && codes.includes('unlawful_termination_compensation')).toBe(
          false,
        );
      }),
      { numRuns: 400 },
    );
  });

  it('severance is non-decreasing in service length (earlier hire, later end)', () => {
    fc.assert(
      fc.property(
        dayArb,
        dayArb,
        dayArb,
        compensatedArb,
        wageArb,
        minArb,
        avgArb,
        (a, b, c, ground, wage, min, avg) => {
          const [d1, d2, d3] = [a, b, c].sort((x, y) => x - y).map(fromDayNumber) as [string, string, string];
          // earlier hire (d1 vs d2), same end d3
          expect(severance(d1, d3, ground, wage, min, avg)).toBeGreaterThanOrEqual(
            severance(d2, d3, ground, wage, min, avg),
          );
          // same hire d1, later end (d2 vs d3)
          expect(severance(d1, d3, ground, wage, min, avg)).toBeGreaterThanOrEqual(
            severance(d1, d2, ground, wage, min, avg),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('severance is non-decreasing in wage on each side of the 3× threshold, and everywhere when ≤ 12 years count', () => {
    fc.assert(
      fc.property(
        periodArb,
        compensatedArb,
        wageArb,
        wageArb,
        minArb,
        avgArb,
        ([hire, end], ground, x, y, min, avg) => {
          const [w1, w2] = x <= y ? [x, y] : [y, x];
          const a1 = severance(hire, end, ground, w1, min, avg);
          const a2 = severance(hire, end, ground, w2, min, avg);
          const cap = avg === null ? Infinity : 3 * avg;
          const floored = (w: number) => Math.max(w, min ?? 0);
          const sameSide = floored(w1) > cap === floored(w2) > cap;
          // short service: the 12-year limit cannot bite, so there is no cliff at 3×
          const shortService = toDayNumber(end) - toDayNumber(hire) < 11 * 365;
          if (sameSide || shortService) expect(a2).toBeGreaterThanOrEqual(a1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('severance caps: base ≤ 3× average and ≤ 12 years under the Labor Contract Law for high wages; base ≥ minimum wage', () => {
    fc.assert(
      fc.property(periodArb, compensatedArb, wageArb, minArb, avgArb, ([hire, end], ground, wage, min, avg) => {
        const r = economicCompensation({
          hireDate: hire,
          endDate: end,
          ground,
          wage: rat(wage),
          minimumWageFen: min,
          averageWageFen: avg,
        });
        const item = r.items[0];
        if (!item) return;
        for (const s of item.detail!.segments!) {
          if (min !== null) expect(s.baseFen).toBeGreaterThanOrEqual(min);
          if (s.period === 'before_2008') continue;
          if (avg !== null) {
            expect(s.baseFen).toBeLessThanOrEqual(Math.max(3 * avg, min ?? 0));
            if (Math.max(wage, min ?? 0) > 3 * avg) {
              expect(s.baseFen).toBe(3 * avg);
              expect(Number(s.months)).toBeLessThanOrEqual(12);
            }
          }
        }
        if (avg !== null && hire >= '2008-01-01' && Math.max(wage, min ?? 0) > 3 * avg) {
          const mult = ground === 'unlawful' ? 2 : 1;
          expect(item.amountFen).toBeLessThanOrEqual(mult * 12 * 3 * avg);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('unlawful termination is twice economic compensation (±1 fen from rounding once) for service since 2008', () => {
    fc.assert(
      fc.property(periodArb, wageArb, minArb, avgArb, ([hire, end], wage, min, avg) => {
        fc.pre(hire >= '2008-01-01');
        const u = severance(hire, end, 'unlawful', wage, min, avg);
        const e = severance(hire, end, 'art40', wage, min, avg);
        expect(Math.abs(u - 2 * e)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('double wage: at most 11 months of wages, non-decreasing in the wage and in the unsigned period', () => {
    fc.assert(
      fc.property(periodArb, fc.option(dateArb, { nil: null }), wageArb, wageArb, ([hire, end], signed, x, y) => {
        const [w1, w2] = x <= y ? [x, y] : [y, x];
        const run = (w: number, e: string) =>
          doubleWage({
            hireDate: hire,
            endDate: e,
            contractSignedDate: signed,
            wageOfMonth: () => null,
            averageWage: rat(w),
            hasHistory: false,
            asOf: '2031-01-01',
            calendar: createCalendar([]),
          }).items[0];
        const i1 = run(w1, end);
        const i2 = run(w2, end);
        expect(i1?.amountFen ?? 0).toBeLessThanOrEqual(i2?.amountFen ?? 0);
        if (i2) {
          expect(i2.amountFen).toBeLessThanOrEqual(11 * w2);
          expect(i2.detail!.from! <= i2.detail!.to!).toBe(true);
        }
        const later = fromDayNumber(Math.min(toDayNumber(end) + 40, LAST_DAY));
        expect(run(w2, later)?.amountFen ?? 0).toBeGreaterThanOrEqual(i2?.amountFen ?? 0);
      }),
      { numRuns: 500 },
    );
  });

  it('injury lump sum: base floored at 60% and capped at 300% of the average wage; monotone in wage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), wageArb, wageArb, avgArb, (grade, x, y, avg) => {
        const [w1, w2] = x <= y ? [x, y] : [y, x];
        const a1 = injuryLumpSum({ grade, monthlyWageFen: w1 }, { poolingAverageWageFen: avg, averageWageFen: null })
          .items[0]!.amountFen;
        const a2 = injuryLumpSum({ grade, monthlyWageFen: w2 }, { poolingAverageWageFen: avg, averageWageFen: null })
          .items[0]!.amountFen;
        expect(a1).toBeLessThanOrEqual(a2);
        const months = INJURY_MONTHS[grade]!;
        if (avg !== null) {
          // exact bounds months × 0.6 × avg ≤ amount ≤ months × 3 × avg, within half a fen of rounding
          expect(a1 * 5).toBeGreaterThanOrEqual(months * 3 * avg - 3);
          expect(a2).toBeLessThanOrEqual(months * 3 * avg);
        } else {
          expect(a2).toBe(months * w2);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('overtime equals the independently computed exact amount rounded half up; monotone in hours and base', () => {
    const halfUp = (num: bigint, den: bigint) => (2n * num + den) / (2n * den);
    fc.assert(
      fc.property(
        wageArb,
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (base, h1, h2) => {
          const [lo, hi] = h1 <= h2 ? [h1, h2] : [h2, h1];
          const run = (b: number, hundredths: number) =>
            overtime(
              {
                wageBaseFen: b,
                workdayHours: hundredths / 100,
                restDayHours: hundredths / 100,
                holidayHours: hundredths / 100,
              },
              null,
            ).items;
          const items = run(base, hi);
          const expected: Record<string, bigint> = {
            overtime_workday: halfUp(BigInt(base) * BigInt(hi) * 3n, 174n * 100n * 2n),
            overtime_rest_day: halfUp(BigInt(base) * BigInt(hi) * 2n, 174n * 100n),
            overtime_holiday: halfUp(BigInt(base) * BigInt(hi) * 3n, 174n * 100n),
          };
          for (const it of items) expect(BigInt(it.amountFen)).toBe(expected[it.code]);
          const sumOf = (xs: { amountFen: number }[]) => xs.reduce((a, i) => a + i.amountFen, 0);
          expect(sumOf(run(base, lo))).toBeLessThanOrEqual(sumOf(items));
          expect(sumOf(run(Math.max(0, base - 1000), hi))).toBeLessThanOrEqual(sumOf(items));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('annual leave: unused days ≤ prorated entitlement ≤ 15; amount ≤ 15 × 200% of daily wage; monotone in wage', () => {
    fc.assert(
      fc.property(
        periodArb,
        fc.integer({ min: 1995, max: 2030 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 2000 }),
        wageArb,
        wageArb,
        ([hire, end], year, years100, taken100, x, y) => {
          const [w1, w2] = x <= y ? [x, y] : [y, x];
          const run = (w: number) =>
            annualLeave({
              year,
              cumulativeWorkYears: years100 / 100,
              daysTaken: taken100 / 100,
              hireDate: hire,
              endDate: end,
              monthlyWage: rat(w),
              asOf: '2031-01-01',
            }).items[0];
          const i1 = run(w1);
          const i2 = run(w2);
          expect(i1?.amountFen ?? 0).toBeLessThanOrEqual(i2?.amountFen ?? 0);
          if (i2) {
            const ent = i2.detail!.entitlementDays!;
            expect(ent).toBeLessThanOrEqual(15);
            expect(Number(i2.detail!.days)).toBeLessThanOrEqual(ent);
            // 15 days × w ÷ 21.75 × 2 = w × 120 / 87
            expect(i2.amountFen * 87).toBeLessThanOrEqual(w2 * 120 + 87);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
