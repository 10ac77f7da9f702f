import { Button, Form, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { editColumn } from '../../app/components/editColumn';
import { PageTitle } from '../../app/components/PageTitle';
import { usePaged } from '../../app/usePaged';
import './i18n';
import { OrganizationForm } from './OrganizationForm';
import { ORGANIZATION_KINDS, type Organization, type OrganizationKind } from './types';

type Filter = { q?: string; kind?: OrganizationKind };

export default function OrganizationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('organizations:manage');
  const list = usePaged<Organization, Filter>('/api/organizations', {});
  const [target, setTarget] = useState<Organization | 'new' | null>(null);
  const none = t('common.none');

  const columns: TableColumnsType<Organization> = [
    { title: t('organizations.name'), dataIndex: 'name', fixed: 'left', width: 220 },
    {
      title: t('organizations.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: OrganizationKind) => <Tag>{t(`organizations.kinds.${k}`)}</Tag>,
    },
    { title: t('organizations.parent'), dataIndex: 'parentName', render: (v: string | null) => v ?? none },
    { title: t('organizations.region'), dataIndex: 'regionName', render: (v: string | null) => v ?? none },
    {
      title: t('organizations.contactPhone'),
      dataIndex: 'contactPhone',
      width: 140,
      render: (v: string | null) => v ?? none,
    },
  ];
  if (manage) columns.push(editColumn<Organization>(t, setTarget));

  return (
    <>
      <PageTitle
        title={t('organizations.title')}
        extra={
          manage && (
            <Button type="primary" data-testid="organization-create" onClick={() => setTarget('new')}>
              {t('organizations.create')}
            </Button>
          )
        }
      />
      <Form<Filter>
        layout="inline"
        onFinish={(v) => list.search({ q: v.q?.trim() || undefined, kind: v.kind })}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('organizations.searchPlaceholder')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="kind">
          <Select
            allowClear
            placeholder={t('organizations.kind')}
            style={{ width: 160 }}
            options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`organizations.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<Organization>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 900 }}
      />
      <OrganizationForm
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          list.reload();
        }}
      />
    </>
  );
}
