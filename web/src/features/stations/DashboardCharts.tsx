import { Card, Col, Empty, Row } from 'antd';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { OCCUPATION_LABELS } from '../../../../contracts/stations/codes';
import { codeText } from './labels';
import type { StationDashboard } from './useStationDashboard';

// Only what bar, line and pie charts need, so this lazily loaded chunk stays small.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const RED = '#c62828';
const BLUE = '#1565c0';
const grid = { left: 8, right: 8, top: 36, bottom: 8, containLabel: true };
/** "12-07" for a day of the period: the year is in the pickers above. */
const shortDay = (day: string) => day.slice(5);

function Chart({ option, height = 260 }: { option: object; height?: number }) {
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />;
}

/** The period's visits per day and per hour of day, the visitors' occupations, and the alarms. */
export default function DashboardCharts({ figures: d }: { figures: StationDashboard }) {
  const { t, i18n } = useTranslation();
  const days = d.visitsByDay.map((x) => shortDay(x.day));
  const perDay = {
    color: [RED, BLUE],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: days, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('stations.dashboard.seriesVisits'),
        type: 'bar',
        data: d.visitsByDay.map((x) => x.visits),
        barMaxWidth: 18,
      },
      {
        name: t('stations.dashboard.seriesWorkers'),
        type: 'line',
        data: d.visitsByDay.map((x) => x.workers),
        symbolSize: 4,
      },
    ],
  };
  const perHour = {
    color: [RED],
    tooltip: { trigger: 'axis' },
    grid: { ...grid, top: 16 },
    xAxis: {
      type: 'category',
      data: d.visitsByHour.map((h) => t('stations.dashboard.hourLabel', { hour: h.hour })),
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('stations.dashboard.seriesVisits'),
        type: 'bar',
        data: d.visitsByHour.map((h) => h.visits),
        barMaxWidth: 14,
      },
    ],
  };
  const occupations = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        name: t('stations.dashboard.occupations'),
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        // Inside the ring: a label outside it is cut short on a phone.
        label: { position: 'inside', formatter: '{d}%', color: '#fff' },
        data: d.occupations.map((o) => ({
          name: codeText(OCCUPATION_LABELS, o.occupation, i18n.language),
          value: o.visits,
        })),
      },
    ],
  };
  const alarmsPerDay = {
    color: [RED],
    tooltip: { trigger: 'axis' },
    grid: { ...grid, top: 16 },
    xAxis: { type: 'category', data: d.alarms.byDay.map((x) => shortDay(x.day)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('stations.dashboard.seriesRaised'),
        type: 'bar',
        data: d.alarms.byDay.map((x) => x.raised),
        barMaxWidth: 18,
      },
    ],
  };
  const alarmsByKind = {
    color: [RED, BLUE],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: d.alarms.byKind.map((k) => t(`stations.alarms.kinds.${k.kind}`)),
    },
    series: [
      {
        name: t('stations.dashboard.seriesRaised'),
        type: 'bar',
        data: d.alarms.byKind.map((k) => k.raised),
        barMaxWidth: 14,
      },
      {
        name: t('stations.dashboard.seriesOpen'),
        type: 'bar',
        data: d.alarms.byKind.map((k) => k.openNow),
        barMaxWidth: 14,
      },
    ],
  };
  const noVisits = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stations.dashboard.noVisits')} />;
  const noAlarms = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stations.dashboard.noAlarms')} />;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={16}>
        <Card size="small" title={t('stations.dashboard.visitsPerDay')} data-testid="dash-visits-chart">
          {d.visits.total ? <Chart option={perDay} /> : noVisits}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={t('stations.dashboard.occupations')}>
          {d.occupations.length ? <Chart option={occupations} /> : noVisits}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('stations.dashboard.visitsPerHour')}>
          {d.visits.total ? <Chart option={perHour} /> : noVisits}
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card size="small" title={t('stations.dashboard.alarmsPerDay')}>
          {d.alarms.raised ? <Chart option={alarmsPerDay} height={220} /> : noAlarms}
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card size="small" title={t('stations.dashboard.alarmsByKind')}>
          {d.alarms.byKind.length ? <Chart option={alarmsByKind} height={220} /> : noAlarms}
        </Card>
      </Col>
    </Row>
  );
}
