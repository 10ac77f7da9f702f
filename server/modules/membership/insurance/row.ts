import { isCalendarDate } from '../../../../contracts/dates.js';
import { normalizeMobile } from '../../../../contracts/identifiers.js';
import {
  INSURANCE_SCHEME_LABELS,
  INSURANCE_SCHEMES,
  type InsuranceScheme,
} from '../../../../contracts/membership/codes.js';
import { hasForbiddenCharacters } from '../../../../contracts/text.js';
import { normalizeResidentId, validateResidentId } from '../../../core/identifiers/resident-id.js';

/*
 * One row of an insurance file (参保名单), read cell by cell (pure: no database). Every bad cell
 * gives its own reason; the pipeline puts the column's header before it (「终保日期」…). What needs
 * the database or the importer (the person's record, the region and its scope) is the kind's check.
 */

export const INSURANCE_COLUMNS = [
  'residentId',
  'name',
  'phone',
  'scheme',
  'insurer',
  'policyNo',
  'startsOn',
  'endsOn',
  'regionCode',
] as const;
export type InsuranceColumn = (typeof INSURANCE_COLUMNS)[number];
export type InsuranceCells = Partial<Record<InsuranceColumn, string>>;

export interface InsuranceCellError {
  field: InsuranceColumn;
  zh: string;
  en: string;
}

/** A row that passed: the cells as the file means them. */
export interface InsuranceFileRow {
  /** Normalised (upper-case X); the kind's check seals it and keeps only the masked form. */
  residentId: string;
  name: string;
  phone: string | null;
  scheme: InsuranceScheme;
  insurer: string;
  policyNo: string | null;
  startsOn: string;
  endsOn: string;
  /** The row's own region; the import's region when the file has no such column. */
  regionCode: string | null;
}

/** What a 险种 cell may say: the code, the label in either language, or a name in common use. */
const SCHEME_NAMES = new Map<string, InsuranceScheme>([
  ...INSURANCE_SCHEMES.flatMap((s): [string, InsuranceScheme][] => [
    [s, s],
    [INSURANCE_SCHEME_LABELS[s].zh, s],
    [INSURANCE_SCHEME_LABELS[s].en.toLowerCase(), s],
  ]),
  ['工伤', 'work_injury'],
  ['职业伤害', 'occupational_injury'],
  ['职业伤害保险', 'occupational_injury'],
  ['新就业形态就业人员职业伤害保障', 'occupational_injury'],
  ['意外伤害保险', 'commercial_accident'],
  ['意外险', 'commercial_accident'],
  ['工会赠送意外险', 'commercial_accident'],
]);

const SCHEME_LIST_ZH = INSURANCE_SCHEMES.map((s) => INSURANCE_SCHEME_LABELS[s].zh).join('、');
const SCHEME_LIST_EN = INSURANCE_SCHEMES.map((s) => INSURANCE_SCHEME_LABELS[s].en).join(', ');

/** Full-width brackets and spaces as people type them in Chinese spreadsheets. */
const folded = (raw: string) =>
  raw
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
const SCHEMES_FOLDED = new Map([...SCHEME_NAMES].map(([k, v]) => [folded(k), v]));

/** 2026-01-31, 2026/1/31, 2026.1.31, 2026年1月31日 or 20260131, as YYYY-MM-DD; null otherwise. */
export function readDay(raw: string): string | null {
  const text = raw.replace(/[\s\u3000]/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isCalendarDate(day) ? day : null;
}

function text(raw: string, field: InsuranceColumn, min: number, max: number, errors: InsuranceCellError[]) {
  if (hasForbiddenCharacters(raw)) {
    errors.push({ field, zh: '含有不可见或控制字符', en: 'contains invisible or control characters' });
    return undefined;
  }
  if (raw.length < min || raw.length > max) {
    errors.push({ field, zh: `应为 ${min}–${max} 个字`, en: `must be ${min} to ${max} characters long` });
    return undefined;
  }
  return raw;
}

function residentIdOf(raw: string, errors: InsuranceCellError[]): string | undefined {
  const id = normalizeResidentId(raw.replace(/[\s\u3000]/g, ''));
  const check = validateResidentId(id);
  if (check.ok) return id;
  // An 18-digit number typed into a number cell keeps 15 digits and shows as 3.62811E+17.
  const numeric = /^\d(\.\d+)?e\+\d+$/i.test(id);
  errors.push({
    field: 'residentId',
    zh: check.message + (numeric ? '；该列在表格中是数字格式，末尾数字已丢失，请设为文本格式后重新填写' : ''),
    en:
      check.messageEn +
      (numeric ? '; the spreadsheet turned it into a number and lost digits: format the column as text' : ''),
  });
  return undefined;
}

function dayOf(raw: string, field: InsuranceColumn, errors: InsuranceCellError[]): string | undefined {
  const day = readDay(raw);
  if (day) return day;
  // A date cell of a spreadsheet read as its day number (45382): its calendar is not in the cell.
  const serial = /^\d{5}(\.\d+)?$/.test(raw);
  errors.push({
    field,
    zh: `“${raw}”不是有效日期（格式 YYYY-MM-DD，如 2026-01-31）${serial ? '；请将该列设为文本格式并填写 YYYY-MM-DD' : ''}`,
    en: `"${raw}" is not a valid date (YYYY-MM-DD, e.g. 2026-01-31)${serial ? '; format the column as text and type YYYY-MM-DD' : ''}`,
  });
  return undefined;
}

export type ReadInsuranceRow = { ok: true; row: InsuranceFileRow } | { ok: false; errors: InsuranceCellError[] };

/** Reads one row's cells; every bad cell is named, with its reason in Chinese and English. */
export function readInsuranceRow(cells: InsuranceCells): ReadInsuranceRow {
  const errors: InsuranceCellError[] = [];
  const required = (field: InsuranceColumn) => {
    const value = cells[field]?.trim() || undefined;
    if (value === undefined) errors.push({ field, zh: '不能为空', en: 'is required' });
    return value;
  };
  const idCell = required('residentId');
  const residentId = idCell === undefined ? undefined : residentIdOf(idCell, errors);
  const nameCell = required('name');
  const name = nameCell === undefined ? undefined : text(nameCell, 'name', 2, 32, errors);

  const phoneCell = cells.phone?.trim();
  const phone = phoneCell ? normalizeMobile(phoneCell) : null;
  if (phone !== null && !/^1[3-9]\d{9}$/.test(phone))
    errors.push({
      field: 'phone',
      zh: `“${phoneCell}”不是有效的 11 位手机号`,
      en: `"${phoneCell}" is not a valid 11-digit mobile number`,
    });

  const schemeCell = required('scheme');
  const scheme = schemeCell === undefined ? undefined : SCHEMES_FOLDED.get(folded(schemeCell));
  if (schemeCell !== undefined && scheme === undefined)
    errors.push({
      field: 'scheme',
      zh: `“${schemeCell}”不是可选的险种，应为：${SCHEME_LIST_ZH}`,
      en: `"${schemeCell}" is not a known scheme; use one of: ${SCHEME_LIST_EN}`,
    });

  const insurerCell = required('insurer');
  const insurer = insurerCell === undefined ? undefined : text(insurerCell, 'insurer', 2, 64, errors);
  const policyCell = cells.policyNo?.trim();
  if (policyCell && !/^[0-9A-Za-z-]{1,40}$/.test(policyCell))
    errors.push({
      field: 'policyNo',
      zh: `“${policyCell}”应为 1–40 位数字、字母或连字符`,
      en: `"${policyCell}" must be 1 to 40 digits, letters or hyphens`,
    });

  const startCell = required('startsOn');
  const startsOn = startCell === undefined ? undefined : dayOf(startCell, 'startsOn', errors);
  const endCell = required('endsOn');
  const endsOn = endCell === undefined ? undefined : dayOf(endCell, 'endsOn', errors);
  if (startsOn !== undefined && endsOn !== undefined && endsOn < startsOn)
    errors.push({
      field: 'endsOn',
      zh: `${endsOn} 早于起保日期 ${startsOn}`,
      en: `${endsOn} is before the start date, ${startsOn}`,
    });

  const regionCell = cells.regionCode?.trim();
  if (regionCell && !/^\d{6}$/.test(regionCell))
    errors.push({
      field: 'regionCode',
      zh: `“${regionCell}”应为 6 位数字的行政区划代码（GB/T 2260）`,
      en: `"${regionCell}" must be a 6-digit region code (GB/T 2260)`,
    });

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    row: {
      residentId: residentId!,
      name: name!,
      phone,
      scheme: scheme!,
      insurer: insurer!,
      policyNo: policyCell || null,
      startsOn: startsOn!,
      endsOn: endsOn!,
      regionCode: regionCell || null,
    },
  };
}
