import ExcelJS from 'exceljs';
import { OCCUPATION_LABELS, STATION_STATUS_LABELS } from '../../../../contracts/stations/codes.js';
import type { StationDashboard } from '../../../../contracts/stations/dashboard.js';
import type { Download } from '../../../core/attachment.js';
import { neutraliseCell } from '../../../core/spreadsheet-safety.js';
import { XLSX_MIME } from '../../imports/workbooks.js';
import { ALARM_LABELS } from '../rules/alarms.js';

type Cell = string | number | null;

/** A column: its Chinese header, its English one (the second header row), its width. */
interface Column {
  zh: string;
  en: string;
  width: number;
}

interface Table {
  columns: Column[];
  rows: Cell[][];
  /** The 合计 row, under the others in bold. */
  total?: Cell[];
}

const hourText = (h: number) => `${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00`;

/**
 * One sheet: what it counts, where, over which days and when it was made (a printed sheet says it
 * of itself), then each table with its Chinese header row and its English one, and its total.
 */
function addSheet(book: ExcelJS.Workbook, name: string, title: string, heading: string[], tables: Table[]) {
  const sheet = book.addWorksheet(name);
  const widest = tables.reduce((a, t) => (t.columns.length > a.length ? t.columns : a), [] as Column[]);
  sheet.columns = widest.map((c) => ({ width: c.width }));
  sheet.addRow([neutraliseCell(title)]).font = { bold: true, size: 14 };
  for (const line of heading) sheet.addRow([neutraliseCell(line)]);
  tables.forEach((table, i) => {
    sheet.addRow([]);
    sheet.addRow(table.columns.map((c) => c.zh)).font = { bold: true };
    const english = sheet.addRow(table.columns.map((c) => c.en));
    english.font = { italic: true, color: { argb: 'FF666666' } };
    if (i === 0) sheet.views = [{ state: 'frozen', ySplit: english.number }];
    for (const r of table.rows) sheet.addRow(r.map(neutraliseCell));
    if (table.total) sheet.addRow(table.total.map(neutraliseCell)).font = { bold: true };
  });
}

/** The five sheets of the dashboard: visits per day, by hour, by occupation, top stations, alarms. */
export async function dashboardWorkbook(d: StationDashboard, generatedAt: string): Promise<Download> {
  const book = new ExcelJS.Workbook();
  book.creator = '一站 Yizhan';
  const period = `${d.from} 至 ${d.to}`;
  const heading = [
    `地区 Region：${d.regionName}`,
    `统计期间 Period：${period}（北京时间 China time）`,
    `生成时间 Made：${generatedAt}（北京时间）`,
  ];
  const title = (what: string) => `${d.regionName}驿站${what}（${period}）`;
  const s = d.stations;
  addSheet(
    book,
    '每日到访 Visits per day',
    title('每日到访'),
    [...heading, `站点 Stations：共 ${s.total} 个，运营中 ${s.open} 个，在线 ${s.online} 个`],
    [
      {
        columns: [
          { zh: '日期', en: 'Day', width: 14 },
          { zh: '到访人次', en: 'Visits', width: 12 },
          { zh: '到访人数', en: 'Workers', width: 12 },
        ],
        rows: d.visitsByDay.map((r) => [r.day, r.visits, r.workers]),
        // Workers over the period: a worker who came on two days counts once.
        total: ['合计 Total', d.visits.total, d.visits.workers],
      },
    ],
  );
  addSheet(book, '分时段 By hour', title('分时段到访'), heading, [
    {
      columns: [
        { zh: '时段', en: 'Hour of day', width: 16 },
        { zh: '到访人次', en: 'Visits', width: 12 },
      ],
      rows: d.visitsByHour.map((r) => [hourText(r.hour), r.visits]),
      total: ['合计 Total', d.visits.total],
    },
  ]);
  addSheet(book, '职业 Occupations', title('到访者职业'), heading, [
    {
      columns: [
        { zh: '职业', en: 'Occupation', width: 20 },
        { zh: '到访人次', en: 'Visits', width: 12 },
        { zh: '到访人数', en: 'Workers', width: 12 },
      ],
      rows: d.occupations.map((r) => [OCCUPATION_LABELS[r.occupation].zh, r.visits, r.workers]),
      total: ['合计 Total', d.visits.total, d.visits.workers],
    },
  ]);
  addSheet(book, '站点排行 Top stations', title('到访排行'), heading, [
    {
      columns: [
        { zh: '排名', en: 'Rank', width: 8 },
        { zh: '站点编号', en: 'Code', width: 16 },
        { zh: '站点名称', en: 'Station', width: 28 },
        { zh: '所在地区', en: 'Region', width: 24 },
        { zh: '状态', en: 'Status', width: 10 },
        { zh: '到访人次', en: 'Visits', width: 12 },
        { zh: '到访人数', en: 'Workers', width: 12 },
      ],
      rows: d.topStations.map((r, i) => [
        i + 1,
        r.code,
        r.name,
        r.regionName,
        STATION_STATUS_LABELS[r.status].zh,
        r.visits,
        r.workers,
      ]),
    },
  ]);
  addSheet(
    book,
    '告警 Alarms',
    title('告警'),
    [...heading, `当前未解除 Open now：${d.alarms.openNow}`],
    [
      {
        columns: [
          { zh: '日期', en: 'Day', width: 14 },
          { zh: '新增告警', en: 'Raised', width: 12 },
        ],
        rows: d.alarms.byDay.map((r) => [r.day, r.raised]),
        total: ['合计 Total', d.alarms.raised],
      },
      {
        columns: [
          { zh: '告警类型', en: 'Kind', width: 22 },
          { zh: '期间新增', en: 'Raised', width: 12 },
          { zh: '当前未解除', en: 'Open now', width: 12 },
        ],
        rows: d.alarms.byKind.map((r) => [ALARM_LABELS[r.kind].zh, r.raised, r.openNow]),
        total: ['合计 Total', d.alarms.raised, d.alarms.openNow],
      },
    ],
  );
  return {
    content: Buffer.from(await book.xlsx.writeBuffer()),
    mime: XLSX_MIME,
    filename: `${d.regionName}驿站数据（${d.from}至${d.to}）.xlsx`,
  };
}
