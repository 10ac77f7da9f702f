import { describe, expect, it } from 'vitest';
import type { FeeLine } from '../../../../contracts/fee-refunds/runs.js';
import { enterpriseLine } from './view.js';

const line = (over: Partial<FeeLine>): FeeLine => ({
  id: 'l1',
  uscc: '91320505MA1XXXXXX1',
  enterpriseName: '企业',
  regionCode: '320505',
  month: '2024-04',
  destination: 'union_account',
  amountFen: 12345,
  creditor: { bankCode: '102305002019', accountNo: '0123456789016070', accountName: '企业工会委员会' },
  state: 'paid',
  dueOn: '2024-05-15',
  paidOn: '2024-05-10',
  overdue: false,
  payments: [],
  ...over,
});

describe('a refund line in the enterprise’s words', () => {
  it('shows the account by its last four digits only, and nothing to do once paid', () => {
    const v = enterpriseLine(line({}));
    expect(v.account).toEqual({ name: '企业工会委员会', last4: '6070' });
    expect(JSON.stringify(v)).not.toContain('0123456789016070');
    expect(v.advice).toBeNull();
    expect(v.stateText.zh).toBe('已返还');
  });

  it('tells a returned line to have the union account updated with the union office', () => {
    const v = enterpriseLine(line({ state: 'returned', paidOn: null }));
    expect(v.stateText.zh).toBe('被退回');
    expect(v.advice?.zh).toContain('工会办理账户变更');
    expect(v.advice?.en).toContain('update the union account');
  });

  it('tells a held line it waits as preparation fund for a union', () => {
    const v = enterpriseLine(line({ state: 'held', destination: 'preparation_fund_held', creditor: null }));
    expect(v.account).toBeNull();
    expect(v.advice?.zh).toContain('筹备金');
    expect(v.destinationText.zh).toContain('筹备金');
  });

  it('tells a line paid into the county pool that its union gets it from the county federation', () => {
    const pooled = { bankCode: '102305000505', accountNo: '3205050000000009', accountName: '虎丘区总工会归集户' };
    const v = enterpriseLine(line({ destination: 'county_pooled', creditor: pooled }));
    expect(v.stateText).toEqual({
      zh: '已划入县级工会归集账户',
      en: "Paid into the county federation's pooled account",
    });
    expect(v.advice?.zh).toContain('总工会办理转付');
    expect(v.account).toEqual({ name: '虎丘区总工会归集户', last4: '0009' });
    // Before the bank has paid it, the usual words.
    expect(enterpriseLine(line({ destination: 'county_pooled', state: 'in_batch' })).stateText.zh).toBe('支付中');
  });
});
