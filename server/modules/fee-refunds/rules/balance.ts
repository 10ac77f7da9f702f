/**
 * The balance identity of fee refunds: every fen collected is refunded, held pending or retained
 * by a union level —
 *
 *     collected = refunded + pending + Σ retained by level
 *
 * for every line, for every group of lines (region × period) and for all of them together.
 * `balanceOf` sums the lines (in BigInt, so no total can lose a fen) and says where the identity
 * fails; a line that is off counts even when another line happens to offset it in its group.
 */
import { UNION_LEVELS, type RefundLine, type UnionLevel } from '../../../../contracts/fee-refunds/codes.js';

export interface BalanceTotals {
  lines: number;
  collectedFen: number;
  refundedFen: number;
  pendingFen: number;
  retainedByLevel: Record<UnionLevel, number>;
  retainedFen: number;
  /** collected − (refunded + pending + retained); 0 when the identity holds */
  differenceFen: number;
  balanced: boolean;
}

export interface BalanceGroup extends BalanceTotals {
  regionCode: string;
  period: string;
}

export interface BalanceReport {
  groups: BalanceGroup[];
  total: BalanceTotals;
  /** indexes of the lines whose own parts do not add up */
  unbalancedLines: number[];
  /** every line, every group and the total balance, and the groups add up to the total */
  balanced: boolean;
}

export type BalanceLine = Pick<
  RefundLine,
  'regionCode' | 'periodFrom' | 'periodTo' | 'collectedFen' | 'refundedFen' | 'pendingFen' | 'retainedByLevel'
>;

export interface BalanceOptions {
  /** the region a line is reported under; default its own code (cities: `(c) => c.slice(0, 4) + '00'`) */
  regionOf?: (regionCode: string) => string;
  /** the period a line is reported under; default "periodFrom/periodTo" (years: `(l) => l.periodTo.slice(0, 4)`) */
  periodOf?: (line: BalanceLine) => string;
}

interface Sums {
  lines: number;
  collected: bigint;
  refunded: bigint;
  pending: bigint;
  retained: Record<UnionLevel, bigint>;
}

function emptySums(): Sums {
  return {
    lines: 0,
    collected: 0n,
    refunded: 0n,
    pending: 0n,
    retained: { grassroots: 0n, county: 0n, city: 0n, provincial: 0n, national: 0n },
  };
}

function addLine(s: Sums, line: BalanceLine): void {
  s.lines++;
  s.collected += BigInt(line.collectedFen);
  s.refunded += BigInt(line.refundedFen);
  s.pending += BigInt(line.pendingFen);
  for (const level of UNION_LEVELS) s.retained[level] += BigInt(line.retainedByLevel[level]);
}

function toNumber(x: bigint): number {
  if (x > BigInt(Number.MAX_SAFE_INTEGER) || x < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`a total of ${x} fen is beyond exact numbers`);
  }
  return Number(x);
}

function totalsOf(s: Sums): BalanceTotals {
  const retained = UNION_LEVELS.reduce((a, l) => a + s.retained[l], 0n);
  const difference = s.collected - s.refunded - s.pending - retained;
  const retainedByLevel = {} as Record<UnionLevel, number>;
  for (const level of UNION_LEVELS) retainedByLevel[level] = toNumber(s.retained[level]);
  return {
    lines: s.lines,
    collectedFen: toNumber(s.collected),
    refundedFen: toNumber(s.refunded),
    pendingFen: toNumber(s.pending),
    retainedByLevel,
    retainedFen: toNumber(retained),
    differenceFen: toNumber(difference),
    balanced: difference === 0n,
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isWholeFen(x: number): boolean {
  return Number.isSafeInteger(x) && x >= 0;
}

/** A line balances on its own: whole, non-negative fen that add up. */
export function lineBalances(line: BalanceLine): boolean {
  const parts = [
    line.collectedFen,
    line.refundedFen,
    line.pendingFen,
    ...UNION_LEVELS.map((l) => line.retainedByLevel[l]),
  ];
  if (!parts.every(isWholeFen)) return false;
  const retained = UNION_LEVELS.reduce((a, l) => a + BigInt(line.retainedByLevel[l]), 0n);
  return BigInt(line.collectedFen) === BigInt(line.refundedFen) + BigInt(line.pendingFen) + retained;
}

/** Sums per region and period, the grand total, and whether the identity holds everywhere. */
export function balanceOf(lines: readonly BalanceLine[], options: BalanceOptions = {}): BalanceReport {
  const regionOf = options.regionOf ?? ((c: string) => c);
  const periodOf = options.periodOf ?? ((l: BalanceLine) => `${l.periodFrom}/${l.periodTo}`);
  const groups = new Map<string, { regionCode: string; period: string; sums: Sums }>();
  const all = emptySums();
  const unbalancedLines: number[] = [];
  lines.forEach((line, i) => {
    if (!lineBalances(line)) unbalancedLines.push(i);
    const regionCode = regionOf(line.regionCode);
    const period = periodOf(line);
    const key = `${regionCode}\u0000${period}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { regionCode, period, sums: emptySums() };
      groups.set(key, g);
    }
    addLine(g.sums, line);
    addLine(all, line);
  });
  const out: BalanceGroup[] = [...groups.values()]
    .sort((a, b) => compareText(a.regionCode, b.regionCode) || compareText(a.period, b.period))
    .map((g) => ({ regionCode: g.regionCode, period: g.period, ...totalsOf(g.sums) }));
  const total = totalsOf(all);
  const groupsAddUp =
    out.reduce((a, g) => a + BigInt(g.collectedFen), 0n) === all.collected &&
    out.reduce((a, g) => a + BigInt(g.lines), 0n) === BigInt(all.lines);
  return {
    groups: out,
    total,
    unbalancedLines,
    balanced: unbalancedLines.length === 0 && total.balanced && out.every((g) => g.balanced) && groupsAddUp,
  };
}
