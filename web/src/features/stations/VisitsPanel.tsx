import { Card, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENTRY_METHOD_LABELS, OCCUPATION_LABELS } from '../../../../contracts/stations/codes';
import { formatDateTime } from '../../app/format';
import { codeText } from './labels';
import type { Visit } from './types';
import type { StationState } from './useStation';

/** Who came in, newest first, paged on the server and asked again every 5 seconds. */
export function VisitsPanel({ s }: { s: StationState }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns: TableColumnsType<Visit> = [
    {
      title: t('stations.visits.time'),
      dataIndex: 'occurredAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('stations.visits.worker'),
      dataIndex: 'workerName',
      width: 120,
      render: (v: string) => <span translate="no">{v}</span>,
    },
    {
      title: t('stations.visits.occupation'),
      dataIndex: 'occupation',
      width: 150,
      render: (v: Visit['occupation']) => codeText(OCCUPATION_LABELS, v, lang),
    },
    {
      title: t('stations.visits.method'),
      dataIndex: 'method',
      width: 100,
      render: (v: Visit['method']) => codeText(ENTRY_METHOD_LABELS, v, lang),
    },
    {
      title: t('stations.visits.device'),
      dataIndex: 'deviceSerial',
      width: 160,
      render: (v: string | null) => (v ? <span style={{ fontFamily: 'monospace' }}>{v}</span> : t('common.none')),
    },
  ];
  return (
    <Card
      title={t('stations.visits.title')}
      extra={<Typography.Text type="secondary">{t('stations.visits.live')}</Typography.Text>}
    >
      <Table<Visit>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={s.visits}
        loading={s.visitsLoading}
        pagination={s.visitPaging}
        scroll={{ x: 680 }}
        locale={{ emptyText: t('stations.visits.empty') }}
        data-testid="station-visits"
      />
    </Card>
  );
}
