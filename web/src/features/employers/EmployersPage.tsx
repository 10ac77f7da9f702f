import { Button, Form, Input, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { editColumn } from '../../app/components/editColumn';
import { PageTitle } from '../../app/components/PageTitle';
import { usePaged } from '../../app/usePaged';
import { EmployerForm } from './EmployerForm';
import './i18n';
import { INDUSTRY_CODES, type Employer } from './types';

type Filter = { q?: string; industryCode?: string };

export default function EmployersPage() {
  const { t, i18n } = useTranslation();
  const manage = useCan()('employers:manage');
  const list = usePaged<Employer, Filter>('/api/employers', {});
  const [target, setTarget] = useState<Employer | 'new' | null>(null);
  const none = t('common.none');
  const industry = (code: string) =>
    i18n.exists(`employers.industries.${code}`) ? t(`employers.industries.${code}`) : code;

  const columns: TableColumnsType<Employer> = [
    { title: t('employers.name'), dataIndex: 'name', fixed: 'left', width: 220 },
    {
      title: t('employers.uscc'),
      dataIndex: 'uscc',
      width: 250,
      render: (v: string, row) => (
        <Space size={4} wrap>
          <span style={{ fontFamily: 'monospace' }}>{v}</span>
          {row.usccCheckWarning && (
            <Tooltip title={t('employers.usccWarningHint')}>
              <Tag color="warning" data-testid="uscc-warning">
                {t('employers.usccWarning')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: t('employers.industry'), dataIndex: 'industryCode', width: 170, render: industry },
    { title: t('employers.region'), dataIndex: 'regionName', render: (v: string | null, r) => v ?? r.regionCode },
    {
      title: t('employers.contactName'),
      dataIndex: 'contactName',
      width: 100,
      render: (v: string | null) => v ?? none,
    },
    {
      title: t('employers.contactPhone'),
      dataIndex: 'contactPhone',
      width: 140,
      render: (v: string | null) => v ?? none,
    },
  ];
  if (manage) columns.push(editColumn<Employer>(t, setTarget));

  return (
    <>
      <PageTitle
        title={t('employers.title')}
        extra={
          manage && (
            <Button type="primary" data-testid="employer-create" onClick={() => setTarget('new')}>
              {t('employers.create')}
            </Button>
          )
        }
      />
      <Form<Filter>
        layout="inline"
        onFinish={(v) => list.search({ q: v.q?.trim() || undefined, industryCode: v.industryCode })}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('employers.searchPlaceholder')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="industryCode">
          <Select
            allowClear
            placeholder={t('employers.industry')}
            style={{ width: 200 }}
            options={INDUSTRY_CODES.map((c) => ({ value: c, label: industry(c) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<Employer>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 1100 }}
      />
      <EmployerForm
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
