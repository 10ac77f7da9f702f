import { isCalendarDate } from '../../../../contracts/dates.js';
import { parseIndustryCode } from '../rules/industry.js';
import { parseWanYuanToFen } from '../rules/money.js';
import { cellReader, type CellError as SharedCellError } from '../cells.js';

/*
 * One row of the enterprise registry file, read cell by cell (pure: no database, no clock).
 * Every bad cell gives its own reason, so a row is corrected once; the checks that need the
 * database or the importer (the region, the scope, an accepted check-character warning, a date
 * in the future) are the import kind's.
 */

/** The columns, by key, as the file holds them (trimmed; a blank cell is absent). */
export type EnterpriseCells = Partial<Record<EnterpriseColumn, string>>;

export const ENTERPRISE_COLUMNS = [
  'uscc',
  'name',
  'regionCode',
  'industryCode',
  'employees',
  'revenueWan',
  'assetsWan',
  'union',
  'unionEstablishedOn',
  'unionBankCode',
  'unionAccountNo',
  'unionAccountName',
  'payingBankCode',
  'payingAccountNo',
  'payingAccountName',
] as const;
export type EnterpriseColumn = (typeof ENTERPRISE_COLUMNS)[number];

/**
 * A row that passed. The columns keep their keys, with values written as the file means them
 * (the rejected-rows download puts a duplicate's values back in its columns); `revenueFen`,
 * `assetsFen`, `hasUnion` and `usccCheckWarning` are what the columns say, ready to store.
 */
export interface EnterpriseImportRow {
  uscc: string;
  usccCheckWarning: boolean;
  name: string;
  regionCode: string;
  industryCode: string;
  employees?: number;
  revenueWan?: string;
  revenueFen?: number;
  assetsWan?: string;
  assetsFen?: number;
  union: '是' | '否';
  hasUnion: boolean;
  unionEstablishedOn?: string;
  unionBankCode?: string;
  unionAccountNo?: string;
  unionAccountName?: string;
  payingBankCode?: string;
  payingAccountNo?: string;
  payingAccountName?: string;
}

/** Said of the column: the pipeline puts its header first (「工会账户账号」应为 10–30 位数字). */
export type CellError = SharedCellError<EnterpriseColumn>;

export type ReadRow = { ok: true; row: EnterpriseImportRow } | { ok: false; errors: CellError[] };

/** Digits the spreadsheet may have turned into a number: it drops leading zeros and, past 15 digits, the last ones. */
const NUMBER_CELL_HINT = {
  zh: '；如该列在表格中是数字格式，开头的 0 或末尾的数字已丢失，请把该列设为文本格式后重新填写',
  en: '; if the column is a number column in the spreadsheet, leading zeros or the last digits were lost: format it as text and type the number again',
};

/** Too few digits, or a number's exponent form: what a number cell makes of a longer code. */
function lostInNumberCell(text: string, fewest: number): boolean {
  return (/^\d+$/.test(text) && text.length < fewest) || /^\d(\.\d+)?e\+\d+$/i.test(text);
}

function textOf(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : raw.trim() || undefined;
}

/** Spaces people put in long numbers (6222 0210 …) are not part of them. */
function digitsOf(raw: string): string {
  return raw.replace(/[\s\u3000]/g, '');
}

/** 从业人员: a whole head count (thousands commas allowed). */
function readEmployees(raw: string, errors: CellError[]): number | undefined {
  const plain = raw.replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (!/^\d{1,9}$/.test(plain)) {
    errors.push({
      field: 'employees',
      zh: `“${raw}”应为不小于 0 的整数（人）`,
      en: `"${raw}" must be a whole number of people, 0 or more`,
    });
    return undefined;
  }
  return Number(plain);
}

/** 营业收入 / 资产总额 in 万元: up to 6 decimals, which is exactly the fen (rules/money.ts). */
function readWan(raw: string, field: 'revenueWan' | 'assetsWan', errors: CellError[]) {
  const parsed = parseWanYuanToFen(raw);
  if (!parsed.ok) {
    errors.push({ field, zh: `（万元）${parsed.zh}`, en: `(10,000 yuan) ${parsed.en}` });
    return undefined;
  }
  // The text kept is the figure in 万元 without its commas: what the file meant.
  return { wan: raw.replaceAll(',', ''), fen: parsed.value };
}

function readDate(raw: string, errors: CellError[]): string | undefined {
  // 2021-03-08, 2021/3/8, 2021.3.8 and 2021年3月8日 are the same day.
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(raw);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
  if (iso === null || !isCalendarDate(iso)) {
    errors.push({
      field: 'unionEstablishedOn',
      zh: `“${raw}”不是有效日期（如 2021-03-08）`,
      en: `"${raw}" is not a valid date (e.g. 2021-03-08)`,
    });
    return undefined;
  }
  return iso;
}

interface AccountColumns {
  bankCode: EnterpriseColumn;
  accountNo: EnterpriseColumn;
  accountName: EnterpriseColumn;
}

interface BankAccount {
  bankCode: string;
  accountNo: string;
  accountName: string;
}

const UNION_ACCOUNT: AccountColumns = {
  bankCode: 'unionBankCode',
  accountNo: 'unionAccountNo',
  accountName: 'unionAccountName',
};
const PAYING_ACCOUNT: AccountColumns = {
  bankCode: 'payingBankCode',
  accountNo: 'payingAccountNo',
  accountName: 'payingAccountName',
};

/**
 * A bank account's three cells: all blank (no account given) or all filled. The bank code is
 * the 12-digit CNAPS 行号; the account number 10–30 digits kept as text (it may start with 0; no
 * check digit is defined for corporate accounts).
 */
function readAccount(
  cells: EnterpriseCells,
  columns: AccountColumns,
  errors: CellError[],
): BankAccount | null | undefined {
  const bankCode = textOf(cells[columns.bankCode]);
  const accountNo = textOf(cells[columns.accountNo]);
  const accountName = textOf(cells[columns.accountName]);
  if (bankCode === undefined && accountNo === undefined && accountName === undefined) return null;
  const out: Partial<BankAccount> = {};
  for (const [field, value] of [
    [columns.bankCode, bankCode],
    [columns.accountNo, accountNo],
    [columns.accountName, accountName],
  ] as const) {
    if (value === undefined) {
      errors.push({
        field,
        zh: '不能为空：开户行号、账号、户名须一并填写（或都不填）',
        en: 'is required: give the bank code, the account number and the account name together (or none of them)',
      });
    }
  }
  if (bankCode !== undefined) {
    const digits = digitsOf(bankCode);
    if (/^\d{12}$/.test(digits)) out.bankCode = digits;
    else {
      const numeric = lostInNumberCell(digits, 12);
      errors.push({
        field: columns.bankCode,
        zh: `“${bankCode}”应为 12 位数字的开户行行号${numeric ? NUMBER_CELL_HINT.zh : ''}`,
        en: `"${bankCode}" must be the bank's 12-digit CNAPS code${numeric ? NUMBER_CELL_HINT.en : ''}`,
      });
    }
  }
  if (accountNo !== undefined) {
    const digits = digitsOf(accountNo);
    if (/^\d{10,30}$/.test(digits)) out.accountNo = digits;
    else {
      const numeric = lostInNumberCell(digits, 10);
      errors.push({
        field: columns.accountNo,
        zh: `“${accountNo}”应为 10–30 位数字${numeric ? NUMBER_CELL_HINT.zh : ''}`,
        en: `"${accountNo}" must be 10 to 30 digits${numeric ? NUMBER_CELL_HINT.en : ''}`,
      });
    }
  }
  if (accountName !== undefined) {
    const name = cellReader(cells, errors).text(accountName, columns.accountName);
    if (name !== undefined) out.accountName = name;
  }
  const { bankCode: code, accountNo: no, accountName: holder } = out;
  return code !== undefined && no !== undefined && holder !== undefined
    ? { bankCode: code, accountNo: no, accountName: holder }
    : undefined;
}

/** Reads one row's cells; every bad cell is named, with its reason in Chinese and English. */
export function readEnterpriseRow(cells: EnterpriseCells): ReadRow {
  const errors: CellError[] = [];
  const read = cellReader(cells, errors);
  const { required } = read;

  const usccCell = required('uscc');
  const payer = usccCell === undefined ? undefined : read.payerUscc(usccCell, 'uscc');
  const uscc = payer?.uscc;
  const usccCheckWarning = payer?.checkWarning ?? false;

  const nameCell = required('name');
  const name = nameCell === undefined ? undefined : read.text(nameCell, 'name');

  const regionCell = required('regionCode');
  const regionCode = regionCell === undefined ? undefined : read.regionCode(regionCell, 'regionCode');

  let industryCode: string | undefined;
  const industryCell = required('industryCode');
  if (industryCell !== undefined) {
    const parsed = parseIndustryCode(industryCell.replace(/[\s\u3000]/g, ''));
    if (parsed) industryCode = parsed.section + (parsed.industryClass ?? parsed.group ?? parsed.division ?? '');
    else
      errors.push({
        field: 'industryCode',
        zh: `“${industryCell}”不是《国民经济行业分类》（GB/T 4754-2017）的门类代码（A–T，可带大类数字，如 F52）`,
        en: `"${industryCell}" is not a GB/T 4754-2017 section letter (A–T, optionally with its division, e.g. F52)`,
      });
  }

  const employeesCell = textOf(cells.employees);
  const employees = employeesCell === undefined ? undefined : readEmployees(employeesCell, errors);
  const revenueCell = textOf(cells.revenueWan);
  const revenue = revenueCell === undefined ? undefined : readWan(revenueCell, 'revenueWan', errors);
  const assetsCell = textOf(cells.assetsWan);
  const assets = assetsCell === undefined ? undefined : readWan(assetsCell, 'assetsWan', errors);

  let union: '是' | '否' | undefined;
  const unionCell = required('union');
  if (unionCell !== undefined) {
    if (unionCell === '是' || unionCell === '否') union = unionCell;
    else errors.push({ field: 'union', zh: `应填“是”或“否”，不是“${unionCell}”`, en: 'must be 是 (yes) or 否 (no)' });
  }

  const dateCell = textOf(cells.unionEstablishedOn);
  let unionEstablishedOn: string | undefined;
  if (union === '是' && dateCell === undefined) {
    errors.push({
      field: 'unionEstablishedOn',
      zh: '已建会的企业须填写建会日期',
      en: 'is required when the enterprise has a union',
    });
  } else if (union === '否' && dateCell !== undefined) {
    errors.push({
      field: 'unionEstablishedOn',
      zh: '未建会的企业不应填写建会日期',
      en: 'must be blank when the enterprise has no union',
    });
  } else if (dateCell !== undefined) {
    unionEstablishedOn = readDate(dateCell, errors);
  }

  const unionAccount = readAccount(cells, UNION_ACCOUNT, errors);
  if (union === '否' && unionAccount !== null) {
    errors.push({
      field: 'unionAccountNo',
      zh: '未建会的企业没有工会账户：请清空工会账户三列，或将“是否建会”改为“是”',
      en: 'an enterprise without a union has no union account: clear the three union-account cells, or set the union column to 是',
    });
  }
  const payingAccount = readAccount(cells, PAYING_ACCOUNT, errors);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    row: {
      uscc: uscc!,
      usccCheckWarning,
      name: name!,
      regionCode: regionCode!,
      industryCode: industryCode!,
      ...(employees === undefined ? {} : { employees }),
      ...(revenue ? { revenueWan: revenue.wan, revenueFen: revenue.fen } : {}),
      ...(assets ? { assetsWan: assets.wan, assetsFen: assets.fen } : {}),
      union: union!,
      hasUnion: union === '是',
      ...(unionEstablishedOn === undefined ? {} : { unionEstablishedOn }),
      ...(unionAccount
        ? {
            unionBankCode: unionAccount.bankCode,
            unionAccountNo: unionAccount.accountNo,
            unionAccountName: unionAccount.accountName,
          }
        : {}),
      ...(payingAccount
        ? {
            payingBankCode: payingAccount.bankCode,
            payingAccountNo: payingAccount.accountNo,
            payingAccountName: payingAccount.accountName,
          }
        : {}),
    },
  };
}
