import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DashboardFigure } from '../../../../contracts/dashboard';
import { api } from '../../app/api';
import { useApiQuery } from '../../app/query';
import { dashboardKeys } from './queryKeys';

const FiguresChart = lazy(() => import('./FiguresChart'));

/** The headline figures of the caller's region (each module registers its own), and their chart. */
export function Figures() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const loaded = useApiQuery(dashboardKeys.figures, () => api.get<Dashboard>('/api/dashboard').then((d) => d.figures));
  // A failed load shows no figures beside its error message, rather than a skeleton for ever.
  const figures = loaded.data ?? (loaded.isError ? [] : null);

  const label = (f: DashboardFigure) => (en ? f.labelEn : f.label);
  if (!figures) return <Skeleton active />;
  return (
    <>
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={8} xl={6}>
            <Card data-testid={`figure-${f.key}`}>
              <Statistic title={label(f)} value={f.value} suffix={en ? (f.unitEn ?? f.unit) : f.unit} />
            </Card>
          </Col>
        ))}
      </Row>
      {figures.length > 0 && (
        <Card title={t('dashboard.chart')} style={{ marginTop: 16 }}>
          <Suspense fallback={<Skeleton active />}>
            <FiguresChart
              figures={figures.map((f) => ({ label: label(f), value: f.value, amount: f.unit !== undefined }))}
              countAxis={t('dashboard.chartCounts')}
              amountAxis={t('dashboard.chartAmounts')}
            />
          </Suspense>
        </Card>
      )}
    </>
  );
}
