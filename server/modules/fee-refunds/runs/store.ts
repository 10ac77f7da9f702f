import type { Tx } from '../../../db/client.js';
import type { Account, PayingAccount } from './plan.js';
import { runRepo, type BatchRow } from './repository.js';

export interface NewBatch {
  runId: string;
  regionCode: string;
  month: string;
  payingAccount: PayingAccount;
  lines: { id: string; amountFen: number; creditor: Account }[];
  now: Date;
}

/**
 * Stores a draft batch and one payment per line. The batch number (FR<paying region><yyyymm>-<n>)
 * is the payment file's message id; each payment's EndToEndId is the batch number and the line's
 * place in it, so a re-batched line is paid under a new id and the bank's answer to the first
 * attempt can never settle the second. The database refuses a payment for a line that has one
 * out or paid already (fee_refund_payments_one_live).
 */
export async function storeBatch(tx: Tx, batch: NewBatch): Promise<BatchRow> {
  const prefix = `FR${batch.payingAccount.regionCode}${batch.month.replace('-', '')}-`;
  const serial = (await runRepo.countBatchNumbers(tx, prefix)) + 1;
  const batchNo = `${prefix}${String(serial).padStart(2, '0')}`;
  const totalFen = batch.lines.reduce((a, l) => a + l.amountFen, 0);
  const row = await runRepo.insertBatch(tx, {
    batchNo,
    runId: batch.runId,
    regionCode: batch.regionCode,
    payingRegionCode: batch.payingAccount.regionCode,
    debtorBankCode: batch.payingAccount.bankCode,
    debtorAccountNo: batch.payingAccount.accountNo,
    debtorAccountName: batch.payingAccount.accountName,
    status: 'draft',
    lines: batch.lines.length,
    totalFen,
    createdAt: batch.now,
    updatedAt: batch.now,
  });
  await runRepo.insertPayments(
    tx,
    batch.lines.map((l, i) => ({
      lineId: l.id,
      batchId: row.id,
      endToEndId: `${batchNo}-${String(i + 1).padStart(6, '0')}`,
      amountFen: l.amountFen,
      creditorBankCode: l.creditor.bankCode,
      creditorAccountNo: l.creditor.accountNo,
      creditorAccountName: l.creditor.accountName,
      status: 'out' as const,
    })),
  );
  return row;
}
