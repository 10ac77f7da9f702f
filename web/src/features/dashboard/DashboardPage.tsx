import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DashboardFigure } from '../../../../contracts/dashboard';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { PageTitle } from '../../app/components/PageTitle';
import { useApiQuery } from '../../app/query';
import './i18n';
import { dashboardKeys } from './queryKeys';

const FiguresChart = lazy(() => import('./FiguresChart'));

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const en = i18n.language === 'en';
  const loaded = useApiQuery(dashboardKeys.figures, () => api.get<Dashboard>('/api/dashboard').then((d) => d.figures));
  // A failed load shows no figures beside its error message, rather than a skeleton for ever.
  const figures = loaded.data ?? (loaded.isError ? [] : null);

  const label = (f: DashboardFigure) => (en ? f.labelEn : f.label);
  return (
    <>
      <PageTitle
        title={t('dashboard.title')}
        extra={
          <span style={{ color: '#595959' }}>
            {t('dashboard.scope', { region: me.regionName ?? t('dashboard.national') })}
          </span>
        }
      />
      {!figures ? (
        <Skeleton active />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {figures.map((f) => (
              <Col key={f.key} xs={12} md={8} xl={6}>
                <Card data-testid={`figure-${f.key}`}>
                  <Statistic title={label(f)} value={f.value} suffix={f.unit} />
                </Card>
              </Col>
            ))}
          </Row>
          {figures.length > 0 && (
            <Card title={t('dashboard.chart')} style={{ marginTop: 16 }}>
              <Suspense fallback={<Skeleton active />}>
                <FiguresChart labels={figures.map(label)} values={figures.map((f) => f.value)} />
              </Suspense>
            </Card>
          )}
        </>
      )}
    </>
  );
}
