import { Card, Col, Row } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { MembershipReport } from './useMembershipReport';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const grid = { left: 8, right: 8, top: 36, bottom: 8, containLabel: true };

function Chart({ option, testId }: { option: object; testId: string }) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 280, width: '100%' }} />
    </div>
  );
}

/** Members joined and left, workers newly insured and recommendations per month; members and insured by area. */
export default function ReportCharts({ report }: { report: MembershipReport }) {
  const { t } = useTranslation();
  const monthly = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'category', data: report.monthly.map((m) => m.month) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: t('membershipReports.joined'), type: 'bar', data: report.monthly.map((m) => m.joined), barMaxWidth: 16 },
      { name: t('membershipReports.left'), type: 'bar', data: report.monthly.map((m) => m.left), barMaxWidth: 16 },
      {
        name: t('membershipReports.recommendedMonthly'),
        type: 'bar',
        data: report.monthly.map((m) => m.recommended),
        barMaxWidth: 16,
      },
      {
        name: t('membershipReports.newlyInsured'),
        type: 'line',
        yAxisIndex: 1,
        data: report.monthly.map((m) => m.insured),
      },
    ],
  };
  const byArea = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: {
      type: 'category',
      data: report.byArea.map((a) => a.regionName.replace(report.regionName, '') || a.regionName),
    },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: t('membershipReports.members'), type: 'bar', data: report.byArea.map((a) => a.members), barMaxWidth: 24 },
      {
        name: t('membershipReports.insured'),
        type: 'bar',
        yAxisIndex: 1,
        data: report.byArea.map((a) => a.insured),
        barMaxWidth: 24,
      },
    ],
  };
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} lg={12}>
        <Card title={t('membershipReports.monthly')} size="small">
          <Chart option={monthly} testId="membership-chart-monthly" />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('membershipReports.byArea')} size="small">
          <Chart option={byArea} testId="membership-chart-areas" />
        </Card>
      </Col>
    </Row>
  );
}
