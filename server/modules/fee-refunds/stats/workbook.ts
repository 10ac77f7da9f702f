import ExcelJS from 'exceljs';
import type { FeeStatsRow } from '../../../../contracts/fee-refunds/stats.js';
import type { Download } from '../../../core/attachment.js';
import { neutraliseCell } from '../../../core/spreadsheet-safety.js';
import { XLSX_MIME } from '../../imports/workbooks.js';

/** A row of the table: a city (indent 0) or one of its counties (indent 1). */
export interface BiweeklyLine {
  row: FeeStatsRow;
  indent: 0 | 1;
}

const YUAN = '#,##0.00';
const PERCENT = '0.0%';

/** The columns of the 双周统计表, in order: header, what the cell holds, its number format. */
const COLUMNS: { header: string; value: (r: FeeStatsRow) => number | string | null; numFmt?: string; width: number }[] =
  [
    { header: '地区', value: (r) => r.regionName, width: 22 },
    { header: '缴费企业数', value: (r) => r.enterprisesPaid, width: 12 },
    { header: '征收金额（元）', value: (r) => r.collectedFen / 100, numFmt: YUAN, width: 16 },
    { header: '应返还企业数', value: (r) => r.enterprisesDue, width: 13 },
    { header: '应返还金额（元）', value: (r) => r.dueFen / 100, numFmt: YUAN, width: 16 },
    { header: '已返还企业数', value: (r) => r.enterprisesRefunded, width: 13 },
    { header: '已返还金额（元）', value: (r) => r.refundedFen / 100, numFmt: YUAN, width: 16 },
    { header: '返还率（按户数）', value: (r) => r.rateByCount, numFmt: PERCENT, width: 15 },
    { header: '返还率（按金额）', value: (r) => r.rateByAmount, numFmt: PERCENT, width: 15 },
    { header: '待返还金额（元）', value: (r) => r.pendingFen / 100, numFmt: YUAN, width: 16 },
    { header: '逾期笔数', value: (r) => r.overdueLines, width: 10 },
    { header: '逾期金额（元）', value: (r) => r.overdueFen / 100, numFmt: YUAN, width: 16 },
  ];

/**
 * The workbook: a title row (region, year, as-of day), the headers, the cities each followed by
 * its counties (indented), the total row. Amounts are yuan numbers (fen / 100 is exact to the
 * displayed 2 decimals), rates fractions shown as percentages, so the sheet can be summed.
 */
export async function biweeklyWorkbook(input: {
  fullName: string;
  year: number;
  asOf: string;
  lines: BiweeklyLine[];
  total: FeeStatsRow;
}): Promise<Download> {
  const book = new ExcelJS.Workbook();
  book.creator = '一站 Yizhan';
  const sheet = book.addWorksheet('双周统计表');
  const title = `${input.fullName}${input.year}年工会经费返还双周统计表（截至${input.asOf}）`;
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  sheet.addRow([neutraliseCell(title)]);
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).alignment = { horizontal: 'center' };
  sheet.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
  const write = (r: FeeStatsRow, indent: number) => {
    const row = sheet.addRow(COLUMNS.map((c) => neutraliseCell(c.value(r))));
    COLUMNS.forEach((c, i) => {
      if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
    });
    row.getCell(1).alignment = { indent };
    return row;
  };
  for (const l of input.lines) write(l.row, l.indent);
  write(input.total, 0).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return {
    content: Buffer.from(await book.xlsx.writeBuffer()),
    mime: XLSX_MIME,
    filename: `${input.fullName}${input.year}年经费返还双周统计表（截至${input.asOf}）.xlsx`,
  };
}
