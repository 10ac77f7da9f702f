/**
 * Pay in lieu of notice 代通知金 (劳动合同法第四十条; 实施条例第二十条): an art. 40 dismissal
 * without 30 days' written notice costs one extra month of wages, "按照该劳动者上一个月的工资标准确定"
 * — the previous month's wage, not the part month in which the job ends and not the average.
 * "The previous month" is the last whole calendar month before the employment ended (wage.ts).
 */
import { text, yuan } from './explain.js';
import { roundHalfUpToFen } from './money.js';
import { warning, type EngineWarning, type RuleResult } from './types.js';
import type { WageFigures } from './wage.js';

export function noticePay(previous: WageFigures['previousMonth'], hasHistory: boolean): RuleResult {
  const amountFen = roundHalfUpToFen(previous.wage);
  const a = yuan(amountFen);
  const w = yuan(previous.wage);
  const warnings: EngineWarning[] = [];
  const monthZh = previous.month ? `（上一个月即 ${previous.month} 的工资）` : '（上一个月工资）';
  const monthEn = previous.month ? ` (the previous month, ${previous.month})` : ' (the previous month’s wage)';
  if (!previous.recorded) {
    warnings.push(
      warning(
        'notice_pay_previous_month',
        'warning',
        hasHistory
          ? `工资记录中没有上一个月（${previous.month ?? '离职前一个月'}）的工资：代通知金暂按月平均工资计算。代通知金应按劳动者上一个月的工资标准确定（实施条例第二十条），请补充该月工资。`
          : '只填写了月平均工资：代通知金暂按月平均工资计算。代通知金应按劳动者上一个月的工资标准确定（实施条例第二十条），上一个月工资不同的，请按月填写工资。',
        hasHistory
          ? `The pay history has no record for the previous month (${previous.month ?? 'the month before leaving'}): the average wage stands in. Pay in lieu of notice is the previous month’s wage (Implementing Regulations of the Labor Contract Law (劳动合同法实施条例) art. 20); add that month.`
          : 'Only the average monthly wage was given, so it stands in. Pay in lieu of notice is the previous month’s wage (Implementing Regulations of the Labor Contract Law (劳动合同法实施条例) art. 20); give the monthly pay if that month differed.',
      ),
    );
  }
  return {
    items: [
      {
        code: 'notice_pay',
        amountFen,
        basis: ['劳动合同法第四十条', '劳动合同法实施条例第二十条'],
        explanation: text(
          `未提前三十日书面通知，额外支付一个月工资：1 个月 × ${w.zh}${previous.recorded ? monthZh : '（月平均工资）'} = ${a.zh}`,
          `No 30 days' written notice, one extra month's wage: 1 month × ${w.en}${previous.recorded ? monthEn : ' (the average monthly wage)'} = ${a.en}`,
        ),
        detail: { months: '1', baseFen: amountFen },
      },
    ],
    warnings,
  };
}
