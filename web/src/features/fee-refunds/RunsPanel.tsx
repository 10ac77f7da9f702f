import { useCan } from '../../app/auth';
import { BankResults } from './BankResults';
import { BatchList } from './BatchList';
import { RunForm } from './RunForm';
import { useFeeRuns } from './useFeeRuns';

/** 返还批次: compute a month, the batches with their approvals, and the bank's results. */
export function RunsPanel() {
  const can = useCan();
  const state = useFeeRuns();
  const canRun = can('fee_refunds:run');
  return (
    <>
      {canRun && <RunForm state={state} />}
      {canRun && <BankResults state={state} />}
      <BatchList state={state} canRun={canRun} canApprove={can('fee_refunds:approve')} />
    </>
  );
}
