/**
 * Pay in lieu of notice 代通知金 (劳动合同法第四十条; 实施条例第二十条):
 * an art. 40 dismissal without 30 days' written notice costs one extra month
 * of wages at the previous month's wage.
 */
import { text, yuan } from './explain.js';
import { roundHalfUpToFen, type Rational } from './money.js';
import type { RuleResult } from './types.js';

export function noticePay(lastMonthWageFen: Rational): RuleResult {
  const amountFen = roundHalfUpToFen(lastMonthWageFen);
  const a = yuan(amountFen);
  const w = yuan(lastMonthWageFen);
  return {
    items: [
      {
        code: 'notice_pay',
        amountFen,
        basis: ['劳动合同法第四十条', '劳动合同法实施条例第二十条'],
        explanation: text(
          `未提前三十日书面通知，额外支付一个月工资：1 个月 × ${w.zh}（上一个月工资） = ${a.zh}`,
          `No 30 days' written notice, one extra month's wage: 1 month × ${w.en} (last month's wage) = ${a.en}`,
        ),
        detail: { months: '1', baseFen: amountFen },
      },
    ],
    warnings: [],
  };
}
