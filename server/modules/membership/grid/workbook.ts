import ExcelJS from 'exceljs';
import { AREA_KIND_LABELS } from '../../../../contracts/membership/codes.js';
import type { Figures, GridFigures } from '../../../../contracts/membership/grid.js';
import type { Download } from '../../../core/attachment.js';
import { neutraliseCell } from '../../../core/spreadsheet-safety.js';
import { XLSX_MIME } from '../../imports/workbooks.js';

type Cell = string | number | null;

/** A column: its Chinese header, its English one (the second header row), its width, a number format. */
interface Column {
  zh: string;
  en: string;
  width: number;
  format?: string;
}

const PERCENT = '0.0%';

/** The figure columns every sheet ends with, in the order of `figureCells`. */
const FIGURE_COLUMNS: Column[] = [
  { zh: '走访次数', en: 'Visits', width: 10 },
  { zh: '走访人数', en: 'Workers met', width: 12 },
  { zh: '入会申请', en: 'Applications', width: 12 },
  { zh: '新入会', en: 'Joined', width: 10 },
  { zh: '其中已参保', en: 'Insured', width: 12 },
  { zh: '入会率', en: 'Join rate', width: 10, format: PERCENT },
  { zh: '参保率', en: 'Insured rate', width: 12, format: PERCENT },
];

const figureCells = (f: Figures): Cell[] => [
  f.visits,
  f.workersMet,
  f.applications,
  f.joined,
  f.insured,
  f.joinRate,
  f.insuredRate,
];

/**
 * One sheet: its title, the region, period and time made (a printed sheet says it of itself), the
 * Chinese and English header rows, the rows with text neutralised, and the total in bold.
 */
function addSheet(
  book: ExcelJS.Workbook,
  name: string,
  title: string,
  heading: string[],
  columns: Column[],
  rows: Cell[][],
  total?: Cell[],
) {
  const sheet = book.addWorksheet(name);
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.addRow([neutraliseCell(title)]).font = { bold: true, size: 14 };
  for (const line of heading) sheet.addRow([neutraliseCell(line)]);
  sheet.addRow([]);
  sheet.addRow(columns.map((c) => c.zh)).font = { bold: true };
  const english = sheet.addRow(columns.map((c) => c.en));
  english.font = { italic: true, color: { argb: 'FFBBBBBB' } };
  sheet.views = [{ state: 'frozen', ySplit: english.number }];
  const body = [...rows.map((r) => ({ r, bold: false })), ...(total ? [{ r: total, bold: true }] : [])];
  for (const { r, bold } of body) {
    const row = sheet.addRow(r.map(neutraliseCell));
    if (bold) row.font = { bold: true };
    columns.forEach((c, i) => {
      if (c.format) row.getCell(i + 1).numFmt = c.format;
    });
  }
}

/** The league table of organisers and the board of areas, one sheet each. */
export async function gridWorkbook(f: GridFigures, generatedAt: string): Promise<Download> {
  const book = new ExcelJS.Workbook();
  book.creator = '一站 Yizhan';
  const period = `${f.from} 至 ${f.to}`;
  const heading = [
    `地区 Region：${f.regionName}`,
    `统计期间 Period：${period}（北京时间 China time）`,
    `生成时间 Made：${generatedAt}（北京时间）`,
  ];
  addSheet(
    book,
    '组织员排行 Organisers',
    `${f.regionName}组织员入会工作排行（${period}）`,
    heading,
    [
      { zh: '名次', en: 'Rank', width: 8 },
      { zh: '组织员代码', en: 'Code', width: 14 },
      { zh: '组织员', en: 'Organiser', width: 14 },
      { zh: '所属工会', en: 'Union', width: 28 },
      ...FIGURE_COLUMNS,
    ],
    f.organisers.map((o) => [o.rank, o.code, o.name, o.organizationName, ...figureCells(o)]),
    ['合计 Total', null, null, null, ...figureCells(f.totals)],
  );
  addSheet(
    book,
    '网格 Areas',
    `${f.regionName}网格入会工作（${period}）`,
    heading,
    [
      { zh: '网格', en: 'Area', width: 24 },
      { zh: '类型', en: 'Kind', width: 14 },
      { zh: '负责组织员', en: 'Organiser', width: 14 },
      ...FIGURE_COLUMNS,
    ],
    f.areas.map((a) => [a.name, AREA_KIND_LABELS[a.kind].zh, a.organiserName, ...figureCells(a)]),
  );
  return {
    content: Buffer.from(await book.xlsx.writeBuffer()),
    mime: XLSX_MIME,
    filename: `${f.regionName}入会网格数据（${f.from}至${f.to}）.xlsx`,
  };
}
