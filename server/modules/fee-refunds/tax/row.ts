import { cellReader, type CellError } from '../cells.js';

/*
 * One row of the tax collection file (税务征收数据), read cell by cell (pure: no database, no
 * clock). Every bad cell gives its own reason; the checks that need the database or the importer
 * (the region exists and is in scope, an accepted check-character warning) are the import kind's.
 */

export const TAX_COLUMNS = [
  'uscc',
  'taxpayerName',
  'periodFrom',
  'periodTo',
  'wageBase',
  'rate',
  'paid',
  'eTicketNo',
  'taxOfficeName',
  'treasuryDate',
  'regionCode',
] as const;
export type TaxColumn = (typeof TAX_COLUMNS)[number];
export type TaxCells = Partial<Record<TaxColumn, string>>;

/** A row that passed: the columns as the file means them, and the fen and basis points to store. */
export interface TaxImportRow {
  uscc: string;
  usccCheckWarning: boolean;
  taxpayerName: string;
  periodFrom: string;
  periodTo: string;
  wageBase: string;
  wageBaseFen: number;
  rate: string;
  rateBp: number;
  paid: string;
  paidFen: number;
  eTicketNo: string;
  taxOfficeName: string;
  treasuryDate: string;
  regionCode: string;
}

/** Said of the column: the pipeline puts its header first. */
export type TaxCellError = CellError<TaxColumn>;

export type ReadTaxRow = { ok: true; row: TaxImportRow } | { ok: false; errors: TaxCellError[] };

/**
 * The highest rate taken: 10 %. The union fee is 2 % of the wage base (工会法第四十三条); a bare
 * "1" or "2" is refused rather than guessed (100 %? 1 %?): the file writes 0.02 or 2%.
 */
export const MAX_RATE_BP = 1000;

/**
 * 税率: a decimal fraction (0.02) or a percentage (2%), a whole number of basis points between 0
 * and 10 % (0.0125 and 1.25% are 125; 0.00125 is refused: half a basis point).
 */
export function parseRateBp(raw: string): number | null {
  const text = raw.replace(/[\s\u3000]/g, '').replace('％', '%');
  const percent = /^(\d{1,3})(?:\.(\d{1,2}))?%$/.exec(text);
  const fraction = percent ? null : /^(\d)(?:\.(\d{1,4}))?$/.exec(text);
  const m = percent ?? fraction;
  if (!m) return null;
  const bp = percent
    ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
    : Number(m[1]) * 10000 + Number((m[2] ?? '').padEnd(4, '0'));
  return bp <= MAX_RATE_BP ? bp : null;
}

function readRate(raw: string, errors: TaxCellError[]): number | undefined {
  const bp = parseRateBp(raw);
  if (bp !== null) return bp;
  errors.push({
    field: 'rate',
    zh: `“${raw}”不是有效税率：写小数（如 0.02）或百分数（如 2%），精确到万分之一，不超过 10%`,
    en: `"${raw}" is not a valid rate: write a decimal (e.g. 0.02) or a percentage (e.g. 2%), to a basis point, at most 10%`,
  });
  return undefined;
}

/** 电子税票号码: letters and digits; a number cell's exponent form (3.2e+17) lost its digits. */
function readTicket(raw: string, errors: TaxCellError[]): string | undefined {
  const text = raw.replace(/[\s\u3000]/g, '');
  if (/^[0-9A-Za-z]{1,40}$/.test(text)) return text.toUpperCase();
  const numeric = /^\d(\.\d+)?e\+\d+$/i.test(text);
  errors.push({
    field: 'eTicketNo',
    zh: `“${raw}”应为 1–40 位数字或字母${numeric ? '；该列在表格中是数字格式，末尾的数字已丢失，请设为文本格式后重新填写' : ''}`,
    en: `"${raw}" must be 1 to 40 digits or letters${numeric ? '; the spreadsheet turned it into a number and lost digits: format the column as text and type it again' : ''}`,
  });
  return undefined;
}

/** Reads one row's cells; every bad cell is named, with its reason in Chinese and English. */
export function readTaxRow(cells: TaxCells): ReadTaxRow {
  const errors: TaxCellError[] = [];
  const read = cellReader(cells, errors);
  const { required } = read;

  const usccCell = required('uscc');
  const payer = usccCell === undefined ? undefined : read.payerUscc(usccCell, 'uscc');
  const uscc = payer?.uscc;
  const usccCheckWarning = payer?.checkWarning ?? false;

  const nameCell = required('taxpayerName');
  const taxpayerName = nameCell === undefined ? undefined : read.text(nameCell, 'taxpayerName');
  const fromCell = required('periodFrom');
  const periodFrom = fromCell === undefined ? undefined : read.date(fromCell, 'periodFrom');
  const toCell = required('periodTo');
  const periodTo = toCell === undefined ? undefined : read.date(toCell, 'periodTo');
  if (periodFrom !== undefined && periodTo !== undefined && periodTo < periodFrom)
    errors.push({
      field: 'periodTo',
      zh: `${periodTo} 早于税款所属期起 ${periodFrom}`,
      en: `${periodTo} is before the start of the period, ${periodFrom}`,
    });
  const baseCell = required('wageBase');
  const wageBase = baseCell === undefined ? undefined : read.yuan(baseCell, 'wageBase');
  const rateCell = required('rate');
  const rateBp = rateCell === undefined ? undefined : readRate(rateCell, errors);
  const paidCell = required('paid');
  const paid = paidCell === undefined ? undefined : read.yuan(paidCell, 'paid');
  const ticketCell = cells.eTicketNo?.trim() || undefined;
  if (ticketCell === undefined)
    errors.push({
      field: 'eTicketNo',
      zh: '不能为空（每行须有电子税票号码）',
      en: 'is missing (every row needs its e-ticket number)',
    });
  const eTicketNo = ticketCell === undefined ? undefined : readTicket(ticketCell, errors);
  const officeCell = required('taxOfficeName');
  const taxOfficeName = officeCell === undefined ? undefined : read.text(officeCell, 'taxOfficeName');
  const treasuryCell = required('treasuryDate');
  const treasuryDate = treasuryCell === undefined ? undefined : read.date(treasuryCell, 'treasuryDate');
  const regionCell = required('regionCode');
  const regionCode = regionCell === undefined ? undefined : read.regionCode(regionCell, 'regionCode');

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    row: {
      uscc: uscc!,
      usccCheckWarning,
      taxpayerName: taxpayerName!,
      periodFrom: periodFrom!,
      periodTo: periodTo!,
      wageBase: wageBase!.text,
      wageBaseFen: wageBase!.fen,
      rate: rateCell!,
      rateBp: rateBp!,
      paid: paid!.text,
      paidFen: paid!.fen,
      eTicketNo: eTicketNo!,
      taxOfficeName: taxOfficeName!,
      treasuryDate: treasuryDate!,
      regionCode: regionCode!,
    },
  };
}
