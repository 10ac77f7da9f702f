import { Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StatusTag } from './StationTags';
import type { DashboardTopStation } from './useStationDashboard';

/** The stations with the most visits in the period, each opening its own page. */
export function DashboardTopStations({ rows }: { rows: DashboardTopStation[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<DashboardTopStation> = [
    { title: t('stations.dashboard.rank'), key: 'rank', width: 60, render: (_, __, i) => i + 1 },
    {
      title: t('stations.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Link to={`/stations/${encodeURIComponent(r.code)}`} translate="no">
          {name}
        </Link>
      ),
    },
    { title: t('stations.code'), dataIndex: 'code', render: (v: string) => <span translate="no">{v}</span> },
    { title: t('stations.region'), dataIndex: 'regionName', render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('stations.status'),
      dataIndex: 'status',
      render: (v: DashboardTopStation['status']) => <StatusTag status={v} />,
    },
    { title: t('stations.dashboard.seriesVisits'), dataIndex: 'visits', align: 'right' },
    { title: t('stations.dashboard.seriesWorkers'), dataIndex: 'workers', align: 'right' },
  ];
  return (
    <Card size="small" title={t('stations.dashboard.top')} style={{ marginTop: 16 }}>
      <Table<DashboardTopStation>
        rowKey="code"
        size="small"
        data-testid="dash-top-stations"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('stations.dashboard.noVisits') }}
      />
    </Card>
  );
}
