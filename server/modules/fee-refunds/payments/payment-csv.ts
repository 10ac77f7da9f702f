import { neutraliseCell } from '../../../core/spreadsheet-safety.js';
import { checkPaymentBatch, yuanText, type PaymentBatchFile } from './pain001.js';

/**
 * The refund batch as a CSV for banks whose corporate channel takes a spreadsheet instead of
 * pain.001: one row per payment, the same checks as the XML (a bank rejects a file, not a line).
 *
 * - UTF-8 with a byte-order mark: without it Excel and WPS on a Chinese Windows read the file as
 *   GBK and the names come out garbled.
 * - CRLF line ends and quoting as RFC 4180 (a field with a comma, quote, CR or LF is quoted, its
 *   quotes doubled).
 * - Amounts in yuan with exactly 2 decimals from integer fen ("0.01"), no thousands separator:
 *   a comma would need quoting and some importers read "1,234.00" as two cells.
 * - Names and purpose pass through neutraliseCell: one starting with = + - @ gets a leading
 *   single quote, so a spreadsheet shows it instead of running it.
 */

export const PAYMENT_CSV_HEADER = ['EndToEndId', '收款账号', '收款户名', '收款行号', '金额', '用途'] as const;

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * How account numbers and bank codes are written. A bare "0123456789012345678" is read by Excel as a
 * number: the leading 0 is lost and past 15 digits the rest become zeros, so a re-saved file would
 * pay the wrong account. Quoting does not help (Excel ignores quotes when guessing types).
 *
 * - 'excel-text' (default): ="0123456789", which Excel and WPS show as the text 0123456789. It is
 *   a formula only in form: the content is checked to be digits, so nothing can be injected.
 * - 'plain': the bare digits, for a bank whose importer reads the raw text and would take
 *   ="…" literally; the file must then not be opened and re-saved in a spreadsheet.
 */
export type CsvDigitsStyle = 'excel-text' | 'plain';

export interface PaymentCsvOptions {
  digits?: CsvDigitsStyle;
}

/** RFC 4180: a field is quoted when it holds a comma, a quote or a line break; quotes are doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function digitsCell(digits: string, style: CsvDigitsStyle): string {
  // Only ever called with text checked to be digits (checkPaymentBatch): never a real formula.
  if (!/^\d+$/.test(digits)) throw new RangeError('not digits');
  return style === 'excel-text' ? `="${digits}"` : digits;
}

const textCell = (value: string) => String(neutraliseCell(value));

export function paymentCsv(file: PaymentBatchFile, options: PaymentCsvOptions = {}): string {
  checkPaymentBatch(file);
  const style = options.digits ?? 'excel-text';
  const rows: string[][] = [[...PAYMENT_CSV_HEADER]];
  for (const line of file.instructions) {
    rows.push([
      line.endToEndId,
      digitsCell(line.creditor.accountNo, style),
      textCell(line.creditor.name),
      digitsCell(line.creditor.bankCode, style),
      yuanText(line.amountFen),
      textCell(line.purpose),
    ]);
  }
  return BOM + rows.map((cells) => cells.map(csvField).join(',')).join(CRLF) + CRLF;
}
