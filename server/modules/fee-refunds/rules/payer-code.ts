/**
 * The payer's Unified Social Credit Code on a collection row (GB 32100-2015). The layout, charset
 * and check character are checked by the platform's one checker, server/core/identifiers/uscc.ts
 * (a wrong check character is a warning a user may accept, a bad format is refused); this file
 * adds what a fee import can also refuse:
 *
 * - positions 1–2, registration authority and entity type (登记管理部门代码、机构类别代码): GB
 *   32100-2015 gives 1 机构编制 (1 机关, 2 事业单位, 3 中央编办直接管理机构编制的群众团体, 9 其他),
 *   5 民政 (1 社会团体, 2 民办非企业单位, 3 基金会, 9 其他), 9 工商 (1 企业, 2 个体工商户,
 *   3 农民专业合作社) and Y 其他 (1); the authorities added since by the national code centre
 *   (全国组织机构统一社会信用代码数据服务中心): 2 外交 (1, 9), 3 司法行政 (1 律师执业机构, 2 公证处,
 *   3 基层法律服务所, 4 司法鉴定机构, 5 仲裁委员会, 9), 4 文化 (1, 9), 6 旅游 (1, 2, 9), 7 宗教
 *   (1 宗教活动场所, 2 宗教院校, 9), 8 工会 (1 基层工会, 9), A 中央军委改革和编制办公室 (1, 9),
 *   N 农业 (1 组级, 2 村级, 3 乡镇级集体经济组织, 9).
 * - positions 3–8, the registering authority's region (GB/T 2260): a province-level prefix of the
 *   mainland, or 100000 for national registrations.
 */
import type { Label } from '../../../../contracts/fee-refunds/codes.js';
import { normalizeUscc, validateUscc } from '../../../core/identifiers/uscc.js';

export const USCC_REGISTRATION_KINDS: Readonly<Record<string, Readonly<Record<string, Label>>>> = {
  '1': {
    '1': { zh: '机关', en: 'Government body' },
    '2': { zh: '事业单位', en: 'Public institution' },
    '3': { zh: '中央编办直接管理机构编制的群众团体', en: 'Mass organization (central staffing office)' },
    '9': { zh: '其他（机构编制）', en: 'Other (staffing office)' },
  },
  '2': {
    '1': { zh: '外国常驻新闻机构', en: 'Resident foreign news agency' },
    '9': { zh: '其他（外交）', en: 'Other (foreign affairs)' },
  },
  '3': {
    '1': { zh: '律师执业机构', en: 'Law firm' },
    '2': { zh: '公证处', en: 'Notary office' },
    '3': { zh: '基层法律服务所', en: 'Grassroots legal service office' },
    '4': { zh: '司法鉴定机构', en: 'Judicial appraisal institution' },
    '5': { zh: '仲裁委员会', en: 'Arbitration commission' },
    '9': { zh: '其他（司法行政）', en: 'Other (justice administration)' },
  },
  '4': {
    '1': { zh: '外国在华文化中心', en: 'Foreign cultural centre' },
    '9': { zh: '其他（文化）', en: 'Other (culture)' },
  },
  '5': {
    '1': { zh: '社会团体', en: 'Social organization' },
    '2': { zh: '民办非企业单位', en: 'Private non-enterprise unit' },
    '3': { zh: '基金会', en: 'Foundation' },
    '9': { zh: '其他（民政）', en: 'Other (civil affairs)' },
  },
  '6': {
    '1': { zh: '外国旅游部门常驻代表机构', en: 'Foreign tourism office' },
    '2': { zh: '港澳台地区旅游部门常驻内地（大陆）代表机构', en: 'Hong Kong, Macao or Taiwan tourism office' },
    '9': { zh: '其他（旅游）', en: 'Other (tourism)' },
  },
  '7': {
    '1': { zh: '宗教活动场所', en: 'Place of religious activity' },
    '2': { zh: '宗教院校', en: 'Religious school' },
    '9': { zh: '其他（宗教）', en: 'Other (religion)' },
  },
  '8': {
    '1': { zh: '基层工会', en: 'Grassroots union' },
    '9': { zh: '其他（工会）', en: 'Other (trade unions)' },
  },
  '9': {
    '1': { zh: '企业', en: 'Enterprise' },
    '2': { zh: '个体工商户', en: 'Individual business' },
    '3': { zh: '农民专业合作社', en: "Farmers' cooperative" },
  },
  A: {
    '1': { zh: '军队事业单位', en: 'Military public institution' },
    '9': { zh: '其他（中央军委改革和编制办公室）', en: 'Other (military staffing office)' },
  },
  N: {
    '1': { zh: '组级集体经济组织', en: 'Group-level collective economic organization' },
    '2': { zh: '村级集体经济组织', en: 'Village-level collective economic organization' },
    '3': { zh: '乡镇级集体经济组织', en: 'Township-level collective economic organization' },
    '9': { zh: '其他（农业）', en: 'Other (agriculture)' },
  },
  Y: {
    '1': { zh: '其他', en: 'Other' },
  },
};

/** GB/T 2260 province-level codes of the mainland (first two digits). */
// prettier-ignore
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
]);

export type PayerCodeCheck =
  | { status: 'valid'; uscc: string; registration: Label }
  | { status: 'check_char_warning'; uscc: string; registration: Label; zh: string; en: string }
  | { status: 'rejected'; uscc: string; zh: string; en: string };

/** Check a payer's USCC: refused when malformed, a warning when only the check character is off. */
export function checkPayerUscc(raw: string): PayerCodeCheck {
  const uscc = normalizeUscc(raw);
  const base = validateUscc(uscc);
  if (!base.ok && base.reason === 'format') return { status: 'rejected', uscc, zh: base.message, en: base.messageEn };
  const authority = uscc.charAt(0);
  const type = uscc.charAt(1);
  const registration = USCC_REGISTRATION_KINDS[authority]?.[type];
  if (registration === undefined) {
    return {
      status: 'rejected',
      uscc,
      zh: `统一社会信用代码第1–2位“${authority}${type}”不是有效的登记管理部门和机构类别代码`,
      en: `Positions 1–2 of the Unified Social Credit Code, "${authority}${type}", are not a registration authority and entity type`,
    };
  }
  const region = uscc.slice(2, 8);
  if (region !== '100000' && !PROVINCE_PREFIXES.has(region.slice(0, 2))) {
    return {
      status: 'rejected',
      uscc,
      zh: `统一社会信用代码第3–8位“${region}”不是有效的行政区划代码`,
      en: `Positions 3–8 of the Unified Social Credit Code, "${region}", are not a region code`,
    };
  }
  if (!base.ok) return { status: 'check_char_warning', uscc, registration, zh: base.message, en: base.messageEn };
  return { status: 'valid', uscc, registration };
}
