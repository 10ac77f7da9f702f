import { Button, DatePicker, Form, Input, Table, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../app/components/PageTitle';
import { formatDateTime, shanghaiDayEnd, shanghaiDayStart } from '../../app/format';
import { usePaged } from '../../app/usePaged';
import { AuditDetail } from './AuditDetail';
import './i18n';
import type { AuditEntry } from './types';

interface FilterValues {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

type AuditQuery = {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: string;
  to?: string;
};

export default function AuditPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const list = usePaged<AuditEntry, AuditQuery>('/api/audit', {});

  const onSearch = (v: FilterValues) => {
    const [from, to] = v.period ?? [];
    list.search({
      action: v.action?.trim() || undefined,
      entityType: v.entityType?.trim() || undefined,
      entityId: v.entityId?.trim() || undefined,
      actor: v.actor?.trim() || undefined,
      from: from ? shanghaiDayStart(from.format('YYYY-MM-DD')) : undefined,
      to: to ? shanghaiDayEnd(to.format('YYYY-MM-DD')) : undefined,
    });
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 140,
      render: (v: string | null) => v ?? <Tag>{t('audit.system')}</Tag>,
    },
    { title: t('audit.action'), dataIndex: 'action', width: 180, render: (v: string) => <Tag color="blue">{v}</Tag> },
    { title: t('audit.entityType'), dataIndex: 'entityType', width: 120 },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      ellipsis: true,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('audit.region'),
      dataIndex: 'regionCode',
      width: 90,
      render: (v: string | null) => v ?? t('common.none'),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? t('common.none') },
  ];

  return (
    <>
      <PageTitle title={t('audit.title')} />
      <Form form={form} layout="inline" onFinish={onSearch} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="entityType" label={t('audit.entityType')}>
          <Input allowClear style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="entityId" label={t('audit.entityId')}>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="period" label={t('audit.period')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              list.search({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      <Table<AuditEntry>
        data-testid="audit-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 960 }}
        expandable={{ expandedRowRender: (row) => <AuditDetail entry={row} /> }}
      />
    </>
  );
}
