import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { regionWithin } from '../../../../contracts/regions.js';
import type { FeeBankReturn } from '../../../../contracts/fee-refunds/runs.js';
import { todayInChina } from '../../../../contracts/dates.js';
import { writeAudit } from '../../../core/audit.js';
import { requirePermission, type Ctx } from '../../../core/context.js';
import type { Deps } from '../../../core/deps.js';
import { AppError, errors } from '../../../core/errors.js';
import { parseBankResult, type BankResultGroup } from '../payments/bank-results.js';
import { bankResultRepo, settlementRepo } from './settlement-repository.js';

/** A bank's result file is small (a status per payment): read whole, refused past this size. */
const MAX_RESULT_BYTES = 20 * 1024 * 1024;

async function readResultFile(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart())
    throw new AppError('VALIDATION', '请以表单方式上传文件', 'Send the file as multipart/form-data', 'file');
  const file = await request.file({ limits: { fileSize: MAX_RESULT_BYTES, files: 1, fields: 5 } });
  if (!file) throw new AppError('VALIDATION', '请选择银行回单文件', 'Choose the bank’s result file', 'file');
  const content = await file.toBuffer().catch((e: unknown) => {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE', '文件超过 20 MB', 'The file exceeds 20 MB', 'file');
    throw e;
  });
  return content;
}

interface Outcome {
  outcome: 'paid' | 'returned';
  reasonCode: string | null;
  reasonText: string | null;
}

/**
 * POST /api/fee-refunds/bank-returns: the bank's answer to payment files (pain.002, camt.054 or
 * CSV, told apart by their content). Each payment named moves once: out → paid or returned, or
 * paid → returned (the money came back after booking); what it is already stays (the same file
 * twice changes nothing); a payment of a batch not yet approved, of another region, or not ours
 * is unknown. Its line follows it; a batch with nothing out is closed. One transaction, audited.
 */
export async function importBankReturn(deps: Deps, ctx: Ctx, request: FastifyRequest): Promise<FeeBankReturn> {
  requirePermission(ctx, 'fee_refunds:run');
  return applyBankResult(deps, ctx, await readResultFile(request));
}

/** A bank result file's content applied as importBankReturn describes (the demo's bank uses it too). */
export async function applyBankResult(deps: Deps, ctx: Ctx, content: Buffer): Promise<FeeBankReturn> {
  const actor = requirePermission(ctx, 'fee_refunds:run');
  const parsed = parseBankResult(content);
  if (!parsed.ok) throw errors.validation('file', parsed.zh, parsed.en);
  const now = deps.now();
  const byId = new Map<string, Outcome>();
  for (const l of parsed.lines) byId.set(l.endToEndId, l);
  const groups = new Map<string, BankResultGroup>();
  for (const g of parsed.groups) groups.set(g.originalPaymentInfoId ?? g.originalMessageId, g);

  return deps.db.transaction(async (tx) => {
    const resultId = await bankResultRepo.insert(tx, {
      format: parsed.format,
      sha256: crypto.createHash('sha256').update(content).digest('hex'),
      regionCode: actor.regionCode,
      counts: {},
      createdBy: actor.accountId,
      createdAt: now,
    });
    const named = await settlementRepo.lockNamed(tx, [...byId.keys()], [...groups.keys()]);
    const counts = { matched: 0, paid: 0, pooled: 0, returned: 0, unchanged: 0, unknown: 0 };
    const seen = new Set<string>();
    const touchedBatches = new Set<string>();
    // Moves with the same outcome and reason are written together (a file holds thousands).
    const moves = new Map<string, { said: Outcome; paymentIds: string[]; lineIds: string[] }>();
    for (const { payment, batch, destination } of named) {
      const group = groups.get(batch.batchNo);
      const said: Outcome | undefined =
        byId.get(payment.endToEndId) ??
        (group ? { outcome: group.outcome, reasonCode: group.reasonCode, reasonText: null } : undefined);
      if (!said) continue;
      seen.add(payment.endToEndId);
      const ours =
        (batch.status === 'approved' || batch.status === 'closed') && regionWithin(batch.regionCode, actor.regionCode);
      if (!ours) {
        counts.unknown++;
        continue;
      }
      counts.matched++;
      const moving = payment.status === 'out' || (payment.status === 'paid' && said.outcome === 'returned');
      if (!moving || payment.status === said.outcome) {
        counts.unchanged++;
        continue;
      }
      const settled: Outcome =
        said.outcome === 'returned' ? said : { outcome: 'paid', reasonCode: null, reasonText: null };
      const key = JSON.stringify(settled);
      const move = moves.get(key) ?? { said: settled, paymentIds: [], lineIds: [] };
      move.paymentIds.push(payment.id);
      move.lineIds.push(payment.lineId);
      moves.set(key, move);
      counts[said.outcome]++;
      if (said.outcome === 'paid' && destination === 'county_pooled') counts.pooled++;
      touchedBatches.add(batch.id);
    }
    const today = todayInChina(now);
    for (const { said, paymentIds, lineIds } of moves.values()) {
      await settlementRepo.settle(tx, paymentIds, {
        status: said.outcome,
        reasonCode: said.reasonCode,
        reasonText: said.reasonText,
        settledAt: now,
        resultId,
      });
      await settlementRepo.setLineState(tx, lineIds, said.outcome, said.outcome === 'paid' ? today : null, now);
    }
    counts.unknown += [...byId.keys()].filter((id) => !seen.has(id)).length;
    await settlementRepo.closeSettled(tx, [...touchedBatches], now);
    await bankResultRepo.setCounts(tx, resultId, counts);
    await writeAudit(tx, ctx, {
      action: 'fee_bank_result.imported',
      entityType: 'fee_bank_result',
      entityId: resultId,
      regionCode: actor.regionCode,
      after: { format: parsed.format, messageId: parsed.messageId, ...counts },
    });
    return { id: resultId, format: parsed.format, ...counts };
  });
}
