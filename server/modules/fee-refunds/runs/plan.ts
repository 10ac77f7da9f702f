/*
 * A refund run's plan (pure): from a month's reconciled collections, the enterprises they belong
 * to, the policy versions and the union's paying accounts, everything the run will write —
 * one allocation per collection and policy version (the ledger), one line per enterprise and
 * destination account, one batch per paying account. The service stores it in one transaction.
 */
import {
  UNION_LEVELS,
  type DestinationKind,
  type FeeNote,
  type UnionLevel,
} from '../../../../contracts/fee-refunds/codes.js';
import type { LineState, RunSkipReason } from '../../../../contracts/fee-refunds/run-codes.js';
import { addMonths } from '../../../../contracts/dates.js';
import type { FeePolicyVersion } from '../rules/policy.js';
import { computeRefund, type EnterpriseRecord } from '../rules/refund.js';

export interface PlanCollection {
  id: string;
  uscc: string;
  periodFrom: string;
  periodTo: string;
  paidFen: number;
  regionCode: string;
  /** The day the row arrived (its import): a line is due one month later. */
  arrivedOn: string;
}

export interface Account {
  bankCode: string;
  accountNo: string;
  accountName: string;
}

export interface PlanEnterprise extends EnterpriseRecord {
  name: string;
  unionAccount: Account | null;
  payingAccount: Account | null;
}

export interface PayingAccount extends Account {
  regionCode: string;
}

export interface PlannedAllocation {
  collectionId: string;
  policyId: string;
  lineKey: string | null;
  regionCode: string;
  periodFrom: string;
  periodTo: string;
  group: 'small_micro' | 'ordinary';
  collectedFen: number;
  returnedFen: number;
  heldFen: number;
  retainedByLevel: Record<UnionLevel, number>;
  retainedFen: number;
  notes: FeeNote[];
}

export interface PlannedLine {
  key: string;
  uscc: string;
  enterpriseName: string;
  regionCode: string;
  destination: DestinationKind;
  amountFen: number;
  creditor: Account | null;
  payingAccount: PayingAccount | null;
  state: LineState;
  dueOn: string;
}

export interface PlannedBatch {
  payingAccount: PayingAccount;
  lineKeys: string[];
  totalFen: number;
}

export interface RunPlan {
  allocations: PlannedAllocation[];
  lines: PlannedLine[];
  batches: PlannedBatch[];
  computed: number;
  skipped: Record<RunSkipReason, number>;
}

/** The union's accounts by region code: paying accounts (any level), pooled accounts (counties). */
export interface UnionAccounts {
  paying: ReadonlyMap<string, PayingAccount>;
  pooled: ReadonlyMap<string, PayingAccount>;
}

/** The account a region's refunds are paid from: its county's, else its city's, else its province's. */
export function payingAccountFor(
  regionCode: string,
  accounts: ReadonlyMap<string, PayingAccount>,
): PayingAccount | null {
  const county = regionCode;
  const city = `${regionCode.slice(0, 4)}00`;
  const province = `${regionCode.slice(0, 2)}0000`;
  return accounts.get(county) ?? accounts.get(city) ?? accounts.get(province) ?? null;
}

/**
 * The account a line of this destination is paid to, from the registry and the union's accounts:
 * the enterprise's union account, its paying account, or its county federation's pooled account.
 * The pooled account is the one of the line's county, as the paying account is.
 * null: nothing to pay to yet (the line waits as no_account; a held line is not paid at all).
 */
export function creditorFor(
  enterprise: Pick<PlanEnterprise, 'unionAccount' | 'payingAccount'> | undefined,
  destination: DestinationKind,
  regionCode: string,
  accounts: UnionAccounts,
): Account | null {
  if (destination === 'county_pooled') {
    const pooled = accounts.pooled.get(regionCode);
    return pooled ? { bankCode: pooled.bankCode, accountNo: pooled.accountNo, accountName: pooled.accountName } : null;
  }
  if (destination === 'union_account') return enterprise?.unionAccount ?? null;
  if (destination === 'paying_account') return enterprise?.payingAccount ?? null;
  return null;
}

function stateOf(destination: DestinationKind, creditor: Account | null, paying: PayingAccount | null): LineState {
  if (destination === 'preparation_fund_held') return 'held';
  return creditor && paying ? 'in_batch' : 'no_account';
}

export function planRun(
  collections: readonly PlanCollection[],
  enterprises: ReadonlyMap<string, PlanEnterprise>,
  policies: readonly FeePolicyVersion[],
  accounts: UnionAccounts,
): RunPlan {
  const skipped: Record<RunSkipReason, number> = { unreconciled: 0, unregistered: 0, no_policy: 0 };
  const allocations: PlannedAllocation[] = [];
  const lines = new Map<string, PlannedLine>();
  // A month's collections arrived on a few days: each due day is worked out once.
  const dueDays = new Map<string, string>();
  const dueOf = (arrivedOn: string) => {
    let due = dueDays.get(arrivedOn);
    if (due === undefined) dueDays.set(arrivedOn, (due = addMonths(arrivedOn, 1)));
    return due;
  };
  let computed = 0;
  for (const c of collections) {
    const enterprise = enterprises.get(c.uscc);
    if (!enterprise) {
      skipped.unregistered++;
      continue;
    }
    const result = computeRefund({
      collection: {
        uscc: c.uscc,
        periodFrom: c.periodFrom,
        periodTo: c.periodTo,
        paidFen: c.paidFen,
        regionCode: c.regionCode,
      },
      enterprise,
      policies,
    });
    if (!result.ok) {
      skipped.no_policy++;
      continue;
    }
    computed++;
    for (const l of result.lines) {
      const returned = UNION_LEVELS.reduce((a, level) => a + l.returnedByLevel[level], 0);
      const retainedFen = UNION_LEVELS.reduce((a, level) => a + l.retainedByLevel[level], 0);
      let lineKey: string | null = null;
      if (returned > 0) {
        const creditor = creditorFor(enterprise, l.destination, enterprise.regionCode, accounts);
        lineKey = `${c.uscc}|${l.destination}|${creditor?.accountNo ?? ''}`;
        const dueOn = dueOf(c.arrivedOn);
        const line = lines.get(lineKey);
        if (line) {
          line.amountFen += returned;
          if (dueOn < line.dueOn) line.dueOn = dueOn;
        } else {
          const paying = payingAccountFor(enterprise.regionCode, accounts.paying);
          lines.set(lineKey, {
            key: lineKey,
            uscc: c.uscc,
            enterpriseName: enterprise.name,
            regionCode: enterprise.regionCode,
            destination: l.destination,
            amountFen: returned,
            creditor,
            payingAccount: paying,
            state: stateOf(l.destination, creditor, paying),
            dueOn,
          });
        }
      }
      allocations.push({
        collectionId: c.id,
        policyId: l.policyId,
        lineKey,
        regionCode: l.regionCode,
        periodFrom: l.periodFrom,
        periodTo: l.periodTo,
        group: l.group,
        collectedFen: l.collectedFen,
        returnedFen: l.refundedFen,
        heldFen: l.pendingFen,
        retainedByLevel: l.retainedByLevel,
        retainedFen,
        notes: [...l.notes],
      });
    }
  }
  const batches = new Map<string, PlannedBatch>();
  for (const line of lines.values()) {
    if (line.state !== 'in_batch' || !line.payingAccount) continue;
    const key = line.payingAccount.regionCode;
    const batch = batches.get(key) ?? { payingAccount: line.payingAccount, lineKeys: [], totalFen: 0 };
    batch.lineKeys.push(line.key);
    batch.totalFen += line.amountFen;
    batches.set(key, batch);
  }
  return {
    allocations,
    lines: [...lines.values()],
    batches: [...batches.values()].sort((a, b) => a.payingAccount.regionCode.localeCompare(b.payingAccount.regionCode)),
    computed,
    skipped,
  };
}
