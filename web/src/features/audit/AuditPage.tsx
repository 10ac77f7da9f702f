import { DatePicker, Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../../app/components/ListPage';
import { formatDateTime } from '../../app/format';
import { AuditDetail } from './AuditDetail';
import { auditFilterOf, type AuditFilterValues } from './filter';
import './i18n';
import { auditActionOptions, auditActionText, entityTypeOptions, entityTypeText } from './labels';
import { AUDIT_API } from './queryKeys';
import type { AuditEntry, AuditFilterInput } from './types';

/** The append-only audit trail: read-only, searched by actor, action, entity and period. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const none = t('common.none');

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 140,
      render: (v: string | null) => v ?? <Tag>{t('audit.system')}</Tag>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 180,
      render: (v: string) => (
        <Tag color="blue" title={v}>
          {auditActionText(v, lang)}
        </Tag>
      ),
    },
    { title: t('audit.entityType'), dataIndex: 'entityType', width: 120, render: (v: string) => entityTypeText(v) },
    { title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true, render: (v: string | null) => v ?? none },
    {
      title: t('audit.region'),
      dataIndex: 'regionName',
      width: 160,
      render: (v: string | null, r) => v ?? r.regionCode ?? none,
    },
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
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={auditActionOptions(lang)}
              style={{ width: 200 }}
              data-testid="audit-action"
            />
          </Form.Item>
          <Form.Item name="entityType" label={t('audit.entityType')}>
            <Select allowClear options={entityTypeOptions()} style={{ width: 150 }} data-testid="audit-entity-type" />
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
        scrollX: 1030,
        expandable: { expandedRowRender: (row) => <AuditDetail entry={row} /> },
      }}
    />
  );
}
