import type { Tx } from '../../../db/client.js';
import { AppError } from '../../../core/errors.js';
import type { CommitOutcome, ImportRun, StagedRow } from '../../imports/define.js';
import { feeCollectionRepo } from './repository.js';
import type { TaxImportRow } from './row.js';

/**
 * Stores a batch of collections. A row whose e-ticket number and period are stored already (by
 * an earlier import, an earlier batch, or an earlier row of this one) is skipped by the database's
 * unique constraint and counted as unchanged: the API's `rowsDuplicate`. Collections are facts
 * from the tax bureau: never updated, only added or taken out with their import.
 */
export async function commitCollections(
  tx: Tx,
  run: ImportRun,
  rows: StagedRow<TaxImportRow>[],
): Promise<CommitOutcome> {
  const ids = await feeCollectionRepo.insertNew(
    tx,
    rows.map(({ row }) => ({
      uscc: row.uscc,
      taxpayerName: row.taxpayerName,
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
      wageBaseFen: row.wageBaseFen,
      rateBp: row.rateBp,
      paidFen: row.paidFen,
      eTicketNo: row.eTicketNo,
      taxOfficeName: row.taxOfficeName,
      treasuryDate: row.treasuryDate,
      regionCode: row.regionCode,
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
 * Takes a batch of an import's collections out again, unless a refund run has computed any of
 * them (its lines may be paid or on their way): CONFLICT, which undoes the whole rollback.
 */
export async function rollbackCollections(tx: Tx, run: ImportRun, changes: CommitOutcome['changes']): Promise<void> {
  const ids = changes.map((c) => c.entityId);
  const computed = await feeCollectionRepo.computedAmong(tx, ids);
  if (computed > 0)
    throw new AppError(
      'CONFLICT',
      `本次导入的 ${computed} 条征收记录已计算返还，不能撤销；如数据有误，请联系复核人处理`,
      `${computed} collection(s) of this import have been computed into refunds: the import cannot be rolled back`,
    );
  const gone = await feeCollectionRepo.deleteOfImport(tx, run.importId, ids);
  if (gone !== ids.length)
    throw new AppError(
      'CONFLICT',
      '本次导入的部分征收记录已不存在，不能撤销',
      'Some collections of this import are gone already; the import cannot be rolled back',
    );
}
