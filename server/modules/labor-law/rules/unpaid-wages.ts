/**
 * Unpaid wages 欠发工资 (劳动法第五十条: 工资应当以货币形式按月支付给劳动者本人。不得克扣或者无故拖欠劳动者的
 * 工资; 劳动合同法第三十条: 向劳动者及时足额支付劳动报酬; 工资支付暂行规定第七条: 工资必须在约定的日期支付，
 * 至少每月支付一次). The claim is the sum of what each month left unpaid, exactly as entered: the engine does
 * not guess a month's pay.
 *
 * 劳动合同法第八十五条 adds a penalty only after a labor bureau has ordered payment within a time limit
 * and the employer still has not paid: 按应付金额百分之五十以上百分之一百以下的标准向劳动者加付赔偿金. It is
 * shown as that possibility, with both ends of the range, not added to the total.
 */
import { monthOf } from './dates.js';
import { text, yuan, type Text } from './explain.js';
import { rat, roundHalfUpToFen } from './money.js';
import { warning, type EngineWarning, type RuleResult } from './types.js';

export interface UnpaidMonth {
  month: string;
  fen: number;
}

/** "2024-01–2024-03 每月 5,000.00 元" runs of consecutive months with the same amount. */
function runsOf(months: readonly UnpaidMonth[]): Text[] {
  const runs: { from: string; to: string; fen: number; n: number }[] = [];
  for (const m of months) {
    const last = runs[runs.length - 1];
    if (last && last.fen === m.fen && nextMonth(last.to) === m.month) {
      last.to = m.month;
      last.n++;
    } else runs.push({ from: m.month, to: m.month, fen: m.fen, n: 1 });
  }
  return runs.map((r) =>
    r.n === 1
      ? text(`${r.from} ${yuan(r.fen).zh}`, `${r.from} ${yuan(r.fen).en}`)
      : text(
          `${r.from} 至 ${r.to} 每月 ${yuan(r.fen).zh} × ${r.n}`,
          `${r.from} to ${r.to}, ${yuan(r.fen).en} a month × ${r.n}`,
        ),
  );
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * @param asOf the calculation date: a month after its month has not been paid late yet, so it is left
 *   out (with a warning) rather than claimed.
 */
export function unpaidWages(months: readonly UnpaidMonth[], asOf: string): RuleResult {
  const warnings: EngineWarning[] = [];
  const sorted = [...months].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const due = sorted.filter((m) => m.month <= monthOf(asOf));
  const notDue = sorted.filter((m) => m.month > monthOf(asOf)).map((m) => m.month);
  if (notDue.length > 0) {
    warnings.push(
      warning(
        'unpaid_wages_not_due',
        'info',
        `${notDue.join('、')} 在计算日之后，这些月份的工资尚未到支付日期，未计入欠发工资。`,
        `${notDue.join(', ')} ${notDue.length === 1 ? 'is' : 'are'} after the calculation date: that pay is not due yet and is left out.`,
      ),
    );
  }
  if (due.length === 0) return { items: [], warnings };
  const total = due.reduce((acc, m) => acc + BigInt(m.fen), 0n);
  const amountFen = Number(total);
  const half = roundHalfUpToFen(rat(total, 2n));
  warnings.push(
    warning(
      'unpaid_wages_bureau_penalty',
      'info',
      `若向劳动保障监察部门投诉，劳动行政部门责令用人单位限期支付而逾期仍不支付的，还应按应付金额 50% 至 100% 向劳动者加付赔偿金，即 ${yuan(half).zh} 至 ${yuan(amountFen).zh}（劳动合同法第八十五条）。该项以行政部门的责令为前提，未计入合计。`,
      `If a complaint to the labor inspectorate leads the labor bureau to order payment within a time limit and the employer still does not pay, the bureau orders an additional 50%–100% of the amount owed, i.e. ${yuan(half).en} to ${yuan(amountFen).en} (Labor Contract Law (劳动合同法) art. 85). It depends on that order and is not in the total.`,
    ),
  );
  const parts = runsOf(due);
  const a = yuan(amountFen);
  return {
    items: [
      {
        code: 'unpaid_wages',
        amountFen,
        basis: ['劳动法第五十条', '劳动合同法第三十条', '工资支付暂行规定第七条'],
        explanation: text(
          `欠发工资 ${due.length} 个月：${parts.map((p) => p.zh).join(' + ')}，合计 ${a.zh}`,
          `Wages unpaid for ${due.length} month${due.length === 1 ? '' : 's'}: ${parts.map((p) => p.en).join(' + ')}, in all ${a.en}`,
        ),
        detail: { months: String(due.length), unpaidMonths: due.map((m) => ({ month: m.month, fen: m.fen })) },
      },
    ],
    warnings,
  };
}
