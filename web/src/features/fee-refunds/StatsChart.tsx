import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { FeeStatsRow } from './types';

// Only what a bar chart needs, so this lazily loaded chunk stays small.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** The return rate by count and by amount of each child region, in %; a bar opens its region. */
export default function StatsChart({ rows, onOpen }: { rows: FeeStatsRow[]; onOpen: (row: FeeStatsRow) => void }) {
  const { t } = useTranslation();
  const option = {
    color: ['#c62828', '#1565c0'],
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.regionName),
      axisLabel: { interval: 0, hideOverlap: true, rotate: rows.length > 8 ? 30 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 100, name: '%' },
    series: [
      {
        name: t('feeRefunds.stats.rateByCount'),
        type: 'bar',
        data: rows.map((r) => percent(r.rateByCount)),
        barMaxWidth: 28,
      },
      {
        name: t('feeRefunds.stats.rateByAmount'),
        type: 'bar',
        data: rows.map((r) => percent(r.rateByAmount)),
        barMaxWidth: 28,
      },
    ],
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: 300, width: '100%' }}
      onEvents={{
        click: (e: { dataIndex: number }) => {
          const row = rows[e.dataIndex];
          if (row) onOpen(row);
        },
      }}
    />
  );
}
