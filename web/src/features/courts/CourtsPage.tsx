import { Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { PageTitle } from '../../app/components/PageTitle';
import { useShowError } from '../../app/errors';
import { registerStrings } from '../../app/i18n';

registerStrings(
  {
    courts: {
      title: '法院',
      name: '名称',
      code: '法院代码',
      level: '层级',
      region: '所在地区',
      address: '地址',
      levels: { basic: '基层', intermediate: '中级', high: '高级' },
    },
  },
  {
    courts: {
      title: 'Courts',
      name: 'Name',
      code: 'Court code',
      level: 'Level',
      region: 'Region',
      address: 'Address',
      levels: { basic: 'Basic', intermediate: 'Intermediate', high: 'High' },
    },
  },
);

interface Court {
  id: string;
  name: string;
  code: string;
  level: 'basic' | 'intermediate' | 'high';
  regionCode: string;
  regionName: string | null;
  address: string | null;
}

export default function CourtsPage() {
  const { t } = useTranslation();
  const showError = useShowError();
  const [items, setItems] = useState<Court[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    api
      .get<{ items: Court[] }>('/api/courts')
      .then((d) => setItems(d.items))
      .catch(showError)
      .finally(() => setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
    <>
      <PageTitle title={t('courts.title')} />
      <Table<Court>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        scroll={{ x: 720 }}
        pagination={{ showTotal: (total) => t('common.total', { total }) }}
      />
    </>
  );
}
