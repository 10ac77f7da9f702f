import { z } from 'zod';
import { defineImportKind } from '../../imports/define.js';
import { BANK_COLUMNS, readBankRow, type BankCells, type BankCreditRow } from './row.js';
import { commitCredits, rollbackCredits } from './writes.js';

// The bank's credits to the union's account (银行入账流水) through the platform's import
// pipeline: each row one transfer from the treasury for a tax office, stored in fee_bank_credits.

/** The pipeline's name of the kind (the fee-refund API calls it `bank_credits`). */
export const BANK_IMPORT_KIND = 'fee_bank_credits';

const bankRowSchema = z.record(z.string(), z.string()).transform((input, ctx): BankCreditRow => {
  const cells: BankCells = {};
  for (const key of BANK_COLUMNS) if (input[key] !== undefined) cells[key] = input[key];
  const read = readBankRow(cells);
  if (read.ok) return read.row;
  for (const e of read.errors)
    ctx.addIssue({ code: 'custom', path: [e.field], message: e.zh, params: { en: e.en }, input: cells[e.field] });
  return z.NEVER;
});

export const bankCreditsImportKind = defineImportKind<BankCreditRow>({
  kind: BANK_IMPORT_KIND,
  title: { zh: '经费返还银行入账流水', en: 'Fee-refund bank credits' },
  permission: 'fee_refunds:import',
  columns: [
    { key: 'serialNo', headers: ['流水号', 'Serial number'], required: true },
    { key: 'creditDate', headers: ['入账日期', 'Credit date'], required: true },
    { key: 'payerName', headers: ['付款方名称', 'Payer name'], required: true },
    { key: 'amount', headers: ['金额', 'Amount'], required: true },
  ],
  rowSchema: bankRowSchema,
  naturalKey: (row) => row.serialNo,
  // The same serial number again is the same credit sent twice: counted as a duplicate.
  repeatedKeys: 'committed_as_duplicates',
  commit: (_deps, tx, run, rows) => commitCredits(tx, run, rows),
  rollback: (_deps, tx, run, changes) => rollbackCredits(tx, run, changes),
});
