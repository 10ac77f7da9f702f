import { z } from 'zod';
import { addDays, todayInChina } from '../../../../contracts/dates.js';
import { regionWithin } from '../../../../contracts/regions.js';
import type { Deps } from '../../../core/deps.js';
import { accountsWithPermission } from '../../accounts/service.js';
import { defineJob } from '../../jobs/define.js';
import { notify } from '../../notifications/service.js';
import { regionFullName } from '../../regions/service.js';
import { deadlineRepo } from './settlement-repository.js';

/** A line is at risk when it is due within this many days. */
export const AT_RISK_DAYS = 7;

/**
 * The daily deadline reminder (每笔返还应在数据到达后一个月内完成): every account that runs
 * refunds (fee_refunds:run) and has a phone is told, once a day, how many lines of its region
 * are overdue and how many fall due within a week. Only lines the union can act on count (held
 * preparation funds wait for a union, not for the office). Recorded per account and day in the
 * same transaction as the message, so a second run or a second instance sends nothing twice.
 */
export async function runDeadlineReminders(deps: Deps): Promise<{ reminded: number }> {
  const today = todayInChina(deps.now());
  const counts = await deadlineRepo.byCounty(deps.db, today, addDays(today, AT_RISK_DAYS));
  if (!counts.length) return { reminded: 0 };
  let reminded = 0;
  for (const account of await accountsWithPermission(deps, 'fee_refunds:run')) {
    if (!account.phone) continue;
    const mine = counts.filter((c) => regionWithin(c.regionCode, account.regionCode));
    const overdue = mine.reduce((n, c) => n + c.overdue, 0);
    const atRisk = mine.reduce((n, c) => n + c.atRisk, 0);
    if (overdue + atRisk === 0) continue;
    const region = account.regionCode
      ? ((await regionFullName(deps.db, account.regionCode)) ?? account.regionCode)
      : '全国';
    const sent = await deps.db.transaction(async (tx) => {
      const first = await deadlineRepo.record(tx, {
        accountId: account.id,
        day: today,
        overdueLines: overdue,
        atRiskLines: atRisk,
        createdAt: deps.now(),
      });
      if (!first) return false;
      await notify(tx, {
        channel: 'sms',
        recipient: account.phone!,
        template: 'fee_refunds.deadlines',
        variables: { region, overdue: String(overdue), atRisk: String(atRisk) },
        topic: `fee_refund_deadlines:${today}`,
        regionCode: account.regionCode,
      });
      return true;
    });
    if (sent) reminded++;
  }
  return { reminded };
}

export const feeRefundDeadlinesJob = defineJob({
  name: 'fee_refunds.deadlines',
  payload: z.object({}).strict(),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  expireInSeconds: 15 * 60,
  handler: async (deps) => {
    const result = await runDeadlineReminders(deps);
    if (result.reminded) deps.logger.info(result, 'fee-refund deadline reminders');
    return result;
  },
});
