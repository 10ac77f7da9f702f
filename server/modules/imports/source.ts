import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import iconv from 'iconv-lite';
import { AppError } from '../../core/errors.js';

// Reading an uploaded file: what it is (by its bytes), how its text is encoded, and its rows
// one at a time, so that a file of millions of rows never sits in memory.

export type ImportFormat = 'csv' | 'xlsx';
export type CsvEncoding = 'utf-8' | 'gb18030';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function unsupported(zh: string, en: string): AppError {
  return new AppError(
    'UNSUPPORTED_MEDIA',
    `${zh}；请上传 CSV 或 XLSX 文件`,
    `${en}; upload a CSV or XLSX file`,
    'file',
  );
}

/**
 * Judges a file by its first bytes: an XLSX workbook, or text that may be CSV. Anything else
 * (an image, a PDF, a zip that is not a workbook, a web page renamed .csv) is refused.
 */
export async function sniffFormat(head: Buffer): Promise<ImportFormat> {
  if (head.length === 0) throw new AppError('VALIDATION', '文件为空', 'The file is empty', 'file');
  const detected = await fileTypeFromBuffer(head);
  if (detected?.mime === XLSX_MIME) return 'xlsx';
  if (detected) {
    throw unsupported(
      `文件内容是 ${detected.ext.toUpperCase()} 格式`,
      `The file's content is ${detected.ext.toUpperCase()}`,
    );
  }
  const sample = head.subarray(0, 64 * 1024);
  // Text has no control bytes besides tab, line feed, carriage return and form feed.
  if (sample.some((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) {
    throw unsupported('文件不是文本格式', 'The file is not text');
  }
  const start = sample
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart();
  if (start.startsWith('<')) throw unsupported('文件内容是网页或 XML', 'The file is a web page or XML');
  return 'csv';
}

/**
 * Decides a CSV's encoding over all of its bytes as they arrive: UTF-8 when every byte forms
 * valid UTF-8 (with or without a BOM), otherwise GB18030 (a superset of GBK, which Chinese
 * government systems export). A strict streaming decoder handles characters cut between chunks.
 */
export class EncodingDetector {
  private decoder: TextDecoder | null = new TextDecoder('utf-8', { fatal: true });

  push(chunk: Buffer): void {
    if (!this.decoder) return;
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.decoder = null;
    }
  }

  finish(): CsvEncoding {
    if (this.decoder) {
      try {
        this.decoder.decode();
        return 'utf-8';
      } catch {
        return 'gb18030';
      }
    }
    return 'gb18030';
  }
}

export interface FileRow {
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  rowNo: number;
  cells: string[];
}

function csvRows(bytes: AsyncIterable<Buffer>, encoding: CsvEncoding): AsyncIterable<string[]> {
  // One stored piece read ahead (not the 16 an object-mode stream would take).
  const input = Readable.from(bytes, { highWaterMark: 1 });
  const options = { relax_column_count: true, skip_empty_lines: false };
  // UTF-8 goes to the parser as bytes: it decodes each field on its own (a character cut between
  // pieces stays whole) and skips the BOM; decoding whole pieces to text first only made garbage.
  if (encoding === 'utf-8') return input.pipe(parse({ ...options, bom: true }));
  // iconv-lite keeps characters cut between chunks whole.
  return input.pipe(iconv.decodeStream(encoding)).pipe(parse(options));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // A number past 2^53 has lost digits in the spreadsheet (a long account number typed into a
  // number cell): its exponent form is refused by every code or amount check, where its digits
  // (String(6222021001123456789) is "6222021001123456800") would pass for a real number.
  if (typeof value === 'number')
    return Number.isSafeInteger(value) || !Number.isInteger(value) ? String(value) : value.toExponential();
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
  if ('text' in value) return String(value.text);
  return '';
}

async function* xlsxRows(bytes: AsyncIterable<Buffer>): AsyncIterable<{ rowNo: number; cells: string[] }> {
  const input = Readable.from(bytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    // The first worksheet only: a workbook's other sheets are notes, lists and lookups.
    for await (const sheet of reader) {
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield { rowNo: row.number, cells: Array.from(values, (v) => cellText(v)) };
      }
      return;
    }
  } finally {
    input.destroy();
  }
}

/** The rows of a file, the header row first; rows with no text at all are skipped (their numbers kept). */
export async function* fileRows(
  bytes: AsyncIterable<Buffer>,
  format: ImportFormat,
  encoding: CsvEncoding | null,
): AsyncIterable<FileRow> {
  try {
    if (format === 'xlsx') {
      for await (const r of xlsxRows(bytes)) if (r.cells.some((c) => c.trim())) yield r;
      return;
    }
    let rowNo = 0;
    for await (const cells of csvRows(bytes, encoding ?? 'utf-8')) {
      rowNo++;
      if (cells.some((c) => c.trim())) yield { rowNo, cells: cells };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const where = (err as { lines?: number }).lines;
    throw new AppError(
      'VALIDATION',
      `文件无法读取${where ? `（约第 ${where} 行）` : ''}：请检查是否为完整的 ${format.toUpperCase()} 文件`,
      `The file cannot be read${where ? ` (near line ${where})` : ''}: check that it is a complete ${format.toUpperCase()} file`,
      'file',
    );
  }
}
