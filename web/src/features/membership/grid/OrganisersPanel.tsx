import { Form, Input, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { ListPage } from '../../../app/components/ListPage';
import { GridTabs } from './GridTabs';
import { OrganiserForm } from './OrganiserForm';
import { ORGANISERS_API, organiserQrHref } from './queryKeys';
import type { Organiser } from './types';

type Filter = { q?: string; active?: 'true' | 'false' };

/** The region's organisers: their codes, unions, accounts and joining links. */
export function OrganisersPanel() {
  const { t } = useTranslation();
  const manage = useCan()('membership:manage');
  const columns: TableColumnsType<Organiser> = [
    {
      title: t('membershipGrid.organisers.code'),
      dataIndex: 'code',
      width: 110,
      render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
    },
    { title: t('membershipGrid.organisers.name'), dataIndex: 'name', width: 120 },
    { title: t('membershipGrid.organisers.organization'), dataIndex: 'organizationName', width: 200 },
    { title: t('membershipGrid.organisers.region'), dataIndex: 'regionName', width: 180 },
    {
      title: t('membershipGrid.organisers.account'),
      dataIndex: 'accountName',
      width: 120,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('membershipGrid.organisers.status'),
      dataIndex: 'active',
      width: 90,
      render: (v: boolean) =>
        v ? (
          <Tag color="green">{t('membershipGrid.organisers.activeYes')}</Tag>
        ) : (
          <Tag>{t('membershipGrid.organisers.activeNo')}</Tag>
        ),
    },
    {
      title: t('membershipGrid.organisers.link'),
      dataIndex: 'joinUrl',
      width: 260,
      render: (url: string | null, r) =>
        url ? (
          <>
            <Typography.Text copyable={{ text: url }} style={{ fontSize: 12 }}>
              {url.replace(/^https?:\/\/[^/]+/, '')}
            </Typography.Text>{' '}
            <a href={organiserQrHref(r.id)} download>
              {t('membershipGrid.organisers.qr')}
            </a>
          </>
        ) : (
          <Typography.Text type="secondary">{t('membershipGrid.organisers.noLink')}</Typography.Text>
        ),
    },
  ];
  return (
    <ListPage<Organiser, Filter>
      title={t('membershipGrid.organisers.title')}
      path={ORGANISERS_API}
      columns={columns}
      notice={() => <GridTabs />}
      filters={
        <>
          <Form.Item name="q">
            <Input allowClear placeholder={t('membershipGrid.organisers.search')} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="active">
            <Select
              allowClear
              placeholder={t('membershipGrid.organisers.status')}
              style={{ width: 120 }}
              options={[
                { value: 'true', label: t('membershipGrid.organisers.activeYes') },
                { value: 'false', label: t('membershipGrid.organisers.activeNo') },
              ]}
            />
          </Form.Item>
        </>
      }
      canEdit={manage}
      editor={{
        createLabel: t('membershipGrid.organisers.create'),
        createTestId: 'organiser-create',
        editTestId: 'organiser-edit',
        render: (target, close) => <OrganiserForm target={target} onClose={close} />,
      }}
      table={{ testId: 'organisers-table', scrollX: 1200 }}
    />
  );
}
