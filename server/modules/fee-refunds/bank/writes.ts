import type { Tx } from '../../../db/client.js';
import { AppError } from '../../../core/errors.js';
import type { CommitOutcome, ImportRun, StagedRow } from '../../imports/define.js';
import { feeBankCreditRepo } from './repository.js';
import { officeKey, type BankCreditRow } from './row.js';
import { feeCollectionRepo } from '../tax/repository.js';

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
 * Takes a batch of an import's credits out again, unless a refund run has computed collections
 * of the same tax office and date (they were computed because these credits reconciled them):
 * CONFLICT, which undoes the whole rollback.
 */
export async function rollbackCredits(tx: Tx, run: ImportRun, changes: CommitOutcome['changes']): Promise<void> {
  const ids = changes.map((c) => c.entityId);
  const credits = await feeBankCreditRepo.byIds(tx, ids);
  const computed = new Set(
    (await feeCollectionRepo.computedOfficesOn(tx, [...new Set(credits.map((c) => c.creditDate))])).map(
      (o) => `${o.date}|${officeKey(o.name)}`,
    ),
  );
  const used = credits.filter((c) => computed.has(`${c.creditDate}|${c.payerKey}`)).length;
  if (used > 0)
    throw new AppError(
      'CONFLICT',
      `本次导入的 ${used} 条银行入账已用于对账并计算了返还，不能撤销`,
      `${used} credit(s) of this import reconciled collections that have been computed into refunds: the import cannot be rolled back`,
    );
  const gone = await feeBankCreditRepo.deleteOfImport(tx, run.importId, ids);
  if (gone !== ids.length)
    throw new AppError(
      'CONFLICT',
      '本次导入的部分银行入账记录已不存在，不能撤销',
      'Some bank credits of this import are gone already; the import cannot be rolled back',
    );
}
