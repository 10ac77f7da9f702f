import { PeriodFilter } from '../../app/components/PeriodFilter';
import { RegionPicker } from '../../app/components/RegionPicker';
import { Button, Skeleton, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../app/components/PageTitle';
import './i18n';
import { DashboardFigures } from './DashboardFigures';
import { DashboardTopStations } from './DashboardTopStations';
import { CoverageSection } from './map/CoverageSection';
import { useStationDashboard } from './useStationDashboard';

const DashboardCharts = lazy(() => import('./DashboardCharts'));

/**
 * /stations/dashboard: the stations of the user's region (or a region within it) over a period —
 * visits per day and hour, by occupation, the stations online, the alarms, the busiest stations —
 * and the same figures as a workbook.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const dash = useStationDashboard();
  const d = dash.figures;
  return (
    <div data-testid="stations-dashboard">
      <PageTitle
        title={d ? `${t('stations.dashboard.title')} · ${d.regionName}` : t('stations.dashboard.title')}
        extra={
          <Button href={dash.xlsxHref} download data-testid="dash-xlsx">
            {t('stations.dashboard.xlsx')}
          </Button>
        }
      />
      <PeriodFilter
        shown={{ from: d?.from, to: d?.to }}
        onPeriod={dash.setPeriod}
        resetLabel={t('stations.dashboard.reset')}
        hint={t('stations.dashboard.periodHint')}
        testIdPrefix="dash"
      >
        <div style={{ width: 260, maxWidth: '100%' }}>
          <RegionPicker
            value={dash.regionCode}
            onChange={dash.setRegionCode}
            placeholder={t('stations.dashboard.ownRegion')}
          />
        </div>
      </PeriodFilter>
      {!d ? (
        <Skeleton active />
      ) : (
        <Spin spinning={dash.loading} delay={200}>
          <DashboardFigures figures={d} />
          <Suspense fallback={<Skeleton active />}>
            <DashboardCharts figures={d} />
          </Suspense>
          <DashboardTopStations rows={d.topStations} />
        </Spin>
      )}
      <CoverageSection regionCode={dash.regionCode} />
    </div>
  );
}
