/** The words of the rules' notes, in Chinese and English, one place for all of them. */
import type { FeeNote, FeeNoteCode } from '../../../../contracts/fee-refunds/codes.js';

type Params = Readonly<Record<string, string>>;

const TEXTS: Readonly<Record<FeeNoteCode, (p: Params) => { zh: string; en: string }>> = {
  industry_code_invalid: (p) => ({
    zh: `行业代码“${p.code}”不是《国民经济行业分类》（GB/T 4754-2017）的代码，无法划型`,
    en: `"${p.code}" is not a GB/T 4754-2017 industry code; the size class cannot be determined`,
  }),
  industry_not_covered: (p) => ({
    zh: `行业“${p.code}”不在《中小企业划型标准规定》的适用行业内（金融业另有标准），请人工认定企业规模`,
    en: `Industry "${p.code}" is outside the SME classification rules (finance has its own standard); set the size class by hand`,
  }),
  category_inferred: (p) => ({
    zh: `行业代码“${p.code}”未细到可确定划型行业的大类或中类，按可能的行业分别划型（${p.candidates}），取其中最大的规模；补充行业大类后可重新判定`,
    en: `Industry code "${p.code}" does not reach the division or group that decides the category; classed under each possible category (${p.candidatesEn}) and the largest class taken. Add the division to decide it exactly`,
  }),
  category_by_analogy: (p) => ({
    zh: `行业“${p.code}”未列入划型标准，参照相近行业划型（《中小企业划型标准规定》第六条）`,
    en: `Industry "${p.code}" is not listed in the Provisions on the Classification Standards for Small and Medium-sized Enterprises (中小企业划型标准规定); classed by analogy (art. 6)`,
  }),
  indicator_missing: (p) => ({
    zh: `按${p.category}划型需要${p.indicators}，现缺少，无法判定企业规模`,
    en: `Classing as ${p.categoryEn} needs the ${p.indicatorsEn}, which is missing; the size class cannot be determined`,
  }),
  size_class_declared: (p) => ({
    zh: `企业规模采用登记的认定结果：${p.sizeClass}`,
    en: `Size class as recorded for the enterprise: ${p.sizeClassEn}`,
  }),
  size_unknown: () => ({
    zh: '企业规模无法判定，按常规比例分成；补齐划型数据后可重新计算',
    en: 'The size class could not be determined, so the usual split applies; complete the figures and compute again',
  }),
  not_small_or_micro: (p) => ({
    zh: `企业为${p.sizeClass}，不享受小微企业返还，按常规比例分成`,
    en: `The enterprise is a ${(p.sizeClassEn ?? '').toLowerCase()}, not small or micro: the usual split applies`,
  }),
  excluded_by_flag: (p) => ({
    zh: `企业属于“${p.flag}”，按政策不享受小微企业返还`,
    en: `The enterprise is marked "${p.flagEn}", which the policy excludes from the small and micro refund`,
  }),
  above_small_payer_threshold: (p) => ({
    zh: `企业全年缴费${p.paid}元，超过小额缴费标准${p.limit}元，按常规比例分成`,
    en: `The enterprise paid ¥${p.paid} in the year, above the small-payer limit of ¥${p.limit}: the usual split applies`,
  }),
  annual_paid_missing: (p) => ({
    zh: `政策只对全年缴费不超过${p.limit}元的小微企业返还，缺少该企业全年缴费额，暂按常规比例分成`,
    en: `The policy refunds small and micro enterprises paying at most ¥${p.limit} a year; the year's total is missing, so the usual split applies for now`,
  }),
  period_split_across_policies: (p) => ({
    zh: `税款所属期跨越政策版本，按日历天数分摊：本行为${p.from}至${p.to}（${p.days}天/共${p.totalDays}天）`,
    en: `The tax period crosses policy versions and is shared by calendar days: this line is ${p.from} to ${p.to} (${p.days} of ${p.totalDays} days)`,
  }),
  no_union_preparation_fund: () => ({
    zh: '企业尚未建立工会，应返还部分作为筹备金留存，建会后返还',
    en: 'The enterprise has no union yet: the returned part is held as preparation fund and paid once a union is set up',
  }),
  no_union_account: (p) => ({
    zh: `企业工会没有独立账户，返还至${p.destination}`,
    en: `The enterprise union has no account of its own: the refund goes ${p.destinationEn}`,
  }),
};

export function note(code: FeeNoteCode, params: Params = {}): FeeNote {
  return { code, ...TEXTS[code](params) };
}
