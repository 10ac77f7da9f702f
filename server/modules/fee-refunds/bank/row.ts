import { cellReader, type CellError } from '../cells.js';

/*
 * One row of the bank's credit file (银行入账流水): a transfer of union fees from the treasury,
 * on behalf of a tax office, to the union's account. Read cell by cell (pure: no database, no
 * clock); every bad cell gives its own reason.
 */

export const BANK_COLUMNS = ['creditDate', 'payerName', 'amount', 'serialNo'] as const;
export type BankColumn = (typeof BANK_COLUMNS)[number];
export type BankCells = Partial<Record<BankColumn, string>>;

export interface BankCreditRow {
  creditDate: string;
  payerName: string;
  /** The name compared with the tax offices' (`officeKey`). */
  payerKey: string;
  amount: string;
  amountFen: number;
  serialNo: string;
}

export type ReadBankRow = { ok: true; row: BankCreditRow } | { ok: false; errors: CellError<BankColumn>[] };

/**
 * How a bank's payer name is matched to a tax office's name (征收税务机关): equal after Unicode
 * NFKC (full-width letters, digits and brackets become half-width: （ → (, Ａ → A) and with every
 * white space taken out (also the ideographic space U+3000). Nothing looser: no abbreviations,
 * no "contains", so a credit is never counted for the wrong office.
 */
export function officeKey(name: string): string {
  return name.normalize('NFKC').replace(/\s/g, '');
}

/** 流水号: letters, digits and hyphens; a number cell's exponent form (3.2e+17) lost its digits. */
function readSerial(raw: string, errors: CellError<BankColumn>[]): string | undefined {
  const text = raw.normalize('NFKC').replace(/\s/g, '');
  if (/^[0-9A-Za-z-]{1,64}$/.test(text)) return text.toUpperCase();
  const numeric = /^\d(\.\d+)?e\+\d+$/i.test(text);
  errors.push({
    field: 'serialNo',
    zh: `“${raw}”应为 1–64 位数字、字母或连字符${numeric ? '；该列在表格中是数字格式，末尾的数字已丢失，请设为文本格式后重新填写' : ''}`,
    en: `"${raw}" must be 1 to 64 digits, letters or hyphens${numeric ? '; the spreadsheet turned it into a number and lost digits: format the column as text and type it again' : ''}`,
  });
  return undefined;
}

/** Reads one row's cells; every bad cell is named, with its reason in Chinese and English. */
export function readBankRow(cells: BankCells): ReadBankRow {
  const errors: CellError<BankColumn>[] = [];
  const read = cellReader(cells, errors);
  const dateCell = read.required('creditDate');
  const creditDate = dateCell === undefined ? undefined : read.date(dateCell, 'creditDate');
  const nameCell = read.required('payerName');
  const payerName = nameCell === undefined ? undefined : read.text(nameCell, 'payerName');
  const amountCell = read.required('amount');
  const amount = amountCell === undefined ? undefined : read.yuan(amountCell, 'amount');
  const serialCell = cells.serialNo?.trim() || undefined;
  if (serialCell === undefined)
    errors.push({
      field: 'serialNo',
      zh: '不能为空（每行须有流水号）',
      en: 'is missing (every row needs its serial number)',
    });
  const serialNo = serialCell === undefined ? undefined : readSerial(serialCell, errors);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    row: {
      creditDate: creditDate!,
      payerName: payerName!,
      payerKey: officeKey(payerName!),
      amount: amount!.text,
      amountFen: amount!.fen,
      serialNo: serialNo!,
    },
  };
}
