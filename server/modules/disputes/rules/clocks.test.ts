import { describe, expect, it } from 'vitest';
import {
  computeClocks,
  confirmationDueOn,
  dueReminders,
  mediationDueOn,
  riskLevel,
  type CaseKind,
  type Clock,
  type ClockCode,
  type ClockFacts,
} from './clocks.js';
import { createCalendar } from './working-days.js';

const cal = createCalendar();

function clock(facts: ClockFacts, today: string, code: ClockCode): Clock {
  const c = computeClocks(facts, cal, today).find((x) => x.code === code);
  if (!c) throw new Error(`no ${code} clock`);
  return c;
}

const base: ClockFacts = {
  kind: 'union_mediation',
  appliedOn: '2025-03-01',
  acceptedOn: '2025-03-03',
  stage: 'intake',
};

describe('every clock names its statute', () => {
  const facts: ClockFacts = {
    ...base,
    stage: 'ruling_issued',
    agreementEffectiveOn: '2025-03-10',
    confirmationAppliedOn: '2025-03-12',
    rulingIssuedOn: '2025-03-13',
    paymentDueDates: ['2025-04-30'],
    harmKnownOn: '2025-01-15',
    claimsIncludeWageArrears: true,
    employmentEndedOn: '2025-01-31',
  };
  it.each([
    ['contact', '在线调解规则》第十五条'],
    ['mediation', '劳动争议调解仲裁法》第十四条'],
    ['confirmation_application', '民事诉讼法》第二百零五条'],
    ['court_decision', '民事诉讼法》第一百八十七条'],
    ['performance', '劳动争议调解仲裁法》第十五条'],
    ['enforcement', '民事诉讼法》第二百五十条'],
    ['limitation', '劳动争议调解仲裁法》第二十七条第一款'],
    ['limitation_wage_arrears', '劳动争议调解仲裁法》第二十七条第四款'],
  ] as [ClockCode, string][])('%s → %s', (code, article) => {
    expect(clock(facts, '2025-03-20', code).basis).toContain(article);
  });
});

describe('contact within 3 working days of acceptance (在线调解规则第十五条)', () => {
  const f: ClockFacts = { ...base, kind: 'court_pre_filing', appliedOn: '2025-09-29', acceptedOn: '2025-09-30' };
  it('accepted before National Day: due on the Saturday make-up day, reminder one working day before', () => {
    const c = clock(f, '2025-10-09', 'contact');
    expect(c).toMatchObject({
      unit: 'working_days',
      startsOn: '2025-09-30',
      dueOn: '2025-10-11',
      remindOn: '2025-10-10',
      status: 'running',
      daysLeft: 2,
      workingDaysLeft: 2,
    });
  });
  it.each([
    [undefined, '2025-10-11', 'running', undefined],
    [undefined, '2025-10-12', 'overdue', undefined],
    ['2025-10-10', '2025-10-20', 'met', false],
    ['2025-10-13', '2025-10-20', 'met', true],
  ])('contactedOn %s, today %s → %s (late %s)', (contactedOn, today, status, late) => {
    const c = clock({ ...f, contactedOn }, today, 'contact');
    expect(c.status).toBe(status);
    expect(c.late).toBe(late);
  });
  it('stops when the case closes before contact', () => {
    expect(clock({ ...f, stage: 'closed_failed' }, '2025-10-20', 'contact').status).toBe('stopped');
  });
});

describe('mediation period by kind', () => {
  it.each([
    [
      'union_mediation',
      0,
      '2025-03-01',
      '2025-03-16',
      '劳动争议调解仲裁法第十四条: 15 days from receipt of the application',
    ],
    [
      'court_pre_filing',
      0,
      '2025-03-03',
      '2025-04-02',
      '特邀调解规定第二十七条: 30 days from signing for the materials',
    ],
    ['court_post_filing_ordinary', 0, '2025-03-03', '2025-03-18', 'ordinary procedure: 15 days'],
    ['court_post_filing_simple', 0, '2025-03-03', '2025-03-10', 'simple procedure: 7 days'],
    ['court_post_filing_simple', 30, '2025-03-03', '2025-04-09', 'extended by 30 with consent'],
    ['court_post_filing_ordinary', 30, '2025-03-03', '2025-04-17', 'extended by 30 with consent'],
  ] as [CaseKind, number, string, string, string][])(
    '%s (+%i) starts %s, due %s — %s',
    (kind, extensionDays, starts, due) => {
      const f: ClockFacts = { ...base, kind, extensionDays };
      expect(mediationDueOn(f)).toBe(due);
      const c = clock(f, '2025-03-05', 'mediation');
      expect(c.startsOn).toBe(starts);
      expect(c.dueOn).toBe(due);
    },
  );

  it('mediation period is not moved off holidays (the platform closes on time)', () => {
    // 2025-09-16 + 15 = 2025-10-01 (National Day) stays 2025-10-01
    expect(mediationDueOn({ ...base, appliedOn: '2025-09-16', acceptedOn: '2025-09-16' })).toBe('2025-10-01');
  });

  it.each([
    ['intake', undefined, '2025-03-13', 'running', 3],
    ['mediating', undefined, '2025-03-16', 'running', 0],
    ['mediating', undefined, '2025-03-17', 'overdue', -1],
    ['agreement_signed', '2025-03-10', '2025-03-20', 'met', null],
    ['closed_failed', undefined, '2025-03-20', 'stopped', null],
  ] as const)(
    'stage %s, agreement %s, today %s → %s (daysLeft %s)',
    (stage, agreementEffectiveOn, today, status, daysLeft) => {
      const c = clock({ ...base, stage, agreementEffectiveOn }, today, 'mediation');
      expect(c.status).toBe(status);
      expect(c.daysLeft).toBe(daysLeft);
      expect(c.remindOn).toBe('2025-03-13');
    },
  );

  it('a reopened mediation runs again from the reopening day', () => {
    const c = clock({ ...base, stage: 'mediating', mediationRestartedOn: '2025-06-02' }, '2025-06-05', 'mediation');
    expect(c).toMatchObject({ startsOn: '2025-06-02', dueOn: '2025-06-17', status: 'running' });
  });
});

describe('joint application for judicial confirmation within 30 days (民事诉讼法第二百零五条)', () => {
  it.each([
    ['2025-06-10', '2025-07-10', 'no rest day'],
    ['2025-09-01', '2025-10-09', 'day 30 = 10-01 (National Day) → first day after the holiday'],
    ['2024-01-11', '2024-02-18', 'day 30 = 02-10 (Spring Festival) → 02-18, a Sunday make-up workday'],
    ['2025-07-12', '2025-08-11', 'day 30 is a Monday'],
    ['2025-07-13', '2025-08-12', ''],
    ['2025-07-06', '2025-08-05', ''],
    ['2025-07-04', '2025-08-04', 'day 30 = Sunday 08-03 → Monday 08-04'],
  ])('effective %s → last day %s (%s)', (eff, due) => expect(confirmationDueOn(eff, cal)).toBe(due));

  it.each([
    ['agreement_signed', undefined, '2025-07-01', 'running'],
    ['agreement_signed', undefined, '2025-07-11', 'overdue'],
    ['confirmation_applied', '2025-06-20', '2025-07-11', 'met'],
    ['payment_order_applied', undefined, '2025-07-11', 'stopped'],
  ] as const)('stage %s, applied %s, today %s → %s', (stage, confirmationAppliedOn, today, status) => {
    const c = clock(
      { ...base, stage, agreementEffectiveOn: '2025-06-10', confirmationAppliedOn },
      today,
      'confirmation_application',
    );
    expect(c.status).toBe(status);
    expect(c.remindOn).toBe('2025-07-03');
  });

  it('has not started before an agreement exists', () => {
    expect(clock({ ...base, stage: 'mediating' }, '2025-03-05', 'confirmation_application')).toMatchObject({
      status: 'not_started',
      startsOn: null,
      dueOn: null,
      daysLeft: null,
    });
  });
});

describe('the court decides within 30 days (民事诉讼法第一百八十七条)', () => {
  const f: ClockFacts = {
    ...base,
    stage: 'confirmation_applied',
    agreementEffectiveOn: '2025-05-01',
    confirmationAppliedOn: '2025-05-06',
  };
  it.each([
    [{}, '2025-06-01', 'running'],
    [{}, '2025-06-06', 'overdue'],
    [{ rulingIssuedOn: '2025-05-06', stage: 'ruling_issued' as const }, '2025-06-06', 'met'],
    [{ confirmationRefusedOn: '2025-05-20', stage: 'confirmation_refused' as const }, '2025-06-06', 'met'],
  ])('%o, today %s → %s', (extra, today, status) => {
    const c = clock({ ...f, ...extra }, today, 'court_decision');
    expect(c.dueOn).toBe('2025-06-05');
    expect(c.status).toBe(status);
  });
});

describe('enforcement within 2 years of the performance deadline (民事诉讼法第二百五十条)', () => {
  const f: ClockFacts = {
    ...base,
    stage: 'ruling_issued',
    agreementEffectiveOn: '2025-02-20',
    rulingIssuedOn: '2025-03-01',
  };
  // The last two rows had a ruling after the payment day, which no longer starts the period before
  // the ruling (enforcementStartsOn): their rulings now come first, so they still test the dates.
  it.each([
    [['2025-04-30', '2025-06-30'], '2025-03-01', '2025-06-30', '2027-06-30', 'installments: from the last one'],
    [[], '2025-03-01', '2025-03-01', '2027-03-01', 'no performance period: from the ruling'],
    [['2024-02-29'], '2024-02-01', '2024-02-29', '2026-02-28', 'leap day → 28 Feb (a make-up workday in 2026)'],
    [['2023-10-01'], '2023-09-01', '2023-10-01', '2025-10-09', 'anniversary in the National Day holiday → moved on'],
  ])('payments %o, ruling %s → starts %s, due %s (%s)', (paymentDueDates, rulingIssuedOn, starts, due) => {
    const c = clock({ ...f, paymentDueDates, rulingIssuedOn }, '2025-03-05', 'enforcement');
    expect(c.startsOn).toBe(starts);
    expect(c.dueOn).toBe(due);
  });
  it('is not started during the performance period, met when applied, stopped when performed', () => {
    const g = { ...f, paymentDueDates: ['2025-06-30'] };
    expect(clock(g, '2025-05-01', 'enforcement').status).toBe('not_started');
    expect(clock(g, '2025-07-01', 'enforcement').status).toBe('running');
    expect(
      clock({ ...g, enforcementAppliedOn: '2025-07-02', stage: 'enforcement_applied' }, '2025-08-01', 'enforcement')
        .status,
    ).toBe('met');
    expect(clock({ ...g, performedOn: '2025-06-30', stage: 'performed' }, '2025-08-01', 'enforcement').status).toBe(
      'stopped',
    );
    expect(clock({ ...base, stage: 'agreement_signed' }, '2025-08-01', 'enforcement').status).toBe('not_started');
  });
});

describe('limitation warnings at intake (劳动争议调解仲裁法第二十七条)', () => {
  it.each([
    ['2024-10-01', '2025-10-09', 'anniversary on National Day → first working day after'],
    ['2024-06-10', '2025-06-10', ''],
    ['2024-03-01', '2025-03-03', 'anniversary on a Saturday → Monday'],
  ])('harm known %s → arbitrate by %s (%s)', (harmKnownOn, due) => {
    expect(clock({ ...base, harmKnownOn }, '2025-03-01', 'limitation').dueOn).toBe(due);
  });

  it('already past at intake → overdue (the worker must be told at once)', () => {
    const c = clock({ ...base, appliedOn: '2025-03-01', harmKnownOn: '2023-12-01' }, '2025-03-01', 'limitation');
    expect(c.status).toBe('overdue');
    expect(riskLevel([c], '2025-03-01')).toBe('overdue');
  });

  it('keeps running after a failed mediation (the worker goes to arbitration), stops once an agreement exists', () => {
    expect(
      clock({ ...base, stage: 'closed_failed', harmKnownOn: '2024-06-10' }, '2025-04-01', 'limitation').status,
    ).toBe('running');
    expect(
      clock(
        { ...base, stage: 'agreement_signed', agreementEffectiveOn: '2025-03-10', harmKnownOn: '2024-06-10' },
        '2025-04-01',
        'limitation',
      ).status,
    ).toBe('stopped');
  });

  it('unknown harm date → not started, with a prompt to ask', () => {
    const c = clock(base, '2025-03-01', 'limitation');
    expect(c.status).toBe('not_started');
    expect(c.note).toContain('请在登记时询问');
  });

  it('wage arrears while still employed: no limit (¶4)', () => {
    const c = clock({ ...base, claimsIncludeWageArrears: true }, '2025-03-01', 'limitation_wage_arrears');
    expect(c).toMatchObject({ status: 'not_started', dueOn: null });
    expect(c.note).toContain('不受一年时效限制');
  });

  it('wage arrears after the job ended: one year from the end', () => {
    const c = clock(
      { ...base, claimsIncludeWageArrears: true, employmentEndedOn: '2025-01-15' },
      '2025-03-01',
      'limitation_wage_arrears',
    );
    expect(c).toMatchObject({ status: 'running', startsOn: '2025-01-15', dueOn: '2026-01-15', remindOn: '2025-11-16' });
  });

  it('no wage-arrears clock when the claims include no wages', () => {
    expect(computeClocks(base, cal, '2025-03-01').some((c) => c.code === 'limitation_wage_arrears')).toBe(false);
  });
});

describe('performance of the agreement', () => {
  it('runs to the last installment and is met when performed', () => {
    const f: ClockFacts = {
      ...base,
      stage: 'agreement_signed',
      agreementEffectiveOn: '2025-03-10',
      paymentDueDates: ['2025-04-10', '2025-03-20'],
    };
    expect(clock(f, '2025-03-15', 'performance')).toMatchObject({
      dueOn: '2025-04-10',
      status: 'running',
      remindOn: '2025-04-07',
    });
    expect(clock({ ...f, performedOn: '2025-04-01', stage: 'performed' }, '2025-04-15', 'performance').status).toBe(
      'met',
    );
  });
});

describe('riskLevel and dueReminders', () => {
  const f: ClockFacts = { ...base, stage: 'mediating', contactedOn: '2025-03-04' };
  it.each([
    ['2025-03-05', 'ok'],
    ['2025-03-13', 'due_soon'],
    ['2025-03-16', 'due_soon'],
    ['2025-03-17', 'overdue'],
  ])('today %s → %s', (today, level) => {
    expect(riskLevel(computeClocks(f, cal, today), today)).toBe(level);
  });

  it.each([
    ['2025-03-12', []],
    ['2025-03-13', [['mediation', 'advance']]],
    ['2025-03-14', []],
    ['2025-03-16', [['mediation', 'due_today']]],
    ['2025-03-17', [['mediation', 'overdue']]],
    ['2025-03-18', []],
  ])('today %s → %o', (today, expected) => {
    const r = dueReminders(computeClocks(f, cal, today), today);
    expect(r.map((x) => [x.clock, x.kind])).toEqual(expected);
  });

  it('reminder texts name the due day and the statute, with an audience', () => {
    const [r] = dueReminders(computeClocks(f, cal, '2025-03-13'), '2025-03-13');
    expect(r?.message).toContain('2025-03-16');
    expect(r?.message).toContain('劳动争议调解仲裁法');
    expect(r?.messageEn).toContain('3 days left');
    expect(r?.audience).toEqual(['mediator', 'worker']);
  });

  it('the contact reminder fires one working day before due', () => {
    const g: ClockFacts = { ...base, kind: 'court_pre_filing', appliedOn: '2025-09-30', acceptedOn: '2025-09-30' };
    expect(dueReminders(computeClocks(g, cal, '2025-10-10'), '2025-10-10').map((x) => [x.clock, x.kind])).toEqual([
      ['contact', 'advance'],
    ]);
    expect(dueReminders(computeClocks(g, cal, '2025-10-11'), '2025-10-11').map((x) => [x.clock, x.kind])).toEqual([
      ['contact', 'due_today'],
    ]);
  });
});
