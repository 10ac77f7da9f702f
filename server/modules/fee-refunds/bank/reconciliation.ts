import type { FeeReconciliationGroup, ReconciliationStatus } from '../../../../contracts/fee-refunds/responses.js';
import { regionWithin } from '../../../../contracts/regions.js';
import type { DbOrTx } from '../../../db/client.js';
import { collectionSums, creditSums, type CreditSums, type ReconcileScope, type Sums } from './repository.js';

export type { ReconcileScope };
import { officeKey } from './row.js';

/*
 * The reconciliation of the tax data with the bank (对账): the collections are summed by
 * (征收税务机关, 入库日期), the bank's credits by (付款方名称, 入账日期), and a group is
 * reconciled when the two sums are equal to the fen. Names are matched by `officeKey`
 * (NFKC and no white space). Computed when asked, from the stored rows: nothing is kept.
 */

function statusOf(collections: number, credits: number, collected: bigint, credited: bigint): ReconciliationStatus {
  if (credits === 0) return 'no_credit';
  if (collections === 0) return 'no_collection';
  return collected === credited ? 'reconciled' : 'difference';
}

const fen = (n: bigint) => {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError('amount beyond exact numbers');
  return Number(n);
};

/**
 * Merges the sums into groups (pure). A credit joins the collection group of its office key and
 * date; a credit without one becomes a `no_collection` group only when `creditShown` says so (the
 * API: credits its importer's region puts inside the caller's). Sorted by date, then office.
 */
export function mergeGroups(
  collected: Sums[],
  credited: CreditSums[],
  creditShown: (c: CreditSums) => boolean,
): FeeReconciliationGroup[] {
  const groups = new Map<string, { name: string; date: string; cFen: bigint; cN: number; bFen: bigint; bN: number }>();
  const keyOf = (name: string, date: string) => `${date}|${officeKey(name)}`;
  for (const c of [...collected].sort((a, b) => a.name.localeCompare(b.name))) {
    const k = keyOf(c.name, c.date);
    const g = groups.get(k) ?? { name: c.name, date: c.date, cFen: 0n, cN: 0, bFen: 0n, bN: 0 };
    g.cFen += c.fen;
    g.cN += c.count;
    groups.set(k, g);
  }
  for (const b of credited) {
    const k = keyOf(b.name, b.date);
    let g = groups.get(k);
    if (!g) {
      if (!creditShown(b)) continue;
      g = { name: b.name, date: b.date, cFen: 0n, cN: 0, bFen: 0n, bN: 0 };
      groups.set(k, g);
    }
    g.bFen += b.fen;
    g.bN += b.count;
  }
  return [...groups.values()]
    .sort((a, b) => (a.date === b.date ? a.name.localeCompare(b.name) : a.date < b.date ? -1 : 1))
    .map((g) => ({
      taxOfficeName: g.name,
      date: g.date,
      collectedFen: fen(g.cFen),
      creditedFen: fen(g.bFen),
      differenceFen: fen(g.bFen - g.cFen),
      collections: g.cN,
      credits: g.bN,
      status: statusOf(g.cN, g.bN, g.cFen, g.bFen),
    }));
}

/**
 * The groups of a window as the caller sees them: the collections of the scope; every credit
 * whose payer is one of their offices on that date; and the credits matching no collection of
 * the scope when they were imported inside it (a national importer's only by national callers).
 */
export async function reconciliationGroups(db: DbOrTx, f: ReconcileScope): Promise<FeeReconciliationGroup[]> {
  const [collected, credited] = await Promise.all([collectionSums(db, f), creditSums(db, f.from, f.to)]);
  const area = f.regionCode ?? f.scope;
  return mergeGroups(
    collected,
    credited,
    (c) => regionWithin(c.regionCode, f.scope) && regionWithin(c.regionCode, area),
  );
}

/**
 * Whether one tax office's collections of one treasury date are reconciled with the bank: the
 * whole office's collections (every region: the treasury transfers the office's day at once)
 * against its credits of that date, equal to the fen and both present. The refund runs compute
 * only from collections for which this holds.
 */
export async function isReconciled(db: DbOrTx, taxOfficeName: string, date: string): Promise<boolean> {
  const whole = { scope: null, from: date, to: date };
  const [collected, credited] = await Promise.all([
    collectionSums(db, whole, taxOfficeName),
    creditSums(db, date, date, taxOfficeName),
  ]);
  const groups = mergeGroups(collected, credited, () => false);
  return groups.length === 1 && groups[0]!.status === 'reconciled';
}

/**
 * The reconciled (tax office, treasury date) pairs of a window, each office named as the tax data
 * names it (every spelling of the office, so a refund run can select its collections by
 * `tax_office_name` and `treasury_date`). Whole offices, as `isReconciled`.
 */
export async function reconciledPairs(
  db: DbOrTx,
  from: string,
  to: string,
): Promise<{ taxOfficeName: string; treasuryDate: string }[]> {
  const whole = { scope: null, from, to };
  const [collected, credited] = await Promise.all([collectionSums(db, whole), creditSums(db, from, to)]);
  const ok = new Set(
    mergeGroups(collected, credited, () => false)
      .filter((g) => g.status === 'reconciled')
      .map((g) => `${g.date}|${officeKey(g.taxOfficeName)}`),
  );
  return collected
    .filter((c) => ok.has(`${c.date}|${officeKey(c.name)}`))
    .map((c) => ({ taxOfficeName: c.name, treasuryDate: c.date }));
}
