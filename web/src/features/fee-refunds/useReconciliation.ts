import { addMonths, todayInChina } from '../../../../contracts/dates';
import { usePaged } from '../../app/usePaged';
import { FEE_RECONCILIATION_API } from './queryKeys';
import type { FeeReconciliation, FeeReconciliationGroup } from './types';

export interface ReconciliationWindow {
  from: string;
  to: string;
}

/** The last three months up to today (China): the window the tab opens with. */
export function defaultWindow(today = todayInChina()): ReconciliationWindow {
  return { from: addMonths(today, -3), to: today };
}

/**
 * The reconciliation of a window of treasury dates: the (tax office, date) groups, server-paged,
 * and the window's totals (answered with every page).
 */
export function useReconciliation() {
  const list = usePaged<FeeReconciliationGroup, { from: string; to: string }, FeeReconciliation>(
    FEE_RECONCILIATION_API,
    defaultWindow(),
  );
  return { ...list, totals: list.data?.totals ?? null };
}
