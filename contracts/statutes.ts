// The laws and regulations the rules cite, by their Chinese names, with the English names an
// English reader is shown; the Chinese name stays beside the English one, since that is the name
// a court, an arbitration commission or a search engine knows. No zod: the web imports this.

/** Longest names first, so 劳动合同法实施条例 is not read as 劳动合同法 followed by 实施条例. */
export const STATUTE_NAMES: readonly { zh: string; en: string }[] = [
  {
    zh: '最高人民法院关于审理劳动争议案件适用法律若干问题的解释（法释〔2001〕14号）',
    en: 'SPC Interpretation on Labor Dispute Cases (2001)',
  },
  {
    zh: '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）',
    en: 'SPC Interpretation (I) on Labor Dispute Cases',
  },
  {
    zh: '违反和解除劳动合同的经济补偿办法（劳部发〔1994〕481号）',
    en: 'Measures on Economic Compensation for Breaching or Ending Labor Contracts (1994)',
  },
  { zh: '最高人民法院关于人民法院特邀调解的规定', en: 'SPC Provisions on Specially Invited Mediation' },
  { zh: '最高人民法院关于适用《中华人民共和国民事诉讼法》的解释', en: 'SPC Interpretation of the Civil Procedure Law' },
  { zh: '保障农民工工资支付条例', en: 'Regulations on Ensuring Payment of Wages to Migrant Workers' },
  { zh: '企业职工带薪年休假实施办法', en: 'Implementing Measures for Paid Annual Leave of Enterprise Employees' },
  { zh: '职工带薪年休假条例', en: 'Regulations on Paid Annual Leave of Employees' },
  { zh: '劳动人事争议仲裁办案规则', en: 'Rules for Labor and Personnel Dispute Arbitration' },
  { zh: '劳动合同法实施条例', en: 'Implementing Regulations of the Labor Contract Law' },
  { zh: '劳动争议调解仲裁法', en: 'Labor Dispute Mediation and Arbitration Law' },
  { zh: '人民法院在线调解规则', en: 'Online Mediation Rules of the People’s Courts' },
  { zh: '民事诉讼法解释', en: 'SPC Interpretation of the Civil Procedure Law' },
  { zh: '劳动争议解释（一）', en: 'SPC Interpretation (I) on Labor Dispute Cases' },
  { zh: '特邀调解规定', en: 'SPC Provisions on Specially Invited Mediation' },
  { zh: '在线调解规则', en: 'Online Mediation Rules of the People’s Courts' },
  { zh: '民诉法解释', en: 'SPC Interpretation of the Civil Procedure Law' },
  { zh: '工资支付暂行规定', en: 'Provisional Regulations on Wage Payment' },
  {
    zh: '中小企业划型标准规定',
    en: 'Provisions on the Classification Standards for Small and Medium-sized Enterprises',
  },
  { zh: '工伤保险条例', en: 'Regulations on Work-Related Injury Insurance' },
  { zh: '民事诉讼法', en: 'Civil Procedure Law' },
  { zh: '劳动合同法', en: 'Labor Contract Law' },
  { zh: '社会保险法', en: 'Social Insurance Law' },
  { zh: '工会法', en: 'Trade Union Law' },
  { zh: '劳动法', en: 'Labor Law' },
  { zh: '民法典', en: 'Civil Code' },
  { zh: '劳社部发〔2008〕3号', en: 'MOHRSS Notice [2008] No. 3' },
];

const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 四十七 → 47, 二百零五 → 205, 十二 → 12; Arabic digits pass through. */
export function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch in UNITS) {
      total += (digit || 1) * UNITS[ch]!;
      digit = 0;
    }
  }
  return total + digit;
}

const NUM = '[零一二两三四五六七八九十百千\\d]+';
const NAMES = STATUTE_NAMES.map((s) => s.zh.replace(/[.*+?^${}()|[\]\\〔〕]/g, (c) => `\\${c}`)).join('|');
const ARTICLE = `第(${NUM})条(?:第(${NUM})款)?(?:第(${NUM})项)?`;
const NAMED = new RegExp(`《?(${NAMES})》?(?:${ARTICLE})?`, 'g');
const FOLLOWING = new RegExp(`([、，,；;和及至]\\s*)${ARTICLE}`, 'g');

function articleEn(art: string, para?: string, item?: string): string {
  return `art. ${chineseNumber(art)}${para ? ` ¶${chineseNumber(para)}` : ''}${item ? ` (${chineseNumber(item)})` : ''}`;
}

/**
 * A citation as an English reader sees it: "劳动合同法第四十七条第三款" → "Labor Contract Law
 * (劳动合同法) art. 47 ¶3"; further articles of the same law ("、第八十七条") follow as "art. 87".
 * Chinese text is returned as it is.
 */
export function statuteText(citation: string, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return citation;
  return citation
    .replace(NAMED, (_m, zh: string, art?: string, para?: string, item?: string) => {
      const en = STATUTE_NAMES.find((s) => s.zh === zh)?.en ?? zh;
      return `${en} (${zh})${art ? ` ${articleEn(art, para, item)}` : ''}`;
    })
    .replace(FOLLOWING, (_m, sep: string, art: string, para?: string, item?: string) => {
      const joiner = /[至]/.test(sep) ? '–' : ', ';
      return `${joiner}${articleEn(art, para, item)}`;
    });
}
