import {
  Card,
  Col,
  DatePicker,
  Form,
  Row,
  Skeleton,
  Spin,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../app/components/PageTitle';
import { RegionPicker } from '../../../app/components/RegionPicker';
import './i18n';
import { useMembershipReport, type MembershipReport } from './useMembershipReport';

const ReportCharts = lazy(() => import('./ReportCharts'));

type Area = MembershipReport['byArea'][number];
const FIGURES = ['organizations', 'members', 'insured', 'coveredNow', 'recommended'] as const;

/**
 * /membership/reports: the program's figures for a prefecture (the seed's Haixi: unions built,
 * members, workers insured, people recommended), as of a day, by area and month by month.
 */
export default function ReportsPage() {
  const { t, i18n } = useTranslation();
  const r = useMembershipReport();
  const d = r.report;
  const number = (n: number) => n.toLocaleString(i18n.language.startsWith('en') ? 'en' : 'zh-CN');
  const columns: TableColumnsType<Area> = [
    { title: t('membershipReports.area'), dataIndex: 'regionName' },
    ...FIGURES.map((key) => ({
      title: t(`membershipReports.${key}`),
      dataIndex: key,
      align: 'right' as const,
      render: (n: number) => number(n),
    })),
  ];
  return (
    <div data-testid="membership-reports">
      <PageTitle title={d ? `${t('membershipReports.title')} · ${d.regionName}` : t('membershipReports.title')} />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('membershipReports.region')}>
          <RegionPicker value={r.regionCode} onChange={r.setRegionCode} />
        </Form.Item>
        <Form.Item label={t('membershipReports.asOf')}>
          <DatePicker
            allowClear
            value={r.asOf ? dayjs(r.asOf) : null}
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            onChange={(day) => r.setAsOf(day ? day.format('YYYY-MM-DD') : null)}
            data-testid="membership-reports-asof"
          />
        </Form.Item>
      </Form>
      {!d ? (
        <Skeleton active />
      ) : (
        <Spin spinning={r.loading} delay={200}>
          <Row gutter={[16, 16]}>
            {FIGURES.map((key) => (
              <Col xs={12} md={8} xl={4} key={key}>
                <Card size="small">
                  <Statistic
                    title={t(`membershipReports.${key}`)}
                    value={d.totals[key]}
                    formatter={(v) => <span data-testid={`membership-total-${key}`}>{number(Number(v))}</span>}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('membershipReports.note')} {d.asOf}
          </Typography.Paragraph>
          <Suspense fallback={<Skeleton active />}>
            <ReportCharts report={d} />
          </Suspense>
          <Card title={t('membershipReports.byArea')} size="small" style={{ marginTop: 16 }}>
            <Table<Area>
              rowKey="regionCode"
              size="small"
              columns={columns}
              dataSource={d.byArea}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('membershipReports.none') }}
              data-testid="membership-areas"
            />
          </Card>
        </Spin>
      )}
    </div>
  );
}
