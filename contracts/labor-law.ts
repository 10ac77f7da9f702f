/**
 * HTTP contract of POST /api/labor-law/calculate, shared by server and web.
 *
 * Money is always integer fen (分). Dates are "YYYY-MM-DD", months "YYYY-MM".
 * Validation messages are Chinese first, then English after " / "; each
 * issue's `path` names the offending field.
 */
import { z } from 'zod';
import { isCalendarDate } from './dates.js';
import { MAX_FEN } from './labor-law/limits.js';
import { LABOR_PARAM_KINDS } from './labor-law/param-kinds.js';

// ---------------------------------------------------------------- enums

export const terminationGrounds = [
  'unlawful', // 用人单位违法解除或终止（劳动合同法第四十八条、第八十七条）
  'mutual_by_employer', // 用人单位提出、协商一致解除（第三十六条、第四十六条第二项）
  'art38', // 劳动者因用人单位过错解除（第三十八条）
  'art40', // 无过失性辞退（第四十条）
  'art41', // 经济性裁员（第四十一条）
  'expiry', // 固定期限劳动合同期满，用人单位不续订（第四十四条第一项）
  'resignation', // 劳动者主动辞职（第三十七条）
  'mutual_by_worker', // 劳动者提出、协商一致解除
] as const;
/**
 * Why a worker resigned under 劳动合同法第三十八条. It decides whether service before 2008 counts
 * (第九十七条第三款): the old rules gave compensation only for the five employer faults of
 * 最高人民法院关于审理劳动争议案件适用法律若干问题的解释（法释〔2001〕14号）第十五条.
 */
export const art38Reasons = [
  'forced_labour', // 以暴力、威胁或者非法限制人身自由的手段强迫劳动（第三十八条第二款；2001 解释第十五条第一项）
  'no_labour_conditions', // 未按照劳动合同约定提供劳动保护或者劳动条件（第一款第一项；2001 解释第十五条第二项）
  'pay_not_as_agreed', // 未及时足额支付劳动报酬（第一款第二项；2001 解释第十五条第二项）
  'wage_withheld_or_delayed', // 克扣或者无故拖欠工资（第一款第二项；2001 解释第十五条第三项）
  'overtime_unpaid', // 拒不支付延长工作时间工资报酬（第一款第二项；2001 解释第十五条第四项）
  'below_minimum_wage', // 低于当地最低工资标准支付工资（第一款第二项；2001 解释第十五条第五项）
  'no_social_insurance', // 未依法缴纳社会保险费（第一款第三项）
  'unlawful_rules', // 规章制度违法，损害劳动者权益（第一款第四项）
  'invalid_contract', // 因第二十六条第一款情形致使劳动合同无效（第一款第五项）
  'dangerous_orders', // 违章指挥、强令冒险作业危及人身安全（第二款后段）
  'other', // 法律、行政法规规定的其他情形（第一款第六项）
] as const;
export const art38ReasonSchema = z.enum(art38Reasons, {
  error: `第三十八条解除理由无效，应为 ${art38Reasons.join('、')} 之一 / art38Reason must be one of ${art38Reasons.join(', ')}`,
});
export type Art38Reason = z.infer<typeof art38ReasonSchema>;

export const terminationGroundSchema = z.enum(terminationGrounds, {
  error: `离职原因无效，应为 ${terminationGrounds.join('、')} 之一 / termination must be one of ${terminationGrounds.join(', ')}`,
});
export type TerminationGround = z.infer<typeof terminationGroundSchema>;

export const laborLawItemCodes = [
  'unpaid_wages',
  'economic_compensation',
  'unlawful_termination_compensation',
  'notice_pay',
  'double_wage_no_contract',
  'overtime_workday',
  'overtime_rest_day',
  'overtime_holiday',
  'annual_leave_pay',
  'injury_lump_sum',
] as const;
export const laborLawItemCodeSchema = z.enum(laborLawItemCodes);
export type LaborLawItemCode = z.infer<typeof laborLawItemCodeSchema>;

export const laborLawWarningCodes = [
  'minimum_wage_missing', // 最低工资标准缺失，未核对下限
  'average_wage_missing', // 社会平均工资缺失，未核对封顶/保底
  'minimum_wage_floor_applied', // 按最低工资标准计算
  'high_wage_cap_applied', // 三倍封顶及十二年上限
  'pre_2008_service', // 2008 年前工作年限按当时规定
  'pre_2008_termination', // 劳动合同法施行前终止
  'pre_2008_art40_cap', // 不能胜任：2008 年前部分最多十二个月
  'expiry_renewal_assumption', // 期满终止：假设劳动者未拒绝同等或更优条件续订
  'no_compensation_for_ground', // 该离职原因无经济补偿
  'still_employed', // 仍在职
  'termination_ground_missing', // 已离职但未说明原因
  'notice_pay_not_applicable', // 代通知金仅适用于第四十条
  'wage_history_window', // 工资记录取离职前 12 个月
  'wage_history_after_end', // 离职后的工资记录被忽略
  'wage_history_preferred_monthly', // 同时提供月工资与工资记录
  'double_wage_open_ended_deemed', // 满一年未签视为无固定期限
  'double_wage_limitation', // 二倍工资时效
  'double_wage_not_owed', // 用工一个月内已签，无二倍工资
  'overtime_base_below_minimum', // 加班基数低于最低工资
  'annual_leave_year_outside_employment',
  'annual_leave_still_schedulable', // 当年仍可安排休假
  'annual_leave_exclusions', // 条例第四条不享受情形未核对
  'injury_fund_pays', // 参保由工伤保险基金支付
  'injury_other_benefits', // 其他工伤待遇未计算
  'limitation_runs_from_end', // 仲裁时效自离职起一年
  'limitation_expired_risk', // 已超过一年，时效风险
  'limitation_while_employed', // 在职期间的时效规则
  'wage_history_partial_month', // 不满整月的工资记录不计入平均工资
  'notice_pay_previous_month', // 上一个月工资未提供，按平均工资计
  'double_wage_flat_wage', // 二倍工资每月按同一月工资计
  'double_wage_month_missing', // 部分月份无工资记录，按平均工资计
  'annual_leave_declined_in_writing', // 书面提出不休年休假，不支付 200%
  'pre_2008_art38_reason_missing', // 2008 年前工龄：未说明第三十八条理由
  'pre_2008_art38_not_compensated', // 2008 年前工龄：该理由按当时规定无补偿
  'injury_pooling_wage_missing', // 统筹地区职工月平均工资缺失
  'unpaid_wages_bureau_penalty', // 劳动行政部门责令后逾期不付：加付 50%–100% 赔偿金
  'unpaid_wages_not_due', // 计算日之后月份的工资尚未到期，未计入
  'minimum_wage_outdated', // 在用的最低工资标准已逾三年，可能已有新标准
  'average_wage_outdated', // 在用的社平工资已逾十五个月，新一年度数据可能未录入
  'injury_pooling_wage_outdated', // 在用的统筹地区平均工资已逾十五个月
] as const;
export const laborLawWarningCodeSchema = z.enum(laborLawWarningCodes);
export type LaborLawWarningCode = z.infer<typeof laborLawWarningCodeSchema>;

// ---------------------------------------------------------------- primitives

/** A month "YYYY-MM" between 1900 and 2100: the month of a real calendar date. */
function isCalendarMonth(s: string): boolean {
  return /^\d{4}-\d{2}$/.test(s) && isCalendarDate(`${s}-01`);
}
/** Finite, non-negative, at most `places` decimals in its shortest decimal form. */
function hasAtMostDecimals(x: number, places: number): boolean {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(x));
  return m !== null && (m[2] ?? '').length <= places;
}

const dateSchema = z
  .string({ error: '请填写日期（YYYY-MM-DD） / date required (YYYY-MM-DD)' })
  .refine(isCalendarDate, { error: '日期无效，应为真实的日历日期 YYYY-MM-DD / invalid date, expected YYYY-MM-DD' });

const monthSchema = z
  .string({ error: '请填写月份（YYYY-MM） / month required (YYYY-MM)' })
  .refine(isCalendarMonth, { error: '月份无效，应为 YYYY-MM / invalid month, expected YYYY-MM' });

const fenSchema = z
  .number({ error: '金额应为数字（单位：分） / amount must be a number (fen)' })
  .int({ error: '金额应为整数（单位：分） / amount must be an integer number of fen' })
  .min(0, { error: '金额不能为负数 / amount must not be negative' })
  .max(MAX_FEN, { error: '金额过大 / amount too large' });

const hoursSchema = z
  .number({ error: '小时数应为数字 / hours must be a number' })
  .min(0, { error: '小时数不能为负数 / hours must not be negative' })
  .max(10_000, { error: '小时数过大 / too many hours' })
  .refine((x) => hasAtMostDecimals(x, 2), { error: '小时数最多保留两位小数 / hours allow at most 2 decimals' });

// ---------------------------------------------------------------- request

export const wageMonthSchema = z.object(
  {
    month: monthSchema,
    fen: fenSchema,
  },
  { error: '工资记录应为 {month, fen} / wage record must be {month, fen}' },
);

export const overtimeInputSchema = z.object(
  {
    /** monthly wage used as the overtime base, fen */
    wageBaseFen: fenSchema,
    /** hours worked beyond the standard on workdays (劳动法第四十四条第一项) */
    workdayHours: hoursSchema,
    /** hours worked on rest days with no time off in lieu (第二项) */
    restDayHours: hoursSchema,
    /** hours worked on statutory holidays (第三项) */
    holidayHours: hoursSchema,
  },
  { error: '加班信息应为对象 / overtime must be an object' },
);

export const annualLeaveInputSchema = z.object(
  {
    year: z
      .number({ error: '年度应为数字 / year must be a number' })
      .int({ error: '年度应为整数 / year must be an integer' })
      .min(1991, { error: '年度过早 / year too early' })
      .max(2100, { error: '年度过晚 / year too late' }),
    /** cumulative years of work with any employer (累计工作年限) */
    cumulativeWorkYears: z
      .number({ error: '累计工作年限应为数字 / cumulativeWorkYears must be a number' })
      .min(0, { error: '累计工作年限不能为负数 / cumulativeWorkYears must not be negative' })
      .max(80, { error: '累计工作年限过大 / cumulativeWorkYears too large' })
      .refine((x) => hasAtMostDecimals(x, 2), {
        error: '累计工作年限最多保留两位小数 / cumulativeWorkYears allows at most 2 decimals',
      }),
    /** leave days already taken in that year (half days allowed: up to 2 decimals) */
    daysTaken: z
      .number({ error: '已休天数应为数字 / daysTaken must be a number' })
      .min(0, { error: '已休天数不能为负数 / daysTaken must not be negative' })
      .max(366, { error: '已休天数过大 / daysTaken too large' })
      .refine((x) => hasAtMostDecimals(x, 2), {
        error: '已休天数最多保留两位小数 / daysTaken allows at most 2 decimals',
      }),
    /** daily wage override, fen; default monthly wage ÷ 21.75 */
    dailyWageBaseFen: fenSchema.optional(),
    /**
     * The employer arranged the leave but the worker, for their own reasons, declined it in
     * writing: only the normal wage is owed, no 200 % extra (企业职工带薪年休假实施办法第十条第二款).
     */
    declinedInWriting: z.boolean({ error: '应为 true 或 false / must be true or false' }).optional(),
  },
  { error: '年休假信息应为对象 / annualLeave must be an object' },
);

export const injuryInputSchema = z.object(
  {
    grade: z
      .number({ error: '伤残等级应为 1 至 10 / grade must be 1..10' })
      .int({ error: '伤残等级应为 1 至 10 的整数 / grade must be an integer 1..10' })
      .min(1, { error: '伤残等级应为 1 至 10 / grade must be 1..10' })
      .max(10, { error: '伤残等级应为 1 至 10 / grade must be 1..10' }),
    /** 本人工资: average monthly contribution wage of the 12 months before the injury, fen */
    monthlyWageFen: fenSchema,
    /** override: the pooling area's average monthly wage (统筹地区职工月平均工资, 工伤保险条例第六十四条), fen */
    poolingAverageWageFen: fenSchema.optional(),
  },
  { error: '工伤信息应为对象 / injury must be an object' },
);

export const laborLawRequestSchema = z
  .object(
    {
      regionCode: z
        .string({ error: '请填写地区代码 / regionCode required' })
        .regex(/^\d{6}$/, { error: '地区代码应为 6 位数字（GB/T 2260） / regionCode must be 6 digits (GB/T 2260)' }),
      hireDate: dateSchema,
      /** last day of work; null while still employed */
      endDate: dateSchema.nullable(),
      termination: terminationGroundSchema.nullable(),
      /** with termination 'art38': the employer's fault the worker resigned over (decides service before 2008) */
      art38Reason: art38ReasonSchema.optional(),
      /** average monthly wage of the 12 months before endDate, fen */
      monthlyWageFen: fenSchema.optional(),
      /** alternatively: monthly pay history; the last up-to-12 months up to endDate are averaged */
      wageHistory: z
        .array(wageMonthSchema, { error: '工资记录应为数组 / wageHistory must be an array' })
        .min(1, { error: '工资记录不能为空 / wageHistory must not be empty' })
        .max(600, { error: '工资记录过多 / wageHistory too long' })
        .optional(),
      /** override: local previous-year average monthly wage, fen */
      averageWageFen: fenSchema.optional(),
      /** override: local monthly minimum wage, fen */
      minimumWageFen: fenSchema.optional(),
      /** art. 40 dismissal without 30 days' written notice */
      noNoticeGiven: z.boolean({ error: '应为 true 或 false / must be true or false' }).optional(),
      /** date the written contract was signed; null = never signed; omit when not claimed */
      contractSignedDate: dateSchema.nullable().optional(),
      /**
       * wages owed and not paid, by month: the unpaid amount of each month (劳动法第五十条;
       * 劳动合同法第三十条)
       */
      unpaidWages: z
        .array(
          z.object(
            {
              month: monthSchema,
              fen: fenSchema.min(1, { error: '欠发金额应大于 0 / the unpaid amount must be more than 0' }),
            },
            { error: '欠发工资应为 {month, fen} / an unpaid wage must be {month, fen}' },
          ),
          { error: '欠发工资应为数组 / unpaidWages must be an array' },
        )
        .min(1, { error: '欠发工资不能为空 / unpaidWages must not be empty' })
        .max(600, { error: '欠发工资记录过多 / unpaidWages too long' })
        .optional(),
      overtime: overtimeInputSchema.optional(),
      annualLeave: annualLeaveInputSchema.optional(),
      injury: injuryInputSchema.optional(),
    },
    { error: '请求体应为 JSON 对象 / request body must be a JSON object' },
  )
  .superRefine((v, ctx) => {
    if (v.endDate !== null && v.endDate < v.hireDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: '离职日期不能早于入职日期 / endDate must not be before hireDate',
      });
    }
    if (v.art38Reason !== undefined && v.termination !== 'art38') {
      ctx.addIssue({
        code: 'custom',
        path: ['art38Reason'],
        message: '仅在离职原因为第三十八条（被迫解除）时填写此项 / art38Reason applies only when termination is art38',
      });
    }
    if (v.monthlyWageFen === undefined && v.wageHistory === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['monthlyWageFen'],
        message: '请填写月平均工资或工资记录 / monthlyWageFen or wageHistory is required',
      });
    }
    if (v.termination !== null && v.endDate === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: '已选择离职原因时须填写离职日期 / endDate is required when termination is given',
      });
    }
    if (v.unpaidWages) {
      const seen = new Set<string>();
      const lastMonth = (v.endDate ?? '9999-12').slice(0, 7);
      v.unpaidWages.forEach((w, i) => {
        if (seen.has(w.month)) {
          ctx.addIssue({
            code: 'custom',
            path: ['unpaidWages', i, 'month'],
            message: '欠发工资月份重复 / duplicate month in unpaidWages',
          });
        }
        if (w.month < v.hireDate.slice(0, 7) || w.month > lastMonth) {
          ctx.addIssue({
            code: 'custom',
            path: ['unpaidWages', i, 'month'],
            message: '欠发工资的月份应在入职至离职之间 / an unpaid month must fall between hiring and leaving',
          });
        }
        seen.add(w.month);
      });
    }
    if (v.wageHistory) {
      const seen = new Set<string>();
      v.wageHistory.forEach((w, i) => {
        if (seen.has(w.month)) {
          ctx.addIssue({
            code: 'custom',
            path: ['wageHistory', i, 'month'],
            message: '工资记录月份重复 / duplicate month in wageHistory',
          });
        }
        seen.add(w.month);
      });
    }
  });

export type LaborLawRequest = z.infer<typeof laborLawRequestSchema>;
export type LaborLawRequestInput = z.input<typeof laborLawRequestSchema>;

// ---------------------------------------------------------------- response

export const laborLawSegmentSchema = z.object({
  /** which rules: before 2008 (劳部发〔1994〕481号), from 2008 (劳动合同法), or the whole service */
  period: z.enum(['before_2008', 'from_2008', 'whole']),
  from: z.string(),
  to: z.string(),
  /** exact months of wages, as a decimal string, e.g. "5.5" */
  months: z.string(),
  /** monthly base of this segment, fen (rounded for display if the base is an average) */
  baseFen: z.number().int(),
});

export const laborLawItemDetailSchema = z.object({
  /** exact months of wages, decimal or "3 + 15/31" */
  months: z.string().optional(),
  /** monthly (or daily for annual leave) base used, fen, rounded for display */
  baseFen: z.number().int().optional(),
  /** the wage before floors/caps, fen, rounded for display */
  wageFen: z.number().int().optional(),
  capApplied: z.boolean().optional(),
  floorApplied: z.boolean().optional(),
  /** multiplier as a decimal string: "2", "1.5" */
  multiplier: z.string().optional(),
  hours: z.string().optional(),
  /** days (annual leave: unused days) */
  days: z.string().optional(),
  /** annual leave: prorated entitlement, whole days (实施办法第五条) */
  entitlementDays: z.number().int().optional(),
  /** annual leave: the exact prorated entitlement before any day is dropped, decimal to 2 places */
  proratedDays: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  segments: z.array(laborLawSegmentSchema).optional(),
  /** unpaid wages: the amount unpaid of each month */
  unpaidMonths: z.array(z.object({ month: z.string(), fen: z.number().int() })).optional(),
  /** double wages: the wage of each calendar month in the period and the share of a month it counts for */
  perMonth: z
    .array(
      z.object({
        month: z.string(),
        /** exact share of a month, decimal or "15/29" */
        months: z.string(),
        wageFen: z.number().int(),
        /** true when the month had no record and the average wage stood in */
        estimated: z.boolean(),
      }),
    )
    .optional(),
});

export const laborLawItemSchema = z.object({
  code: laborLawItemCodeSchema,
  amountFen: z.number().int().min(0),
  /** statutes, e.g. ["劳动合同法第四十七条"] */
  basis: z.array(z.string()).min(1),
  /** arithmetic in the requested language (Chinese by default) */
  explanation: z.string(),
  /** arithmetic in English */
  explanationEn: z.string(),
  detail: laborLawItemDetailSchema.optional(),
});

export const laborLawWarningSchema = z.object({
  code: laborLawWarningCodeSchema,
  /** info: assumption or note; warning: check this; critical: the claim may be lost */
  severity: z.enum(['info', 'warning', 'critical']),
  /** in the requested language (Chinese by default) */
  message: z.string(),
  messageEn: z.string(),
});

/** A local figure the engine found in force (the minimum wage, the average wage, the pooling area's wage). */
export const localFigureUsedSchema = z.object({
  kind: z.enum(LABOR_PARAM_KINDS),
  /** the region whose figure it is (the case's region, its city or its province) */
  regionCode: z.string(),
  amountFen: z.number().int(),
  /** YYYY-MM-DD */
  effectiveFrom: z.string(),
  /** the publishing authority and document */
  source: z.string(),
});

export const laborLawResponseSchema = z.object({
  items: z.array(laborLawItemSchema),
  totalFen: z.number().int().min(0),
  warnings: z.array(laborLawWarningSchema),
  /** figures the engine actually used */
  context: z
    .object({
      regionCode: z.string(),
      regionName: z.string().nullable(),
      asOf: z.string(),
      minimumWageFen: z.number().int().nullable(),
      averageWageFen: z.number().int().nullable(),
      /** average monthly wage used, fen (rounded for display) */
      monthlyWageFen: z.number().int(),
      /** the date local figures were looked up for (the end date, or the calculation date while employed) */
      figuresOn: z.string().optional(),
      /** the local figures in force on `figuresOn` that the table holds, each with its date and source */
      figures: z.array(localFigureUsedSchema).optional(),
    })
    .optional(),
});

export type LaborLawItem = z.infer<typeof laborLawItemSchema>;
export type LaborLawItemDetail = z.infer<typeof laborLawItemDetailSchema>;
export type LaborLawWarning = z.infer<typeof laborLawWarningSchema>;
export type LaborLawResponse = z.infer<typeof laborLawResponseSchema>;
