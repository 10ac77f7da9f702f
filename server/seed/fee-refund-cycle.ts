import { systemCtx, type Ctx } from '../core/context.js';
import type { Deps } from '../core/deps.js';
import { accountRepo } from '../modules/accounts/repository.js';
import { actorOf } from '../modules/auth/service.js';
import { officeKey } from '../modules/fee-refunds/bank/row.js';
import { commitCredits } from '../modules/fee-refunds/bank/writes.js';
import { approveBatch, submitBatch } from '../modules/fee-refunds/runs/batches.js';
import { listLines } from '../modules/fee-refunds/runs/lines.js';
import { setUnionAccount } from '../modules/fee-refunds/runs/union-accounts.js';
import { applyBankResult } from '../modules/fee-refunds/runs/returns.js';
import { createRun } from '../modules/fee-refunds/runs/service.js';
import type { FeeDemoData } from './fee-refunds.js';

// The fee-refund demo's year in motion, done by the demo's own people through the module's
// services: the treasury's credits for the 2024 collections (one day's credit a yuan short, so
// the reconciliation has a difference to show), the union's paying accounts, the months
// February–November computed, submitted by 王晓燕 (js_union), approved by 周建国 (js_checker) and
// paid by the bank except two accounts it returned in October (the statistics show the seed's
// kind of figure, just under 100 %); December's data (reaching the treasury in January 2025,
// one office's credit a yuan short) left for the demo's users to compute.

export const FEE_DEMO_BANK_IMPORT = '00000000-0000-4000-8000-00000000fe03';

/** The (office, date) group whose credit is a yuan short: the first of January 2025's. */
const SHORT_BY_FEN = 100;

const PAYING_ACCOUNTS = [
  { regionCode: '320000', bankCode: '102301000011', accountNo: '32001881000052500001', accountName: '江苏省总工会' },
  { regionCode: '320100', bankCode: '102301000995', accountNo: '32001596236050000123', accountName: '南京市总工会' },
  { regionCode: '320500', bankCode: '102305000018', accountNo: '10551201040009876', accountName: '苏州市总工会' },
];

async function ctxOf(deps: Deps, username: string): Promise<Ctx> {
  const account = await accountRepo.bySignInName(deps.db, username);
  if (!account) throw new Error(`demo account ${username} missing`);
  return { actor: actorOf(account), requestId: 'seed', ip: null };
}

export function demoCredits(data: FeeDemoData) {
  const groups = new Map<string, { office: string; date: string; fen: number }>();
  for (const c of data.collections) {
    const key = `${c.treasuryDate}|${c.taxOfficeName}`;
    const g = groups.get(key) ?? { office: c.taxOfficeName, date: c.treasuryDate, fen: 0 };
    g.fen += c.paidFen;
    groups.set(key, g);
  }
  const sorted = [...groups.values()].sort((a, b) => (a.date + a.office).localeCompare(b.date + b.office));
  const short = sorted.find((g) => g.date.startsWith('2025-01'));
  return sorted.map((g, i) => {
    const amountFen = g === short ? g.fen - SHORT_BY_FEN : g.fen;
    return {
      creditDate: g.date,
      payerName: g.office,
      payerKey: officeKey(g.office),
      amount: `${Math.floor(amountFen / 100)}.${String(amountFen % 100).padStart(2, '0')}`,
      amountFen,
      serialNo: `JSGH${g.date.replace(/-/g, '')}${String(i + 1).padStart(6, '0')}`,
    };
  });
}

export async function writeFeeRefundCycleDemo(deps: Deps, data: FeeDemoData) {
  const run = { importId: FEE_DEMO_BANK_IMPORT, regionCode: '320000', acceptWarnings: false, ctx: systemCtx('seed') };
  await deps.db.transaction((tx) =>
    commitCredits(
      tx,
      run,
      demoCredits(data).map((row, i) => ({ rowNo: i + 2, row })),
    ),
  );
  const maker = await ctxOf(deps, 'js_union');
  const checker = await ctxOf(deps, 'js_checker');
  for (const { regionCode, ...account } of PAYING_ACCOUNTS)
    await setUnionAccount(deps, checker, 'paying', regionCode, account);

  let returned = 0;
  for (let m = 2; m <= 11; m++) {
    const month = `2024-${String(m).padStart(2, '0')}`;
    const computed = await createRun(deps, maker, { regionCode: '320000', month });
    for (const batch of computed.batches) {
      await submitBatch(deps, maker, batch.id);
      await approveBatch(deps, checker, batch.id);
      const lines = [];
      for (let page = 1; lines.length < batch.lines; page++)
        lines.push(...(await listLines(deps, maker, { batchId: batch.id, page, pageSize: 200 })).items);
      // The bank pays every line but returns two of October's (a closed account, a name that differs).
      const rows = lines.map((l) => {
        const back = m === 10 && returned < 2 && l.destination === 'union_account';
        if (back) returned++;
        const reason = returned === 1 ? 'AC04 账户已销户' : 'BE01 户名与账号不符';
        return `${l.payments.at(-1)!.endToEndId},${back ? '退回' : '成功'},${back ? reason : ''}`;
      });
      await applyBankResult(deps, maker, Buffer.from(['EndToEndId,状态,原因', ...rows].join('\r\n') + '\r\n'));
    }
  }
}
