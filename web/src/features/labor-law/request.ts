import type { Art38Reason, LaborLawRequestInput, TerminationGround } from '../../../../contracts/labor-law';
import { isCalendarDate, parseDecimal, parseYuanToFen, todayInChina } from './money';

/** The wizard's answers: "employed" stands for "still working there" (no end date, no ground). */
export type Situation = TerminationGround | 'employed';

/** Listed in the order a worker would look for them. */
export const SITUATIONS: readonly Situation[] = [
  'unlawful',
  'mutual_by_employer',
  'art38',
  'art40',
  'art41',
  'expiry',
  'resignation',
  'mutual_by_worker',
  'employed',
];

/** The employer's faults a worker may resign over (劳动合同法第三十八条), in the order a worker looks for them. */
export const ART38_REASONS: readonly Art38Reason[] = [
  'wage_withheld_or_delayed',
  'pay_not_as_agreed',
  'overtime_unpaid',
  'below_minimum_wage',
  'no_social_insurance',
  'no_labour_conditions',
  'forced_labour',
  'dangerous_orders',
  'unlawful_rules',
  'invalid_contract',
  'other',
];

/** A change of pay: from a month "YYYY-MM" on, the monthly wage in yuan as typed. */
export interface WageChange {
  from?: string;
  wage?: string;
}

/** A stretch of months the employer did not pay: from and to "YYYY-MM", the amount missing each month in yuan. */
export interface UnpaidStretch {
  from?: string;
  to?: string;
  amount?: string;
}

export interface CalcValues {
  /** A code from the city list, or 'other' when the worker types a code into `regionCode`. */
  city?: string;
  regionCode?: string;
  hireDate?: string;
  situation?: Situation;
  /** with situation 'art38': what the employer did */
  art38Reason?: Art38Reason;
  endDate?: string;
  /** Average monthly wage in yuan, as typed. */
  monthlyWage?: string;
  /** the pay changed during the job: each month's own wage matters for double wages and notice pay */
  wageChangesOn?: boolean;
  wageChanges?: WageChange[];
  /** wages owed and not paid, by stretches of months */
  unpaidOn?: boolean;
  unpaid?: UnpaidStretch[];
  noContract?: boolean;
  contractSigned?: 'never' | 'later';
  contractSignedDate?: string;
  overtimeOn?: boolean;
  otWorkday?: string;
  otRestDay?: string;
  otHoliday?: string;
  leaveOn?: boolean;
  leaveYear?: string;
  leaveWorkYears?: string;
  leaveDaysTaken?: string;
  /** the worker declined leave the employer arranged, in writing (实施办法第十条第二款) */
  leaveDeclined?: boolean;
  injuryOn?: boolean;
  injuryGrade?: number;
  noNotice?: boolean;
}

export type CalcField = keyof CalcValues;

/** The wizard's steps and the fields each one asks for (validated when leaving the step). */
export const STEP_FIELDS: readonly (readonly CalcField[])[] = [
  ['city', 'regionCode'],
  ['hireDate', 'situation', 'art38Reason', 'endDate'],
  ['monthlyWage', 'wageChangesOn', 'wageChanges'],
  [
    'unpaidOn',
    'unpaid',
    'noContract',
    'contractSigned',
    'contractSignedDate',
    'overtimeOn',
    'otWorkday',
    'otRestDay',
    'otHoliday',
    'leaveOn',
    'leaveYear',
    'leaveWorkYears',
    'leaveDaysTaken',
    'leaveDeclined',
    'injuryOn',
    'injuryGrade',
    'noNotice',
  ],
];

export function stepOf(field: CalcField): number {
  const i = STEP_FIELDS.findIndex((fields) => fields.includes(field));
  return i < 0 ? 0 : i;
}

export function regionCodeOf(v: CalcValues): string {
  return (v.city === 'other' ? (v.regionCode ?? '') : (v.city ?? '')).trim();
}

const hours = (s: string | undefined) => parseDecimal(s?.trim() ? s : '0') ?? 0;

const MONTH = /^(\d{4})-(\d{2})$/;
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The pay history the changes describe, month by month from the month of hiring to the month
 * work ended (or this month): each month at the latest change on or before it; months before the
 * first change at the first change's wage. Only months from 2007-12 are sent (no earlier rule
 * needs them), so a long job stays well within the API's 600 records. Null if a row is incomplete.
 */
export function expandWageChanges(
  changes: readonly WageChange[] | undefined,
  hireDate: string,
  lastDay: string,
): { month: string; fen: number }[] | null {
  const rows = (changes ?? []).map((c) => ({ from: c.from?.trim() ?? '', fen: parseYuanToFen(c.wage) }));
  if (rows.length === 0 || rows.some((r) => !MONTH.test(r.from) || r.fen === null || r.fen === 0)) return null;
  const sorted = [...rows].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const first = hireDate.slice(0, 7) > '2007-12' ? hireDate.slice(0, 7) : '2007-12';
  const last = lastDay.slice(0, 7);
  const out: { month: string; fen: number }[] = [];
  for (let month = first; month <= last && out.length < 600; month = nextMonth(month)) {
    const change = sorted.filter((r) => r.from <= month).pop() ?? sorted[0]!;
    out.push({ month, fen: change.fen! });
  }
  return out;
}

/**
 * The unpaid months the stretches describe, one record a month (months in two stretches add up).
 * Null if a stretch is incomplete or runs backwards.
 */
export function expandUnpaid(stretches: readonly UnpaidStretch[] | undefined): { month: string; fen: number }[] | null {
  const byMonth = new Map<string, number>();
  for (const s of stretches ?? []) {
    const from = s.from?.trim() ?? '';
    const to = s.to?.trim() || from;
    const fen = parseYuanToFen(s.amount);
    if (!MONTH.test(from) || !MONTH.test(to) || to < from || fen === null || fen === 0) return null;
    for (let m = from; m <= to && byMonth.size <= 600; m = nextMonth(m)) byMonth.set(m, (byMonth.get(m) ?? 0) + fen);
  }
  if (byMonth.size === 0) return null;
  return [...byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, fen]) => ({ month, fen }));
}

/**
 * The request body for POST /api/labor-law/calculate. The form has validated the values; the
 * server validates again and names the field of anything it rejects (see formFieldFor).
 */
export function buildRequest(v: CalcValues): LaborLawRequestInput {
  const employed = v.situation === 'employed' || !v.situation;
  const termination = employed ? null : (v.situation as TerminationGround);
  const monthlyWageFen = parseYuanToFen(v.monthlyWage) ?? undefined;
  const body: LaborLawRequestInput = {
    regionCode: regionCodeOf(v),
    hireDate: v.hireDate ?? '',
    endDate: employed ? null : (v.endDate ?? ''),
    termination,
    monthlyWageFen,
  };
  if (termination === 'art38' && v.art38Reason) body.art38Reason = v.art38Reason;
  if (v.unpaidOn) {
    const unpaid = expandUnpaid(v.unpaid);
    if (unpaid) body.unpaidWages = unpaid;
  }
  if (v.wageChangesOn && v.hireDate) {
    const history = expandWageChanges(v.wageChanges, v.hireDate, employed ? todayInChina() : (v.endDate ?? ''));
    if (history && history.length > 0) body.wageHistory = history;
  }
  if (v.noContract) body.contractSignedDate = v.contractSigned === 'later' ? (v.contractSignedDate ?? '') : null;
  if (v.overtimeOn && monthlyWageFen !== undefined) {
    body.overtime = {
      wageBaseFen: monthlyWageFen,
      workdayHours: hours(v.otWorkday),
      restDayHours: hours(v.otRestDay),
      holidayHours: hours(v.otHoliday),
    };
  }
  if (v.leaveOn) {
    body.annualLeave = {
      year: Number(v.leaveYear),
      cumulativeWorkYears: parseDecimal(v.leaveWorkYears) ?? 0,
      daysTaken: hours(v.leaveDaysTaken),
      ...(v.leaveDeclined ? { declinedInWriting: true } : {}),
    };
  }
  if (v.injuryOn && v.injuryGrade && monthlyWageFen !== undefined)
    body.injury = { grade: v.injuryGrade, monthlyWageFen };
  if (termination === 'art40' && v.noNotice) body.noNoticeGiven = true;
  return body;
}

const API_FIELDS: Record<string, CalcField> = {
  hireDate: 'hireDate',
  endDate: 'endDate',
  termination: 'situation',
  art38Reason: 'art38Reason',
  monthlyWageFen: 'monthlyWage',
  wageHistory: 'wageChanges',
  unpaidWages: 'unpaid',
  contractSignedDate: 'contractSignedDate',
  noNoticeGiven: 'noNotice',
  'overtime.wageBaseFen': 'monthlyWage',
  'overtime.workdayHours': 'otWorkday',
  'overtime.restDayHours': 'otRestDay',
  'overtime.holidayHours': 'otHoliday',
  overtime: 'overtimeOn',
  'annualLeave.year': 'leaveYear',
  'annualLeave.cumulativeWorkYears': 'leaveWorkYears',
  'annualLeave.daysTaken': 'leaveDaysTaken',
  'annualLeave.dailyWageBaseFen': 'monthlyWage',
  'annualLeave.declinedInWriting': 'leaveDeclined',
  annualLeave: 'leaveOn',
  'injury.grade': 'injuryGrade',
  'injury.monthlyWageFen': 'monthlyWage',
  injury: 'injuryOn',
};

/** The wizard field an API error's `field` (e.g. "overtime.workdayHours") belongs to, if any. */
export function formFieldFor(apiField: string | undefined, v: CalcValues): CalcField | null {
  if (!apiField) return null;
  if (apiField === 'regionCode') return v.city === 'other' ? 'regionCode' : 'city';
  if (apiField === 'contractSignedDate' && v.contractSigned !== 'later') return 'contractSigned';
  const exact = API_FIELDS[apiField];
  if (exact) return exact;
  // Deeper paths (wageHistory.3.month) belong to their first segment.
  const parts = apiField.split('.');
  return API_FIELDS[parts.slice(0, 2).join('.')] ?? API_FIELDS[parts[0] ?? ''] ?? null;
}

/** Client-side checks on dates, shared by the validators of the date fields. */
export function dateProblem(
  kind: 'hire' | 'end' | 'signed',
  value: string | undefined,
  v: CalcValues,
  today: string,
): 'required' | 'invalid' | 'future' | 'beforeHire' | null {
  if (!value) return 'required';
  if (!isCalendarDate(value)) return 'invalid';
  if (kind === 'hire' && value > today) return 'future';
  if (kind === 'signed' && value > today) return 'future';
  if (kind === 'end' && v.hireDate && isCalendarDate(v.hireDate) && value < v.hireDate) return 'beforeHire';
  return null;
}

/**
 * An API error's text for display beside a field, in the page's language, without the
 * "字段「endDate」不合法：" prefix that names the field by its API name. Contract messages are
 * "中文 / English"; they are split so each language shows only its half.
 */
export function fieldMessage(body: { message: string; messageEn: string }, lang: 'zh' | 'en'): string {
  const zhRest = body.message.replace(/^字段「[^」]*」不合法：/, '');
  const cut = zhRest.indexOf(' / ');
  if (cut >= 0) return lang === 'en' ? zhRest.slice(cut + 3) : zhRest.slice(0, cut);
  return lang === 'en' ? body.messageEn.replace(/^Field "[^"]*" is invalid: /, '') || zhRest : zhRest;
}
