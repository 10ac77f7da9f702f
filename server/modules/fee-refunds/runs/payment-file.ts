import { Readable } from 'node:stream';
import { todayInChina } from '../../../../contracts/dates.js';
import type { Download } from '../../../core/attachment.js';
import { writeAudit } from '../../../core/audit.js';
import { requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { errors } from '../../../core/errors.js';
import { pain001Pieces, type PaymentBatchFile } from '../payments/pain001.js';
import { paymentCsv } from '../payments/payment-csv.js';
import { visibleBatch } from './batches.js';
import { batchRepo } from './batch-repository.js';
import { type BatchRow } from './repository.js';

/**
 * GET /api/fee-refunds/batches/:id/payment-file: the approved batch as the bank takes it, ISO
 * 20022 pain.001.001.10 or CSV. The file is the same each time it is downloaded (message id =
 * batch number, created at the approval), so a bank that sees it twice sees one message; every
 * download is audited, the first one dated on the batch.
 */
export async function paymentFile(deps: Deps, ctx: Ctx, id: string, format: 'pain.001' | 'csv'): Promise<Download> {
  const actor = requirePermission(ctx, 'fee_refunds:run');
  const batch = await visibleBatch(deps, actor, id);
  if (batch.status !== 'approved' && batch.status !== 'closed')
    throw errors.conflict(
      `批次 ${batch.batchNo} 尚未复核通过，不能生成支付文件`,
      `Batch ${batch.batchNo} has not been approved: no payment file yet`,
    );
  const file = await batchFile(deps, batch);
  // Checked before anything is sent or audited: a batch the bank would refuse is refused here whole.
  const pieces = format === 'pain.001' ? pain001Pieces(file) : null;
  await deps.db.transaction(async (tx) => {
    await batchRepo.markSent(tx, id, deps.now());
    await writeAudit(tx, ctx, {
      action: 'fee_refund_batch.file_downloaded',
      entityType: 'fee_refund_batch',
      entityId: id,
      regionCode: batch.regionCode,
      after: { batchNo: batch.batchNo, format, lines: batch.lines, totalFen: batch.totalFen },
    });
  });
  return format === 'csv'
    ? { filename: `${batch.batchNo}.csv`, mime: 'text/csv; charset=utf-8', content: Buffer.from(paymentCsv(file)) }
    : {
        filename: `${batch.batchNo}.xml`,
        mime: 'application/xml; charset=utf-8',
        content: Readable.from(pieces!),
      };
}

async function batchFile(deps: Deps, batch: BatchRow): Promise<PaymentBatchFile> {
  const payments = await batchRepo.payments(deps.db, batch.id);
  const approvedAt = batch.approvedAt ?? deps.now();
  const debtor = { name: batch.debtorAccountName, accountNo: batch.debtorAccountNo, bankCode: batch.debtorBankCode };
  return {
    messageId: batch.batchNo,
    paymentInfoId: batch.batchNo,
    createdAt: approvedAt,
    requestedExecutionDate: todayInChina(approvedAt),
    initiatingPartyName: batch.debtorAccountName,
    debtor,
    instructions: payments.map((p) => ({
      endToEndId: p.endToEndId,
      amountFen: p.amountFen,
      creditor: { name: p.creditorAccountName, accountNo: p.creditorAccountNo, bankCode: p.creditorBankCode },
      // A pooled account receives many enterprises' refunds: the USCC says whose each one is.
      purpose: `${p.month} 工会经费返还${p.destination === 'county_pooled' ? '（归集）' : ''} ${p.uscc}`,
    })),
  };
}
