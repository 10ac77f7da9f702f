import { Form, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../../app/components/ListPage';
import { RegionPicker } from '../../app/components/RegionPicker';
import './i18n';
import { COURTS_API } from './queryKeys';
import type { Court, CourtFilter } from './types';

/** Courts in the user's scope, read-only. The API answers every court at once (they are few): the table pages them. */
export default function CourtsPage() {
  const { t } = useTranslation();

  const columns: TableColumnsType<Court> = [
    { title: t('courts.name'), dataIndex: 'name' },
    { title: t('courts.code'), dataIndex: 'code', width: 120 },
    {
      title: t('courts.level'),
      dataIndex: 'level',
      width: 100,
      render: (v: Court['level']) => <Tag>{t(`courts.levels.${v}`)}</Tag>,
    },
    { title: t('courts.region'), dataIndex: 'regionName', render: (v: string | null, r) => v ?? r.regionCode },
    { title: t('courts.address'), dataIndex: 'address', render: (v: string | null) => v ?? t('common.none') },
  ];

  return (
    <ListPage<Court, CourtFilter>
      title={t('courts.title')}
      path={COURTS_API}
      paging={{ paging: 'client' }}
      columns={columns}
      filters={
        <Form.Item name="regionCode" style={{ width: 260 }}>
          <RegionPicker />
        </Form.Item>
      }
      table={{ testId: 'courts-table', scrollX: 720 }}
    />
  );
}
