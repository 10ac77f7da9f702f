import type { FeeStats, FeeStatsRow } from '../../../../contracts/fee-refunds/stats.js';
import { heading, p, type Block, type DocumentModel } from '../../../core/documents/model.js';
import { formatYuan } from '../rules/money.js';

/*
 * The quarterly circular (季度通报) and the weekly report (周报) of fee refunds as a document model
 * (DOCX and PDF are drawn by core/documents): the region's figures as of a day, its child regions
 * ranked by the return rate by count, then by amount, then on time. Pure: it states the figures
 * and the ranking, nothing it cannot count.
 */

export type ReportKind = 'quarterly' | 'weekly';

const rate = (r: number | null) => (r === null ? '—' : `${(Math.floor(r * 1000) / 10).toFixed(1)}%`);
const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
};

/** Higher rates first (a region with nothing due last), then the name, so the order is stable. */
export function ranked(rows: readonly FeeStatsRow[]): FeeStatsRow[] {
  const key = (r: number | null) => (r === null ? -1 : r);
  return [...rows].sort(
    (a, b) =>
      key(b.rateByCount) - key(a.rateByCount) ||
      key(b.rateByAmount) - key(a.rateByAmount) ||
      key(b.onTimeRate) - key(a.onTimeRate) ||
      a.regionCode.localeCompare(b.regionCode),
  );
}

export function reportTitle(kind: ReportKind, stats: FeeStats, quarter: number | null): string {
  const who = stats.total.regionName;
  return kind === 'quarterly'
    ? `关于${who}${stats.year}年第${'一二三四'[(quarter ?? 1) - 1]}季度小微企业工会经费返还工作情况的通报`
    : `${who}小微企业工会经费返还工作周报（截至${chineseDate(stats.asOf)}）`;
}

export function refundReport(kind: ReportKind, stats: FeeStats, quarter: number | null): DocumentModel {
  const t = stats.total;
  const title = reportTitle(kind, stats, quarter);
  const order = ranked(stats.rows);
  const below =
    t.rateByCount === null ? [] : order.filter((r) => r.rateByCount !== null && r.rateByCount < t.rateByCount!);
  const blocks: Block[] = [
    { type: 'title', text: title, level: 'document' },
    { type: 'line', text: `统计截至${chineseDate(stats.asOf)}`, align: 'center' },
    heading('一、总体情况'),
    p(
      `${stats.year}年，${t.regionName}共有${t.enterprisesPaid}户企业缴纳工会经费${formatYuan(t.collectedFen)}元。` +
        `按政策应返还企业${t.enterprisesDue}户、${formatYuan(t.dueFen)}元，已返还${t.enterprisesRefunded}户、` +
        `${formatYuan(t.refundedFen)}元，按户数返还率${rate(t.rateByCount)}，按金额返还率${rate(t.rateByAmount)}；` +
        `待返还${formatYuan(t.pendingFen)}元（其中暂存筹备金${formatYuan(t.heldFen)}元），` +
        `逾期未返还${t.overdueLines}笔、${formatYuan(t.overdueFen)}元；按期返还率${rate(t.onTimeRate)}。`,
    ),
    heading('二、各地返还进度排名'),
    {
      type: 'table',
      columns: [
        { header: '排名', width: 1, align: 'center' },
        { header: '地区', width: 3 },
        { header: '应返还企业（户）', width: 2, align: 'right' },
        { header: '已返还企业（户）', width: 2, align: 'right' },
        { header: '按户数返还率', width: 2, align: 'right' },
        { header: '按金额返还率', width: 2, align: 'right' },
        { header: '按期返还率', width: 2, align: 'right' },
        { header: '逾期（笔）', width: 2, align: 'right' },
      ],
      rows: order.map((r, i) => [
        String(i + 1),
        r.regionName,
        String(r.enterprisesDue),
        String(r.enterprisesRefunded),
        rate(r.rateByCount),
        rate(r.rateByAmount),
        rate(r.onTimeRate),
        String(r.overdueLines),
      ]),
      totalRow: [
        '',
        '合计',
        String(t.enterprisesDue),
        String(t.enterprisesRefunded),
        rate(t.rateByCount),
        rate(t.rateByAmount),
        rate(t.onTimeRate),
        String(t.overdueLines),
      ],
    },
    heading('三、工作要求'),
    p(
      below.length
        ? `${below.map((r) => r.regionName).join('、')}按户数返还率低于${t.regionName}平均水平，请抓紧核对未返还企业的账户信息，` +
            '对银行退回的款项及时更正账户后重新发起支付，确保应返尽返。'
        : `各地按户数返还率均不低于${t.regionName}平均水平，请继续做好逾期事项的跟踪办理，确保应返尽返。`,
    ),
    p('每笔返还应在数据到达后一个月内完成；逾期事项请于下期统计前办结。'),
    { type: 'spacer', lines: 2 },
    { type: 'line', text: `${t.regionName}总工会`, align: 'right' },
    { type: 'line', text: chineseDate(stats.asOf), align: 'right' },
  ];
  return { title, subject: '小微企业工会经费返还', blocks, pageNumbers: true };
}
