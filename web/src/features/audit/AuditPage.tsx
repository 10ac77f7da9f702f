import { DatePicker, Form, Input, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../../app/components/ListPage';
import { formatDateTime } from '../../app/format';
import { AuditDetail } from './AuditDetail';
import { auditFilterOf, type AuditFilterValues } from './filter';
import './i18n';
import { AUDIT_API } from './queryKeys';
import type { AuditEntry, AuditFilterInput } from './types';

/** The append-only audit trail: read-only, searched by actor, action, entity and period. */
export default function AuditPage() {
  const { t } = useTranslation();
  const none = t('common.none');

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
    { title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true, render: (v: string | null) => v ?? none },
    { title: t('audit.region'), dataIndex: 'regionCode', width: 90, render: (v: string | null) => v ?? none },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? none },
  ];

  return (
    <ListPage<AuditEntry, AuditFilterInput, AuditFilterValues>
      title={t('audit.title')}
      path={AUDIT_API}
      columns={columns}
      filters={
        <>
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
        </>
      }
      toFilter={auditFilterOf}
      searchTestId="audit-search"
      resettable
      table={{
        testId: 'audit-table',
        scrollX: 960,
        expandable: { expandedRowRender: (row) => <AuditDetail entry={row} /> },
      }}
    />
  );
}
