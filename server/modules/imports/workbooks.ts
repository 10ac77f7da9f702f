import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Download } from '../../core/attachment.js';
import type { Deps } from '../../core/deps.js';
import { neutraliseCell } from '../../core/spreadsheet-safety.js';
import type { AnyImportKind } from './define.js';
import { mapHeaders } from './rows.js';
import { importRepo, type ImportRow } from './repository.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file to download: a buffer, or a stream written while it is sent. */

/** The kind's empty workbook: its header row, every column kept as text (codes keep leading zeros). */
export async function templateWorkbook(kind: AnyImportKind): Promise<Download> {
  const book = new ExcelJS.Workbook();
  book.creator = '一站 Yizhan';
  const sheet = book.addWorksheet(kind.title.zh);
  sheet.columns = kind.columns.map((c) => ({ header: c.headers[0], key: c.key, width: 22, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  return {
    content: Buffer.from(await book.xlsx.writeBuffer()),
    mime: XLSX_MIME,
    filename: `${kind.title.zh}导入模板.xlsx`,
  };
}

/**
 * The rejected rows as an XLSX, written row by row while it is sent: row number, field, reason
 * in Chinese and English, then the row's cells as they were in the file. Every text cell is
 * neutralised: the file repeats what someone uploaded.
 */
export function rejectedWorkbook(deps: Deps, row: ImportRow, kind: AnyImportKind): Download {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = book.addWorksheet('未导入的行 Rejected');
  const label = (field: string | null) => {
    const column = kind.columns.find((c) => c.key === field);
    return column ? `${column.headers[0]} ${column.headers[1] ?? ''}`.trim() : (field ?? '');
  };
  // A duplicate found after staging kept its parsed values, not its cells: put them back in place.
  const columns = mapHeaders(kind, row.headers).index;
  const cellsOf = (r: { cells: string[] | null; data: Record<string, unknown> | null }) => {
    if (r.cells) return r.cells;
    const cells = row.headers.map(() => '');
    for (const [key, i] of columns) cells[i] = r.data?.[key] === undefined ? '' : String(r.data[key]);
    return cells;
  };
  const write = async () => {
    sheet.addRow(['行号 Row', '字段 Field', '原因', 'Reason', ...row.headers].map(neutraliseCell)).commit();
    for (let after = 0; ;) {
      const batch = await importRepo.rejectedRows(deps.db, row.id, after, 1000);
      if (!batch.length) break;
      after = batch[batch.length - 1]!.rowNo;
      for (const r of batch)
        for (const e of r.errors ?? [])
          sheet.addRow([r.rowNo, label(e.field), e.zh, e.en, ...cellsOf(r)].map(neutraliseCell)).commit();
    }
    sheet.commit();
    await book.commit();
  };
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  const base = row.filename.replace(/\.(csv|xlsx)$/i, '');
  return { content: out, mime: XLSX_MIME, filename: `${base}-未导入的行.xlsx` };
}
