import type { Tx } from '../../../db/client.js';
import { AppError } from '../../../core/errors.js';
import type { CommitOutcome, ImportRun, StagedRow } from '../../imports/define.js';
import { feeBankCreditRepo } from './repository.js';
import type { BankCreditRow } from './row.js';

/**
 * Stores a batch of credits. A serial number stored already (by an earlier import, batch or row)
 * is skipped by the unique constraint and counted as unchanged: the API's `rowsDuplicate`.
 */
export async function commitCredits(tx: Tx, run: ImportRun, rows: StagedRow<BankCreditRow>[]): Promise<CommitOutcome> {
  const ids = await feeBankCreditRepo.insertNew(
    tx,
    rows.map(({ row }) => ({
      creditDate: row.creditDate,
      payerName: row.payerName,
      payerKey: row.payerKey,
      amountFen: row.amountFen,
      serialNo: row.serialNo,
      regionCode: run.regionCode,
      importId: run.importId,
    })),
  );
  return {
    inserted: ids.length,
    updated: 0,
    unchanged: rows.length - ids.length,
    changes: ids.map((entityId) => ({ entityId, before: null })),
  };
}

/**
 * Takes a batch of an import's credits out again. Nothing stores a reconciliation yet (it is
 * computed when asked), so nothing refuses; once refund runs are kept, a credit they relied on
 * must refuse here (CONFLICT).
 */
export async function rollbackCredits(tx: Tx, run: ImportRun, changes: CommitOutcome['changes']): Promise<void> {
  const ids = changes.map((c) => c.entityId);
  const gone = await feeBankCreditRepo.deleteOfImport(tx, run.importId, ids);
  if (gone !== ids.length)
    throw new AppError(
      'CONFLICT',
      '本次导入的部分银行入账记录已不存在，不能撤销',
      'Some bank credits of this import are gone already; the import cannot be rolled back',
    );
}
