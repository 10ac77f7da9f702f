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
 * Takes a batch of an import's collections out again. The check point for the later steps:
 * once refund lines, batches or reconciliations are computed from collections, a collection
 * they used must refuse the rollback here (CONFLICT, which undoes the whole rollback). No step
 * reads fee_collections yet, so nothing refuses.
 */
export async function rollbackCollections(tx: Tx, run: ImportRun, changes: CommitOutcome['changes']): Promise<void> {
  const ids = changes.map((c) => c.entityId);
  const gone = await feeCollectionRepo.deleteOfImport(tx, run.importId, ids);
  if (gone !== ids.length)
    throw new AppError(
      'CONFLICT',
      '本次导入的部分征收记录已不存在，不能撤销',
      'Some collections of this import are gone already; the import cannot be rolled back',
    );
}
