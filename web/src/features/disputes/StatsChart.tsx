import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { Lang } from './labels';
import type { StatRow } from './types';

// Only what a bar-and-line chart needs, so this lazily loaded chunk stays small.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Received and succeeded as bars, the amount settled (万元) as a line on its own axis. */
export default function StatsChart({ labels, rows, lang }: { labels: string[]; rows: StatRow[]; lang: Lang }) {
  const { t } = useTranslation();
  const wan = (fen: number) => Math.round(fen / 10_000) / 100;
  const option = {
    color: ['#c62828', '#2e7d32', '#1565c0'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { interval: 0, hideOverlap: true, rotate: labels.length > 8 ? 30 : 0 },
    },
    yAxis: [
      { type: 'value', name: t('disputes.stats.cases'), minInterval: 1 },
      { type: 'value', name: lang === 'en' ? '¥10k' : '万元', splitLine: { show: false } },
    ],
    series: [
      { name: t('disputes.stats.received'), type: 'bar', data: rows.map((r) => r.received), barMaxWidth: 36 },
      { name: t('disputes.stats.succeeded'), type: 'bar', data: rows.map((r) => r.succeeded), barMaxWidth: 36 },
      {
        name: t('disputes.stats.settledWan'),
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) => wan(r.settledFen)),
        smooth: true,
        showSymbol: true,
        symbolSize: 8,
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 320, width: '100%' }} />;
}
