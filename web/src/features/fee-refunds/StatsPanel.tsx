import {
  Breadcrumb,
  Button,
  Card,
  Col,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../app/format';
import type { FeeStatsRow } from './types';
import { useFeeStats } from './useFeeStats';

const StatsChart = lazy(() => import('./StatsChart'));

const rateText = (rate: number | null) => (rate === null ? '—' : `${(Math.floor(rate * 1000) / 10).toFixed(1)}%`);

/**
 * The statistics tab: the return rate by count and by amount of the user's region (the figure
 * the seed reports, 99.6 % and 99.9 %), live from the lines' states; its cities, then counties,
 * as bars and a table to drill into; the biweekly workbook of what is shown.
 */
export function StatsPanel() {
  const { t } = useTranslation();
  const s = useFeeStats();
  const total = s.stats?.total;
  const columns = [
    { title: t('feeRefunds.stats.region'), dataIndex: 'regionName', key: 'regionName' },
    {
      title: t('feeRefunds.stats.enterprisesPaid'),
      dataIndex: 'enterprisesPaid',
      key: 'paid',
      align: 'right' as const,
    },
    {
      title: t('feeRefunds.stats.collected'),
      key: 'collected',
      align: 'right' as const,
      render: (r: FeeStatsRow) => formatFen(r.collectedFen),
    },
    { title: t('feeRefunds.stats.enterprisesDue'), dataIndex: 'enterprisesDue', key: 'due', align: 'right' as const },
    {
      title: t('feeRefunds.stats.refunded'),
      key: 'refunded',
      align: 'right' as const,
      render: (r: FeeStatsRow) => formatFen(r.refundedFen),
    },
    {
      title: t('feeRefunds.stats.rateByCount'),
      key: 'rateCount',
      align: 'right' as const,
      render: (r: FeeStatsRow) => <span data-testid={`fee-stats-rate-${r.regionCode}`}>{rateText(r.rateByCount)}</span>,
    },
    {
      title: t('feeRefunds.stats.rateByAmount'),
      key: 'rateAmount',
      align: 'right' as const,
      render: (r: FeeStatsRow) => rateText(r.rateByAmount),
    },
    {
      title: t('feeRefunds.stats.pending'),
      key: 'pending',
      align: 'right' as const,
      render: (r: FeeStatsRow) => formatFen(r.pendingFen),
    },
    {
      title: t('feeRefunds.stats.overdue'),
      key: 'overdue',
      align: 'right' as const,
      render: (r: FeeStatsRow) =>
        r.overdueLines ? <Typography.Text type="danger">{r.overdueLines}</Typography.Text> : 0,
    },
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Breadcrumb
          items={[
            { title: <a onClick={() => s.back(-1)}>{t('feeRefunds.stats.home')}</a> },
            ...s.trail.map((x, i) => ({ title: <a onClick={() => s.back(i)}>{x.name}</a> })),
          ]}
        />
        <InputNumber
          min={2020}
          max={2100}
          value={s.year}
          onChange={(v) => v !== null && s.setYear(v)}
          addonBefore={t('feeRefunds.stats.year')}
          data-testid="fee-stats-year"
        />
        <Button href={s.workbookHref} data-testid="fee-stats-workbook">
          {t('feeRefunds.stats.workbook')}
        </Button>
        <Space.Compact>
          <Select
            value={s.quarter}
            onChange={s.setQuarter}
            style={{ width: 120 }}
            options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('feeRefunds.stats.quarter', { q }) }))}
          />
          <Button href={s.circularHref('pdf')} data-testid="fee-stats-circular">
            {t('feeRefunds.stats.circular')}
          </Button>
          <Button href={s.circularHref('docx')}>DOCX</Button>
        </Space.Compact>
        <Space.Compact>
          <Button href={s.weeklyHref('pdf')} data-testid="fee-stats-weekly">
            {t('feeRefunds.stats.weekly')}
          </Button>
          <Button href={s.weeklyHref('docx')}>DOCX</Button>
        </Space.Compact>
      </Space>
      <Spin spinning={s.loading}>
        <Row gutter={[16, 16]}>
          {[
            ['rateByCount', rateText(total?.rateByCount ?? null)],
            ['rateByAmount', rateText(total?.rateByAmount ?? null)],
            ['collected', total ? formatFen(total.collectedFen) : '—'],
            ['refunded', total ? formatFen(total.refundedFen) : '—'],
            ['pending', total ? formatFen(total.pendingFen) : '—'],
            ['overdue', total ? String(total.overdueLines) : '—'],
          ].map(([key, value]) => (
            <Col key={key} xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic
                  title={t(`feeRefunds.stats.${key as 'rateByCount'}`)}
                  value={value}
                  valueRender={() => <span data-testid={`fee-stats-total-${key}`}>{value}</span>}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </Spin>
      {s.stats && s.stats.rows.length > 0 && (
        <Card size="small" title={t('feeRefunds.stats.chartTitle')}>
          <Suspense fallback={<Spin />}>
            <StatsChart rows={s.stats.rows} onOpen={(r) => s.drill(r.regionCode, r.regionName)} />
          </Suspense>
        </Card>
      )}
      <Table<FeeStatsRow>
        rowKey="regionCode"
        size="small"
        data-testid="fee-stats-rows"
        loading={s.loading}
        dataSource={s.stats?.rows ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ onClick: () => s.drill(r.regionCode, r.regionName), style: { cursor: 'pointer' } })}
      />
    </Space>
  );
}
