import {
  Button,
  Card,
  Col,
  Form,
  Input,
  Row,
  Segmented,
  Skeleton,
  Statistic,
  Table,
  type TableColumnsType,
} from 'antd';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../app/api';
import { PageTitle } from '../../app/components/PageTitle';
import { punctuationOf } from '../../app/format';
import { textOf } from '../../app/i18n';
import { claimLabel, langOf, money, tenThousandYuan } from './labels';
import './i18n';
import '../employers/i18n';
import type { StatRow } from './types';
import { DIMENSIONS, useStats, type Dimension, type Range } from './useStats';

const StatsChart = lazy(() => import('./StatsChart'));

/** Received, succeeded, success rate, amount settled and days to close, by one dimension. */
export default function StatsPage() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { dimension: chosen, setDimension, range, setRange, data, loading } = useStats();
  // Rows are labelled by the dimension they were counted by (the previous ones stay shown while the next load).
  const dimension = data?.dimension ?? chosen;

  // Sector and claim-type rows carry codes; show them in the page's language.
  const rowLabel = (r: StatRow) => {
    if (dimension === 'sector' && r.key) return textOf(`employers.industries.${r.key}`, r.label ?? r.key);
    if (dimension === 'claim_type' && r.key) return claimLabel(r.key, lang);
    return r.label ?? r.key ?? t('disputes.stats.unassigned');
  };
  const days = (v: number | null) => (v === null ? t('common.none') : t('disputes.stats.days', { n: v }));
  const columns: TableColumnsType<StatRow> = [
    { title: t(`disputes.stats.dimensions.${dimension}`), key: 'label', render: (_, r) => rowLabel(r) },
    { title: t('disputes.stats.received'), dataIndex: 'received', align: 'right' },
    { title: t('disputes.stats.succeeded'), dataIndex: 'succeeded', align: 'right' },
    { title: t('disputes.stats.failed'), dataIndex: 'failed', align: 'right' },
    {
      title: t('disputes.stats.successRate'),
      dataIndex: 'successRate',
      align: 'right',
      render: (v: number | null) => (v === null ? t('common.none') : `${v}%`),
    },
    {
      title: t('disputes.stats.settled'),
      dataIndex: 'settledFen',
      align: 'right',
      render: (v: number) => money(v, lang),
    },
    { title: t('disputes.stats.avgAgreement'), dataIndex: 'avgDaysToAgreement', align: 'right', render: days },
    { title: t('disputes.stats.avgRuling'), dataIndex: 'avgDaysToRuling', align: 'right', render: days },
  ];
  const tot = data?.totals;

  return (
    <>
      <PageTitle
        title={t('disputes.stats.title')}
        extra={
          <Button href={withQuery('/api/disputes/stats.xlsx', range)} data-testid="stats-export">
            {t('disputes.stats.export')}
          </Button>
        }
      />
      <Form<Range>
        layout="inline"
        onFinish={(v) => setRange({ from: v.from || undefined, to: v.to || undefined })}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="from" label={t('disputes.stats.from')}>
          <Input type="date" data-testid="stats-from" />
        </Form.Item>
        <Form.Item name="to" label={t('disputes.stats.to')}>
          <Input type="date" data-testid="stats-to" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      {!tot ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]} data-testid="stats-totals">
          <Col xs={12} md={8} xl={4}>
            <Card>
              <Statistic title={t('disputes.stats.received')} value={tot.received} data-testid="stat-received" />
            </Card>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Card>
              <Statistic title={t('disputes.stats.succeeded')} value={tot.succeeded} data-testid="stat-succeeded" />
            </Card>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Card>
              <Statistic
                title={t('disputes.stats.successRate')}
                value={tot.successRate ?? '—'}
                suffix={tot.successRate === null ? undefined : '%'}
              />
            </Card>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Card>
              <Statistic
                title={t('disputes.stats.settled')}
                value={tenThousandYuan(tot.settledFen)}
                suffix={t('disputes.stats.wan')}
                data-testid="stat-settled"
              />
              <div style={{ color: '#595959', fontSize: 12 }}>{money(tot.settledFen, lang)}</div>
            </Card>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Card>
              <Statistic title={t('disputes.stats.avgAgreement')} value={days(tot.avgDaysToAgreement)} />
              <div style={{ color: '#595959', fontSize: 12 }}>
                {t('disputes.stats.avgRuling')}
                {punctuationOf(lang).colon}
                {days(tot.avgDaysToRuling)}
              </div>
            </Card>
          </Col>
        </Row>
      )}
      <Card
        style={{ marginTop: 16 }}
        title={
          <Segmented<Dimension>
            value={chosen}
            onChange={setDimension}
            options={DIMENSIONS.map((d) => ({
              value: d,
              label: <span data-testid={`dim-${d}`}>{t(`disputes.stats.dimensions.${d}`)}</span>,
            }))}
          />
        }
        styles={{ header: { overflowX: 'auto' } }}
      >
        {data && data.rows.length > 0 && (
          <Suspense fallback={<Skeleton active />}>
            <StatsChart labels={data.rows.map(rowLabel)} rows={data.rows} lang={lang} />
          </Suspense>
        )}
        <Table<StatRow>
          rowKey={(r) => r.key ?? 'none'}
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.rows ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="stats-table"
        />
      </Card>
    </>
  );
}
