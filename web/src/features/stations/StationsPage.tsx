import { Form, Input, Select, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate } from 'react-router-dom';
import { STATION_STATUSES, STATION_STATUS_LABELS } from '../../../../contracts/stations/codes';
import { useCan } from '../../app/auth';
import { ListPage } from '../../app/components/ListPage';
import { RegionPicker } from '../../app/components/RegionPicker';
import { NotFound } from '../../app/status-pages';
import './i18n';
import { codeText, hoursText } from './labels';
import { stationPage } from './pages';
import { STATIONS_API } from './queryKeys';
import { StationForm } from './StationForm';
import { OpenNowTag, StatusTag } from './StationTags';
import type { StationFilter, StationListItem } from './types';

const StationPage = stationPage.Page;

/** /stations: the region's stations; /stations/:code: one station, its terminals and its visits. */
export default function StationsPage() {
  return (
    <Routes>
      <Route index element={<StationList />} />
      <Route path=":code" element={<StationPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

function StationList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const manage = useCan()('stations:manage');
  const none = t('common.none');

  // A click anywhere on a row's cells opens the station (the action cell keeps its edit link).
  const opens = (row: StationListItem) => ({
    onClick: () => void navigate(`/stations/${encodeURIComponent(row.code)}`),
    style: { cursor: 'pointer' },
  });
  const columns: TableColumnsType<StationListItem> = [
    {
      title: t('stations.code'),
      dataIndex: 'code',
      width: 140,
      render: (code: string) => (
        // A link too, for the keyboard and for opening in a new tab; its click is the row's.
        <Link
          to={`/stations/${encodeURIComponent(code)}`}
          onClick={(e) => e.stopPropagation()}
          style={{ fontFamily: 'monospace' }}
          data-testid="station-link"
        >
          {code}
        </Link>
      ),
    },
    {
      title: t('stations.name'),
      dataIndex: 'name',
      width: 200,
      render: (v: string) => <span translate="no">{v}</span>,
    },
    {
      title: t('stations.region'),
      dataIndex: 'regionName',
      width: 160,
      render: (v: string | null, r) => v ?? r.regionCode,
    },
    { title: t('stations.hours'), key: 'hours', width: 170, render: (_: unknown, r) => hoursText(r, lang) },
    {
      title: t('stations.openNow'),
      dataIndex: 'openNow',
      width: 100,
      render: (v: boolean) => <OpenNowTag open={v} />,
    },
    {
      title: t('stations.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: StationListItem['status']) => <StatusTag status={v} />,
    },
    {
      title: t('stations.facilitiesCount'),
      dataIndex: 'facilities',
      width: 90,
      align: 'right',
      render: (v: StationListItem['facilities']) => v.length || none,
    },
  ];

  return (
    <ListPage<StationListItem, StationFilter>
      title={t('stations.title')}
      path={STATIONS_API}
      columns={columns.map((c) => ({ ...c, onCell: opens }))}
      filters={
        <>
          <Form.Item name="q">
            <Input allowClear placeholder={t('stations.searchPlaceholder')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="status">
            <Select
              allowClear
              placeholder={t('stations.status')}
              style={{ width: 140 }}
              options={STATION_STATUSES.map((s) => ({ value: s, label: codeText(STATION_STATUS_LABELS, s, lang) }))}
            />
          </Form.Item>
          <Form.Item name="regionCode" style={{ width: 260, maxWidth: '100%' }}>
            <RegionPicker placeholder={t('stations.region')} />
          </Form.Item>
        </>
      }
      canEdit={manage}
      editor={{
        createLabel: t('stations.create'),
        createTestId: 'station-create',
        editTestId: 'station-edit',
        render: (target, close) => <StationForm target={target} onClose={close} />,
      }}
      table={{ testId: 'stations-table', scrollX: 1000 }}
    />
  );
}
