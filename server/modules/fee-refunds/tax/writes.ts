import type { Deps } from '../../../core/deps.js';
import { AppError } from '../../../core/errors.js';
import { CopyPieces, copyField } from '../../../db/copy.js';
import type { Tx } from '../../../db/client.js';
import type { BulkStager, ImportBulkLane, ImportRun, StagedRow } from '../../imports/define.js';
import { feeCollectionRepo, feeStagingRepo } from './repository.js';
import type { TaxImportRow } from './row.js';

/*
 * The tax import's fast lane (`ImportBulkLane`, imports/define.ts). Collections are facts from the
 * tax bureau: never updated, only added or taken out with their import, so the accepted rows go by
 * COPY into fee_collection_staging while the file is read, and the commit moves them into
 * fee_collections a chunk of row numbers at a time. A row whose e-ticket number and period are
 * stored already (an earlier import, or an earlier row of the file) is skipped by the unique
 * constraint and counted as a duplicate (`unchanged`, the API's `rowsDuplicate`).
 */

/** Stores collections read elsewhere (the demo data), as an import with that id would. */
export async function commitCollections(
  tx: Tx,
  run: ImportRun,
  rows: StagedRow<TaxImportRow>[],
): Promise<{ inserted: number; unchanged: number }> {
  const inserted = await feeCollectionRepo.insertNew(
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
  return { inserted, unchanged: rows.length - inserted };
}

/** One staged row as a line of COPY's text format, in STAGING_COLUMNS' order. */
function lineOf(importId: string, { rowNo, row }: StagedRow<TaxImportRow>): string {
  return `${importId}\t${rowNo}\t${row.uscc}\t${copyField(row.taxpayerName)}\t${row.periodFrom}\t${row.periodTo}\t${row.wageBaseFen}\t${row.rateBp}\t${row.paidFen}\t${copyField(row.eTicketNo)}\t${copyField(row.taxOfficeName)}\t${row.treasuryDate}\t${row.regionCode}\n`;
}

async function stager(deps: Deps, run: ImportRun): Promise<BulkStager<TaxImportRow>> {
  const copy = await feeStagingRepo.copy(deps.db);
  return {
    async write(rows) {
      const lines = new CopyPieces();
      for (const r of rows) lines.add(lineOf(run.importId, r));
      await copy.write(lines.done());
    },
    end: () => copy.end(),
    abort: () => copy.abort(),
  };
}

/**
 * Takes an import's collections out again, unless a refund run has computed any of them (its
 * lines may be paid or on their way): CONFLICT, which undoes the whole rollback. A row counted as
 * a duplicate belongs to the import that stored it and stays.
 */
async function rollback(tx: Tx, run: ImportRun): Promise<void> {
  const computed = await feeCollectionRepo.computedOfImport(tx, run.importId);
  if (computed > 0)
    throw new AppError(
      'CONFLICT',
      `本次导入的 ${computed} 条征收记录已计算返还，不能撤销；如数据有误，请联系复核人处理`,
      `${computed} collection(s) of this import have been computed into refunds: the import cannot be rolled back`,
    );
  await feeCollectionRepo.deleteOfImport(tx, run.importId);
}

export const taxBulkLane: ImportBulkLane<TaxImportRow> = {
  stager,
  discard: (_deps, db, importId) => feeStagingRepo.discard(db, importId),
  staged: (_deps, db, importId) => feeStagingRepo.counts(db, importId),
  commitChunk: (_deps, tx, run, after, upTo) => feeStagingRepo.moveToCollections(tx, run.importId, after, upTo),
  rollback: (_deps, tx, run) => rollback(tx, run),
};
