import { z } from 'zod';
import type { RowError } from '../../../../contracts/imports.js';
import { regionWithin } from '../../../../contracts/regions.js';
import { validateUscc } from '../../../core/identifiers/uscc.js';
import { defineImportKind } from '../../imports/define.js';
import { feeEnterpriseRepo } from '../registry/repository.js';
import { TAX_COLUMNS, readTaxRow, type TaxCells, type TaxImportRow } from './row.js';
import { taxBulkLane } from './writes.js';

// The tax collection data (税务征收数据) of the fee refunds, through the platform's import
// pipeline: each row one collection of the union fee by the tax bureau, stored in
// fee_collections. The enterprise need not be in the registry: the tax data may come first.

/** The pipeline's name of the kind (the fee-refund API calls it `tax`). */
export const TAX_IMPORT_KIND = 'fee_tax';

const taxRowSchema = z.record(z.string(), z.string()).transform((input, ctx): TaxImportRow => {
  const cells: TaxCells = {};
  for (const key of TAX_COLUMNS) if (input[key] !== undefined) cells[key] = input[key];
  const read = readTaxRow(cells);
  if (read.ok) return read.row;
  for (const e of read.errors)
    ctx.addIssue({ code: 'custom', path: [e.field], message: e.zh, params: { en: e.en }, input: cells[e.field] });
  return z.NEVER;
});

export const taxImportKind = defineImportKind<TaxImportRow>({
  kind: TAX_IMPORT_KIND,
  title: { zh: '经费返还税务征收数据', en: 'Fee-refund tax collection data' },
  permission: 'fee_refunds:import',
  // The e-ticket number first: the natural key starts with it.
  columns: [
    { key: 'eTicketNo', headers: ['电子税票号码', 'E-ticket number'], required: true },
    { key: 'uscc', headers: ['统一社会信用代码', 'USCC'], required: true },
    { key: 'taxpayerName', headers: ['纳税人名称', 'Taxpayer name'], required: true },
    { key: 'periodFrom', headers: ['税款所属期起', 'Period from'], required: true },
    { key: 'periodTo', headers: ['税款所属期止', 'Period to'], required: true },
    { key: 'wageBase', headers: ['计税依据', 'Wage base'], required: true },
    { key: 'rate', headers: ['税率', 'Rate'], required: true },
    { key: 'paid', headers: ['实缴金额', 'Amount paid'], required: true },
    { key: 'taxOfficeName', headers: ['征收税务机关', 'Tax office'], required: true },
    { key: 'treasuryDate', headers: ['入库日期', 'Treasury date'], required: true },
    { key: 'regionCode', headers: ['所属区划代码', 'Region code'], required: true },
  ],
  rowSchema: taxRowSchema,
  naturalKey: (row) => `${row.eTicketNo}|${row.periodFrom}|${row.periodTo}`,
  // The same e-ticket and period again is the same collection sent twice, not an error: the
  // commit counts it as a duplicate (the unique constraint skips it).
  repeatedKeys: 'committed_as_duplicates',

  async checkRows(deps, run, rows) {
    const errors: RowError[] = [];
    const known = await feeEnterpriseRepo.knownRegions(deps.db, [...new Set(rows.map((r) => r.row.regionCode))]);
    for (const { rowNo, row } of rows) {
      if (row.usccCheckWarning && !run.acceptWarnings) {
        const check = validateUscc(row.uscc);
        if (!check.ok) errors.push({ row: rowNo, field: 'uscc', zh: check.message, en: check.messageEn });
      }
      if (!known.has(row.regionCode))
        errors.push({
          row: rowNo,
          field: 'regionCode',
          zh: '「所属区划代码」不存在',
          en: '"Region code": unknown region code',
        });
      else if (!regionWithin(row.regionCode, run.regionCode))
        errors.push({
          row: rowNo,
          field: 'regionCode',
          zh: '「所属区划代码」不在您的管辖区域内',
          en: '"Region code": outside your region',
        });
    }
    return errors;
  },

  // The fast lane (tax/writes.ts): COPY into a typed staging table, INSERT … SELECT at commit,
  // rollback by import. An import committed before the lane existed is rolled back the same way.
  bulk: taxBulkLane,
});
