import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationDashboard } from './useStationDashboard';

function Figure({ title, value, testId, note }: { title: string; value: number; testId?: string; note: ReactNode }) {
  return (
    <Col xs={12} md={6}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} value={value} valueRender={(node) => <span data-testid={testId}>{node}</span>} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      </Card>
    </Col>
  );
}

/** The period's visits, the stations and how many are online now, the alarms open now. */
export function DashboardFigures({ figures: d }: { figures: StationDashboard }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Figure
        title={t('stations.dashboard.visits')}
        value={d.visits.total}
        testId="dash-visits-total"
        note={t('stations.dashboard.workers', { count: d.visits.workers })}
      />
      <Figure
        title={t('stations.dashboard.stations')}
        value={d.stations.total}
        note={t('stations.dashboard.stationsOpen', { count: d.stations.open })}
      />
      <Figure
        title={t('stations.dashboard.online')}
        value={d.stations.online}
        testId="dash-stations-online"
        note={t('stations.dashboard.onlineOf', { count: d.stations.total })}
      />
      <Figure
        title={t('stations.dashboard.alarmsOpen')}
        value={d.alarms.openNow}
        testId="dash-alarms-open"
        note={t('stations.dashboard.alarmsRaised', { count: d.alarms.raised })}
      />
    </Row>
  );
}
