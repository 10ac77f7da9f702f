/**
 * Deterministic generators for realistic-looking Chinese demo data. Every function takes an
 * {@link Rng} from ./random.js, so the same seed always yields the same data.
 *
 * All generated identifiers are syntactically valid (correct check characters) but fictitious.
 */
import { buildResidentId, chinaDateString, type Sex } from '../core/identifiers/resident-id.js';
import { buildUscc, USCC_CHARSET } from '../core/identifiers/uscc.js';
import type { Rng } from './random.js';

export type { Sex } from '../core/identifiers/resident-id.js';

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/**
 * Common single-character surnames with approximate population shares (percent), in descending
 * order, roughly following published census rankings. Only relative sizes matter.
 */
export const SURNAME_WEIGHTS: readonly (readonly [string, number])[] = Object.freeze([
  ['王', 7.1],
  ['李', 7.0],
  ['张', 6.4],
  ['刘', 5.4],
  ['陈', 4.6],
  ['杨', 3.1],
  ['黄', 2.4],
  ['赵', 2.3],
  ['吴', 2.0],
  ['周', 1.9],
  ['徐', 1.5],
  ['孙', 1.4],
  ['马', 1.3],
  ['朱', 1.3],
  ['胡', 1.2],
  ['郭', 1.2],
  ['何', 1.1],
  ['林', 1.0],
  ['罗', 0.95],
  ['高', 0.95],
  ['梁', 0.88],
  ['郑', 0.82],
  ['谢', 0.76],
  ['宋', 0.74],
  ['唐', 0.72],
  ['许', 0.68],
  ['韩', 0.66],
  ['冯', 0.64],
  ['邓', 0.63],
  ['曹', 0.61],
  ['彭', 0.59],
  ['曾', 0.57],
  ['肖', 0.56],
  ['田', 0.54],
  ['董', 0.52],
  ['潘', 0.5],
  ['袁', 0.49],
  ['蔡', 0.48],
  ['蒋', 0.47],
  ['余', 0.46],
  ['于', 0.45],
  ['杜', 0.44],
  ['叶', 0.43],
  ['程', 0.42],
  ['魏', 0.41],
  ['苏', 0.4],
  ['吕', 0.39],
  ['丁', 0.38],
  ['任', 0.37],
  ['卢', 0.36],
  ['姚', 0.35],
  ['沈', 0.34],
  ['钟', 0.33],
  ['姜', 0.32],
  ['崔', 0.31],
  ['谭', 0.3],
  ['陆', 0.3],
  ['范', 0.29],
  ['汪', 0.29],
  ['廖', 0.28],
  ['石', 0.28],
  ['金', 0.27],
  ['韦', 0.27],
  ['贾', 0.26],
  ['夏', 0.26],
  ['付', 0.25],
  ['方', 0.25],
  ['邹', 0.24],
  ['熊', 0.24],
  ['白', 0.23],
  ['孟', 0.23],
  ['秦', 0.22],
  ['邱', 0.22],
  ['侯', 0.21],
  ['江', 0.21],
  ['尹', 0.2],
  ['薛', 0.2],
  ['阎', 0.19],
  ['段', 0.19],
  ['雷', 0.18],
  ['黎', 0.18],
  ['史', 0.17],
  ['龙', 0.17],
  ['陶', 0.16],
  ['贺', 0.16],
  ['顾', 0.15],
  ['毛', 0.15],
  ['郝', 0.14],
  ['龚', 0.14],
  ['邵', 0.13],
  ['万', 0.13],
  ['钱', 0.13],
  ['严', 0.12],
  ['赖', 0.12],
  ['覃', 0.11],
  ['洪', 0.11],
  ['武', 0.11],
  ['莫', 0.1],
  ['孔', 0.1],
] as const);

/** Given-name characters typical for men. */
export const MALE_NAME_CHARS: readonly string[] = Object.freeze([
  ...'伟强磊军勇杰涛斌超刚平辉鹏飞鑫波宇浩凯健帆帅旭龙阳建国峰亮成东志彬博诚栋睿轩昊哲振鸿宏兵锋毅武晖江山松翔森豪坤',
]);

/** Given-name characters typical for women. */
export const FEMALE_NAME_CHARS: readonly string[] = Object.freeze([
  ...'芳娜敏静丽艳娟霞秀玲燕红梅莉兰萍婷雪琳颖慧倩洁晶琴莹月蓉欣怡悦璐露涵萱诗梦瑶琪凤桂英珍丹妍薇婉彤娇媛',
]);

/** Given-name characters used for either sex. */
export const NEUTRAL_NAME_CHARS: readonly string[] = Object.freeze([
  ...'文明华春秋晓玉金海安宁佳子一家俊立永伊心晨航若可乐欢嘉洋清晴雅冰泽瑞馨林云天新思雨德',
]);

export interface PersonName {
  /** Full name, e.g. "王建国". */
  name: string;
  surname: string;
  givenName: string;
  sex: Sex;
}

/**
 * A realistic Chinese name: weighted surname + 1–2 character given name (about 1 in 5 is a
 * single character) drawn mostly from characters typical for `sex`. When `sex` is omitted it
 * is chosen 50/50 and returned.
 */
export function chineseName(rng: Rng, sex?: Sex): PersonName {
  const s: Sex = sex ?? (rng.chance(0.5) ? 'male' : 'female');
  const surname = rng.weighted(SURNAME_WEIGHTS);
  const typical = s === 'male' ? MALE_NAME_CHARS : FEMALE_NAME_CHARS;
  const drawChar = (): string => (rng.chance(0.7) ? rng.pick(typical) : rng.pick(NEUTRAL_NAME_CHARS));
  let givenName: string;
  if (rng.chance(0.2)) {
    givenName = drawChar();
  } else {
    const first = drawChar();
    if (s === 'female' && rng.chance(0.04)) {
      givenName = first + first; // reduplicated names such as 婷婷
    } else {
      let second = drawChar();
      for (let i = 0; i < 5 && (second === first || second === surname); i++) second = drawChar();
      givenName = first + second;
    }
  }
  return { name: surname + givenName, surname, givenName, sex: s };
}

// ---------------------------------------------------------------------------------------------
// Phones, IDs, accounts
// ---------------------------------------------------------------------------------------------

/** Mainland mobile number prefixes in common use (China Mobile / Unicom / Telecom / Broadnet). */
export const MOBILE_PREFIXES: readonly string[] = Object.freeze([
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '147',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '172',
  '173',
  '175',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '184',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '192',
  '193',
  '195',
  '196',
  '197',
  '198',
  '199',
]);

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/** An 11-digit mainland mobile number with a realistic prefix, e.g. "13812345678". */
export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + digits(rng, 8);
}

export interface ResidentIdOptions {
  /** Minimum completed age in years at `asOf` (default 18). */
  minAge?: number;
  /** Maximum completed age in years at `asOf` (default 60). */
  maxAge?: number;
  /** Reference date for the age range; required so that output is deterministic. */
  asOf: Date;
  /** Sex encoded in the sequence digit (odd = male, even = female); random when omitted. */
  sex?: Sex;
}

const DAY_MS = 86_400_000;

function daysInMonth(y: number, m1: number): number {
  return new Date(Date.UTC(y, m1, 0)).getUTCDate();
}

/** UTC midnight (ms) of y-m-d, clamping the day to the month's length (Feb 29 → Feb 28). */
function clampedUtc(y: number, m1: number, d: number): number {
  return Date.UTC(y, m1 - 1, Math.min(d, daysInMonth(y, m1)));
}

/**
 * A valid 18-digit resident ID for `regionCode` (6-digit GB/T 2260 code) whose holder is between
 * `minAge` and `maxAge` (inclusive, completed years) on `asOf` (China calendar date). Birth
 * dates are never before 1900-01-01.
 */
export function residentId(rng: Rng, regionCode: string, opts: ResidentIdOptions): string {
  const minAge = opts.minAge ?? 18;
  const maxAge = opts.maxAge ?? 60;
  if (!Number.isInteger(minAge) || !Number.isInteger(maxAge) || minAge < 0 || maxAge < minAge) {
    throw new Error(`residentId: invalid age range ${minAge}–${maxAge}`);
  }
  const [y, m, d] = chinaDateString(opts.asOf).split('-').map(Number) as [number, number, number];
  const latest = clampedUtc(y - minAge, m, d);
  const earliest = Math.max(clampedUtc(y - maxAge - 1, m, d) + DAY_MS, Date.UTC(1900, 0, 1));
  if (earliest > latest) throw new Error(`residentId: no birth date satisfies ages ${minAge}–${maxAge}`);
  const dayCount = Math.round((latest - earliest) / DAY_MS);
  const birth = new Date(earliest + rng.int(0, dayCount) * DAY_MS);
  const birthDate = birth.toISOString().slice(0, 10);
  const sex: Sex = opts.sex ?? (rng.chance(0.5) ? 'male' : 'female');
  // odd 1..999 for men, even 2..998 for women (000 is never issued)
  const sequence = sex === 'male' ? 2 * rng.int(0, 499) + 1 : 2 * rng.int(1, 499);
  return buildResidentId({ regionCode, birthDate, sequence });
}

export interface UsccOptions {
  /** Position 1; default '9' (market regulation). Use '8' for trade unions. */
  registrationAuthority?: string;
  /** Position 2; default '1' (enterprise). */
  entityType?: string;
}

const USCC_LETTERS_AND_DIGITS: readonly string[] = Object.freeze([...USCC_CHARSET]);

/**
 * A valid USCC for `regionCode`. About 60% look like post-2015 codes (organization-code body
 * "MA" + 6 charset characters), the rest like legacy 8-digit organization codes. Both the
 * GB 11714 organization-code check and the USCC check character are correct.
 */
export function uscc(rng: Rng, regionCode: string, opts: UsccOptions = {}): string {
  let body: string;
  if (rng.chance(0.6)) {
    body = 'MA';
    for (let i = 0; i < 6; i++) body += rng.pick(USCC_LETTERS_AND_DIGITS);
  } else {
    body = String(rng.int(1, 9)) + digits(rng, 7);
  }
  return buildUscc({
    registrationAuthority: opts.registrationAuthority ?? '9',
    entityType: opts.entityType ?? '1',
    regionCode,
    orgCodeBody8: body,
  });
}

const BANK_ACCOUNT_LENGTHS: readonly (readonly [number, number])[] = Object.freeze([
  [19, 30],
  [16, 12],
  [17, 10],
  [18, 8],
  [12, 6],
  [15, 6],
  [20, 6],
  [21, 5],
  [22, 5],
  [14, 4],
  [13, 3],
  [10, 2],
  [11, 2],
  [23, 2],
  [24, 1],
  [25, 1],
  [26, 1],
  [27, 1],
  [28, 1],
  [29, 1],
  [30, 1],
]);

/** A bank account number: 10–30 digits (mostly 16–19), which may start with 0. */
export function bankAccount(rng: Rng): string {
  return digits(rng, rng.weighted(BANK_ACCOUNT_LENGTHS));
}

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

/** Generic sub-district names that plausibly exist in most Chinese cities. */
export const GENERIC_DISTRICTS: readonly string[] = Object.freeze([
  '东区',
  '西区',
  '南区',
  '城东街道',
  '城西街道',
  '城南街道',
  '城北街道',
  '新城区',
  '老城区',
  '高新区',
  '经济技术开发区',
  '工业园区',
  '火炬开发区',
  '港口镇',
  '新华街道',
  '人民街道',
]);

const ROAD_STEMS: readonly string[] = Object.freeze([
  '人民',
  '解放',
  '建设',
  '中山',
  '和平',
  '新华',
  '长江',
  '黄河',
  '工业',
  '兴业',
  '朝阳',
  '文化',
  '青年',
  '胜利',
  '东风',
  '民主',
  '光明',
  '幸福',
  '公园',
  '环城',
  '滨江',
  '南湖',
  '迎宾',
  '发展',
  '创业',
  '科技',
  '振兴',
  '育才',
  '友谊',
  '健康',
  '团结',
  '金融',
  '世纪',
  '华山',
  '泰山',
  '松江',
  '湖滨',
  '学院',
]);

const ROAD_SUFFIXES: readonly (readonly [string, number])[] = Object.freeze([
  ['路', 30],
  ['大道', 10],
  ['街', 10],
  ['东路', 6],
  ['西路', 6],
  ['南路', 6],
  ['北路', 6],
  ['中路', 4],
  ['一路', 5],
  ['二路', 4],
  ['三路', 3],
  ['四路', 3],
  ['五路', 2],
  ['大街', 4],
  ['巷', 1],
]);

const BUILDING_SUFFIXES: readonly string[] = Object.freeze(['大厦', '广场', '中心', '商务楼', '工业园', '产业园']);

export interface AddressOptions {
  /** Sub-districts / towns to choose from; defaults to {@link GENERIC_DISTRICTS}. */
  districts?: readonly string[];
}

/**
 * A street address within `regionName`, e.g. "中山市东区中山四路88号" or
 * "合肥市高新区科技大道1203号华盛大厦5楼".
 */
export function address(rng: Rng, regionName: string, opts: AddressOptions = {}): string {
  const districts = opts.districts && opts.districts.length > 0 ? opts.districts : GENERIC_DISTRICTS;
  const district = rng.pick(districts);
  const road = rng.pick(ROAD_STEMS) + rng.weighted(ROAD_SUFFIXES);
  const num = rng.chance(0.8) ? rng.int(1, 399) : rng.int(400, 1999);
  let addr = `${regionName}${district}${road}${num}号`;
  const r = rng.next();
  if (r < 0.25) {
    addr += `${rng.pick(BRANDS)}${rng.pick(BUILDING_SUFFIXES)}${rng.int(1, 28)}楼`;
  } else if (r < 0.4) {
    addr += `${rng.int(1, 12)}栋${rng.int(1, 6)}0${rng.int(1, 9)}`;
  }
  return addr;
}

// ---------------------------------------------------------------------------------------------
// Industries and companies
// ---------------------------------------------------------------------------------------------

/** GB/T 4754-2017 section letters used by the demo data. */
export type GbT4754Section = 'C' | 'E' | 'F' | 'G' | 'H' | 'I' | 'L' | 'O';

export type IndustryCode =
  | 'construction'
  | 'manufacturing'
  | 'logistics'
  | 'catering'
  | 'retail'
  | 'it'
  | 'resident_services'
  | 'business_services'
  | 'platform';

export interface Industry {
  code: IndustryCode;
  /** GB/T 4754-2017 section (门类) letter. */
  section: GbT4754Section;
  /** Chinese name (the official section name, except for the platform-economy grouping). */
  zh: string;
  en: string;
  /** Words that go between brand and legal form in a company name, e.g. "建筑工程". */
  companyWords: readonly string[];
}

export const INDUSTRIES: readonly Industry[] = Object.freeze([
  {
    code: 'construction',
    section: 'E',
    zh: '建筑业',
    en: 'Construction',
    companyWords: ['建筑工程', '建设工程', '建筑劳务', '装饰工程', '市政工程', '建筑安装工程', '幕墙工程'],
  },
  {
    code: 'manufacturing',
    section: 'C',
    zh: '制造业',
    en: 'Manufacturing',
    companyWords: [
      '电子科技',
      '五金制品',
      '塑胶制品',
      '服装',
      '家具制造',
      '灯饰',
      '机械制造',
      '精密模具',
      '电器',
      '纺织',
      '食品',
    ],
  },
  {
    code: 'logistics',
    section: 'G',
    zh: '交通运输、仓储和邮政业',
    en: 'Transport, storage and postal services',
    companyWords: ['速递服务', '物流', '货运', '供应链管理', '仓储服务', '运输', '快递服务'],
  },
  {
    code: 'catering',
    section: 'H',
    zh: '住宿和餐饮业',
    en: 'Accommodation and catering',
    companyWords: ['餐饮管理', '餐饮服务', '酒店管理', '酒店', '饮食'],
  },
  {
    code: 'retail',
    section: 'F',
    zh: '批发和零售业',
    en: 'Wholesale and retail trade',
    companyWords: ['商贸', '百货', '超市', '贸易', '商业连锁', '医药连锁'],
  },
  {
    code: 'it',
    section: 'I',
    zh: '信息传输、软件和信息技术服务业',
    en: 'Information transmission, software and IT services',
    companyWords: ['信息技术', '网络科技', '软件技术', '数据科技', '智能科技', '通信技术'],
  },
  {
    code: 'resident_services',
    section: 'O',
    zh: '居民服务、修理和其他服务业',
    en: 'Resident services, repair and other services',
    companyWords: ['家政服务', '保洁服务', '家电维修服务', '洗涤服务', '养老服务', '美容美发'],
  },
  {
    code: 'business_services',
    section: 'L',
    zh: '租赁和商务服务业',
    en: 'Leasing and business services',
    companyWords: ['人力资源服务', '劳务派遣', '企业管理咨询', '保安服务', '设备租赁', '会展服务'],
  },
  {
    // Internet platforms are GB/T 4754 I 643 (互联网平台); delivery riders and ride-hailing
    // drivers are the "new forms of employment" (新就业形态) unions focus on.
    code: 'platform',
    section: 'I',
    zh: '平台经济（新就业形态）',
    en: 'Platform economy (delivery riders, ride-hailing and other new forms of employment)',
    companyWords: ['即时配送服务', '同城配送', '网络科技', '出行科技', '跑腿服务'],
  },
] satisfies Industry[]);

const INDUSTRY_BY_CODE: ReadonlyMap<IndustryCode, Industry> = new Map(INDUSTRIES.map((i) => [i.code, i]));

/** Look up an industry by code; throws for an unknown code. */
export function industryByCode(code: IndustryCode): Industry {
  const found = INDUSTRY_BY_CODE.get(code);
  if (!found) throw new Error(`unknown industry code "${code}"`);
  return found;
}

/** Two-character trade names (字号). Fictitious combinations of common auspicious characters. */
export const BRANDS: readonly string[] = Object.freeze([
  '粤华',
  '顺达',
  '恒通',
  '宏图',
  '鑫源',
  '华盛',
  '永丰',
  '金泰',
  '嘉禾',
  '远航',
  '腾飞',
  '伟业',
  '佳美',
  '信达',
  '盛世',
  '东升',
  '富康',
  '瑞祥',
  '新宇',
  '长城',
  '天翼',
  '万嘉',
  '利民',
  '广源',
  '鸿运',
  '安达',
  '通泰',
  '汇通',
  '德信',
  '中联',
  '宏达',
  '国泰',
  '华裕',
  '锦程',
  '兴隆',
  '鼎盛',
  '正和',
  '合力',
  '博远',
  '明辉',
  '创源',
  '卓越',
  '金鹏',
  '和顺',
  '众诚',
  '振华',
  '联发',
  '立信',
  '华美',
  '新锐',
  '中泽',
  '恒昌',
  '宝利',
  '骏达',
  '昌盛',
  '百川',
  '丰泽',
  '协力',
  '润丰',
  '凯旋',
]);

/**
 * A realistic company name: city + 2-character brand + industry word + legal form, e.g.
 * "中山市粤华建筑工程有限公司" or "合肥顺达速递服务有限公司". `cityName` is used verbatim.
 */
export function companyName(rng: Rng, cityName: string, industry: IndustryCode | Industry): string {
  const ind = typeof industry === 'string' ? industryByCode(industry) : industry;
  const form = rng.chance(0.12) ? '股份有限公司' : '有限公司';
  return `${cityName}${rng.pick(BRANDS)}${rng.pick(ind.companyWords)}${form}`;
}
