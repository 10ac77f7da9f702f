/**
 * Limitation-period warnings (劳动争议调解仲裁法第二十七条): one year from when
 * the worker knew or should have known of the harm; pay arrears during the
 * employment are not limited while it lasts, but once it ends the year runs
 * from the end of the employment.
 */
import { addMonths, compareDates, daysBetween } from './dates.js';
import { warning, type EngineWarning } from './types.js';

export function limitationWarnings(endDate: string | null, asOf: string): EngineWarning[] {
  if (endDate === null) {
    return [
      warning(
        'limitation_while_employed',
        'info',
        '劳动关系存续期间因拖欠劳动报酬发生争议的，申请仲裁不受一年时效限制；其他请求（如二倍工资、经济补偿）自知道或应当知道权利被侵害之日起一年内申请仲裁（劳动争议调解仲裁法第二十七条）。',
        'While employed, claims for unpaid pay are not time-limited; other claims (e.g. double wages) must be brought within one year of when the worker knew or should have known of the harm (Labor Dispute Mediation and Arbitration Law art. 27).',
      ),
    ];
  }
  const deadline = addMonths(endDate, 12);
  if (compareDates(asOf, deadline) > 0) {
    return [
      warning(
        'limitation_expired_risk',
        'critical',
        `劳动关系已于 ${endDate} 结束，至今已超过一年（${deadline} 届满）：除有时效中止、中断的事由外，仲裁请求可能因超过时效被驳回（劳动争议调解仲裁法第二十七条）。`,
        `Employment ended on ${endDate}, more than a year ago (the year ran out on ${deadline}): unless the period was suspended or interrupted, the claims may be dismissed as time-barred (Labor Dispute Mediation and Arbitration Law art. 27).`,
      ),
    ];
  }
  const left = daysBetween(asOf, deadline);
  return [
    warning(
      'limitation_runs_from_end',
      left <= 60 ? 'critical' : 'warning',
      `仲裁时效为一年：拖欠劳动报酬等请求自劳动关系结束之日（${endDate}）起算，请于 ${deadline} 前申请劳动仲裁（还剩 ${left} 天）；其他请求自知道权利被侵害之日起算，可能更早届满（劳动争议调解仲裁法第二十七条）。`,
      `One-year limitation: pay claims run from the end of employment (${endDate}); apply for arbitration before ${deadline} (${left} days left). Other claims run from when the harm was known and may expire earlier (Labor Dispute Mediation and Arbitration Law art. 27).`,
    ),
  ];
}
