import {
  feeBalanceQuerySchema,
  feeBalanceSchema,
  feeBankReturnSchema,
  feeRebatchRequestSchema,
  feeRebatchSchema,
  feeBatchPageSchema,
  feeBatchSchema,
  feeLinePageSchema,
  feeRunPageSchema,
  feeRunRequestSchema,
  feeRunSchema,
} from '../../../../contracts/fee-refunds/runs.js';
import type { Deps } from '../../../core/deps.js';
import { sendAttachment } from '../../../core/attachment.js';
import { apiErrorSchema, errorResponses, type ZodFastify } from '../../../core/http.js';
import { getBalance } from './balance.js';
import { paymentFile } from './payment-file.js';
import { rebatch } from './rebatch.js';
import { importBankReturn } from './returns.js';
import * as batches from './batches.js';
import * as lines from './lines.js';
import {
  feeBatchListQuerySchema,
  feeLineQuerySchema,
  feeRunListQuerySchema,
  idParamsSchema,
  paymentFileQuerySchema,
} from './schemas.js';
import * as runs from './service.js';
import { listUnionAccounts, setUnionAccount } from './union-accounts.js';
import { z } from 'zod';
import {
  unionAccountBodySchema,
  unionAccountParamsSchema,
  unionAccountSchema,
  type UnionAccountKind,
} from '../../../../contracts/fee-refunds/accounts.js';

export function runRoutes(app: ZodFastify, deps: Deps) {
  const tags = ['fee-refunds'];
  app.post(
    '/api/fee-refunds/runs',
    {
      schema: {
        tags,
        summary: '按月计算返还（已对平的征收记录） Compute a region’s month from reconciled collections',
        body: feeRunRequestSchema,
        response: { 200: feeRunSchema, ...errorResponses },
      },
    },
    async (request) => runs.createRun(deps, request.ctx, request.body),
  );
  app.get(
    '/api/fee-refunds/runs',
    {
      schema: {
        tags,
        summary: '返还计算记录 Refund runs',
        querystring: feeRunListQuerySchema,
        response: { 200: feeRunPageSchema, ...errorResponses },
      },
    },
    async (request) => runs.listRuns(deps, request.ctx, request.query),
  );
  app.get(
    '/api/fee-refunds/runs/:id',
    {
      schema: {
        tags,
        summary: '一次返还计算 A refund run',
        params: idParamsSchema,
        response: { 200: feeRunSchema, ...errorResponses },
      },
    },
    async (request) => runs.getRun(deps, request.ctx, request.params.id),
  );
  app.get(
    '/api/fee-refunds/batches',
    {
      schema: {
        tags,
        summary: '支付批次 Payment batches',
        querystring: feeBatchListQuerySchema,
        response: { 200: feeBatchPageSchema, ...errorResponses },
      },
    },
    async (request) => batches.listBatches(deps, request.ctx, request.query),
  );
  app.get(
    '/api/fee-refunds/batches/:id',
    {
      schema: {
        tags,
        summary: '支付批次 A payment batch',
        params: idParamsSchema,
        response: { 200: feeBatchSchema, ...errorResponses },
      },
    },
    async (request) => batches.getBatch(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/fee-refunds/batches/:id/submit',
    {
      schema: {
        tags,
        summary: '提交复核（经办） Submit for approval (the maker)',
        params: idParamsSchema,
        response: { 200: feeBatchSchema, ...errorResponses },
      },
    },
    async (request) => batches.submitBatch(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/fee-refunds/batches/:id/approve',
    {
      schema: {
        tags,
        summary: '复核通过（复核人，不得为提交人） Approve (the checker, never the maker)',
        params: idParamsSchema,
        response: { 200: feeBatchSchema, ...errorResponses },
      },
    },
    async (request) => batches.approveBatch(deps, request.ctx, request.params.id),
  );
  app.get(
    '/api/fee-refunds/lines',
    {
      schema: {
        tags,
        summary: '返还明细及支付状态 Refund lines with their payments',
        querystring: feeLineQuerySchema,
        response: { 200: feeLinePageSchema, ...errorResponses },
      },
    },
    async (request) => lines.listLines(deps, request.ctx, request.query),
  );
  const accountRoutes: { kind: UnionAccountKind; path: string; list: string; set: string }[] = [
    {
      kind: 'paying',
      path: '/api/fee-refunds/paying-accounts',
      list: '返还付款账户 The union accounts refunds are paid from',
      set: '设置地区的返还付款账户 Set the account a region’s refunds are paid from',
    },
    {
      kind: 'pooled',
      path: '/api/fee-refunds/pooled-accounts',
      list: '县级工会归集账户 The county federations’ pooled accounts',
      set: '设置县级工会归集账户 Set a county federation’s pooled account',
    },
  ];
  for (const { kind, path, list, set } of accountRoutes) {
    app.get(
      path,
      { schema: { tags, summary: list, response: { 200: z.array(unionAccountSchema), ...errorResponses } } },
      async (request) => listUnionAccounts(deps, request.ctx, kind),
    );
    app.put(
      `${path}/:regionCode`,
      {
        schema: {
          tags,
          summary: set,
          params: unionAccountParamsSchema,
          body: unionAccountBodySchema,
          response: { 200: unionAccountSchema, ...errorResponses },
        },
      },
      async (request) => setUnionAccount(deps, request.ctx, kind, request.params.regionCode, request.body),
    );
  }
  app.get(
    '/api/fee-refunds/batches/:id/payment-file',
    {
      schema: {
        tags,
        summary: '支付文件（pain.001.001.10 或 CSV） The payment file (pain.001.001.10 or CSV)',
        params: idParamsSchema,
        querystring: paymentFileQuerySchema,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendAttachment(reply, await paymentFile(deps, request.ctx, request.params.id, request.query.format)),
  );
  app.post(
    '/api/fee-refunds/bank-returns',
    {
      schema: {
        tags,
        summary: '导入银行回单（pain.002、camt.054 或 CSV） Import the bank’s results (pain.002, camt.054 or CSV)',
        consumes: ['multipart/form-data'],
        response: { 200: feeBankReturnSchema, ...errorResponses, 413: apiErrorSchema },
      },
    },
    async (request) => importBankReturn(deps, request.ctx, request),
  );
  app.post(
    '/api/fee-refunds/rebatch',
    {
      schema: {
        tags,
        summary: '退回的明细重新组批（账户已更正） Re-batch returned lines whose account is fixed',
        body: feeRebatchRequestSchema,
        response: { 200: feeRebatchSchema, ...errorResponses },
      },
    },
    async (request) => rebatch(deps, request.ctx, request.body),
  );
  app.get(
    '/api/fee-refunds/balance',
    {
      schema: {
        tags,
        summary: '收支平衡：征收 = 返还 + 留存 + 待处理 Balance: collected = refunded + retained + pending',
        querystring: feeBalanceQuerySchema,
        response: { 200: feeBalanceSchema, ...errorResponses },
      },
    },
    async (request) => getBalance(deps, request.ctx, request.query),
  );
}
