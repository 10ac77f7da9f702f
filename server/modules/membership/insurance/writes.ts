import type { Deps } from '../../../core/deps.js';
import { AppError } from '../../../core/errors.js';
import { CopyPieces, copyField } from '../../../db/copy.js';
import type { BulkStager, ImportBulkLane, ImportRun, RepeatedRow, StagedRow } from '../../imports/define.js';
import { registerImportedPeople, removeImportedPeople, removePeopleRegisteredBy } from '../../people/service.js';
import type { InsuranceImportRow } from './import-kind.js';
import { insuranceRepo } from './repository.js';
import { insuranceStagingRepo, type RepeatedStagedRow } from './staging-repository.js';

/*
 * The insurance import's fast lane (`ImportBulkLane`, imports/define.ts). A cover is only ever
 * added (or taken out with its import), so the accepted rows go by COPY into
 * membership_insurance_staging while the file is read, their resident IDs sealed by the check
 * (never in clear), and the commit moves them a chunk of row numbers at a time: the people module
 * registers the workers not registered yet (one statement, with their audit records, each marked
 * with the import), then one INSERT … SELECT adds the covers. A cover already stored (the same
 * file again, a manual record) is skipped by the unique index and counted as a duplicate.
 */

/** One staged row as a line of COPY's text format, in STAGING_COLUMNS' order. */
function lineOf(run: ImportRun, { rowNo, row }: StagedRow<InsuranceImportRow>): string {
  const id = row.sealed;
  const regionCode = row.regionCode ?? run.regionCode;
  if (!id || !regionCode) throw new AppError('INTERNAL', '导入数据未经检查', 'The import row was not checked');
  return `${run.importId}\t${rowNo}\t${copyField(row.name)}\t${copyField(row.phone)}\t${copyField(id.residentIdEnc)}\t${id.residentIdHash}\t${copyField(id.residentIdHead)}\t${copyField(id.residentIdTail)}\t${id.sex}\t${id.birthDate}\t${regionCode}\t${row.scheme}\t${copyField(row.insurer)}\t${copyField(row.policyNo)}\t${row.startsOn}\t${row.endsOn}\n`;
}

async function stager(deps: Deps, run: ImportRun): Promise<BulkStager<InsuranceImportRow>> {
  const copy = await insuranceStagingRepo.copy(deps.db);
  return {
    async write(rows) {
      const lines = new CopyPieces();
      for (const r of rows) lines.add(lineOf(run, r));
      await copy.write(lines.done());
    },
    async end() {
      await copy.end();
      // The commit's joins are planned on this table just filled: statistics first, here rather
      // than in the commit's transaction, which would hold ANALYZE's lock until it ends.
      await insuranceStagingRepo.analyze(deps.db);
    },
    abort: () => copy.abort(),
  };
}

/** A repeated row as the rejected-rows workbook shows it: the ID masked, as the check left it. */
function repeatedRow(r: RepeatedStagedRow): RepeatedRow {
  const { rowNo, firstRowNo, residentIdHead, residentIdTail, ...values } = r;
  return { rowNo, firstRowNo, data: { ...values, residentId: `${residentIdHead}**********${residentIdTail}` } };
}

export const insuranceBulkLane: ImportBulkLane<InsuranceImportRow> = {
  stager,
  discard: (_deps, db, importId) => insuranceStagingRepo.discard(db, importId),
  staged: (_deps, db, importId) => insuranceStagingRepo.counts(db, importId),
  takeRepeated: async (_deps, db, importId, limit) =>
    (await insuranceStagingRepo.takeRepeated(db, importId, limit)).map(repeatedRow),

  async commitChunk(deps, tx, run, after, upTo) {
    const now = deps.now();
    const rows = insuranceStagingRepo.peopleRows(run.importId, after, upTo);
    await registerImportedPeople(tx, run.ctx, { importId: run.importId, rows }, now);
    return insuranceStagingRepo.moveToCovers(tx, run.importId, after, upTo, now);
  },

  // Nothing refers to a cover, so an import's covers all go; the people it registered go with
  // them unless something else points at them by now or they changed since the commit.
  async rollback(_deps, tx, run, committedAt) {
    await insuranceRepo.deleteOfImport(tx, run.importId);
    await removePeopleRegisteredBy(tx, run.ctx, run.importId, committedAt);
  },
  // An import committed by the usual lane (before this one) listed the people it created.
  async rollbackRecorded(_deps, tx, run, changes, committedAt) {
    await removeImportedPeople(
      tx,
      run.ctx,
      changes.map((c) => c.entityId),
      committedAt,
    );
  },
};
