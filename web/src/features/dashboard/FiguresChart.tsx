import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Only the pieces the bar chart needs, so the chart chunk stays small.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface ChartFigure {
  label: string;
  value: number;
  /** A sum of money (a figure with a unit), not a count: it goes on the right-hand axis. */
  amount: boolean;
}

/**
 * The headline figures as bars: counts on the left axis, sums of money on their own axis on the
 * right, so that an amount in the millions does not flatten the counts beside it. '-' leaves a
 * figure out of the series it does not belong to.
 */
export default function FiguresChart({
  figures,
  countAxis,
  amountAxis,
}: {
  figures: ChartFigure[];
  countAxis: string;
  amountAxis: string;
}) {
  const anyAmount = figures.some((f) => f.amount);
  const option = {
    color: ['#c62828', '#1565c0'],
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: figures.map((f) => f.label), axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: [
      { type: 'value', name: countAxis, minInterval: 1 },
      ...(anyAmount ? [{ type: 'value', name: amountAxis, splitLine: { show: false } }] : []),
    ],
    series: [
      {
        name: countAxis,
        type: 'bar',
        data: figures.map((f) => (f.amount ? '-' : f.value)),
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
      },
      ...(anyAmount
        ? [
            {
              name: amountAxis,
              type: 'bar',
              yAxisIndex: 1,
              // Over the count series' empty slot: one bar per category, centred.
              barGap: '-100%',
              data: figures.map((f) => (f.amount ? f.value : '-')),
              barMaxWidth: 48,
              label: { show: true, position: 'top' },
            },
          ]
        : []),
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 300, width: '100%' }} />;
}
