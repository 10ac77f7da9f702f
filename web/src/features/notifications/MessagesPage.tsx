import { Button, DatePicker, Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_CHANNELS, MESSAGE_STATUSES } from '../../../../contracts/notifications/statuses';
import { ListPage } from '../../app/components/ListPage';
import { formatDateTime } from '../../app/format';
import { messageFilterOf, type MessageFilterValues } from './filter';
import './i18n';
import { MessageDrawer } from './MessageDrawer';
import { MESSAGES_API } from './queryKeys';
import { StatusTag } from './StatusTag';
import type { MessageFilterInput, MessageRow } from './types';

/** Every SMS and e-mail of the region with its status; a row opens its attempts, where a failed one is sent again. */
export default function MessagesPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const none = t('common.none');

  const columns: TableColumnsType<MessageRow> = [
    { title: t('messages.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: t('messages.recipient'), dataIndex: 'recipient', width: 170 },
    {
      title: t('messages.channel'),
      dataIndex: 'channel',
      width: 80,
      render: (v: MessageRow['channel']) => t(`messages.channels.${v}`),
    },
    {
      title: t('messages.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (v: MessageRow['kind']) => <Tag>{t(`messages.kinds.${v}`)}</Tag>,
    },
    {
      title: t('messages.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: MessageRow['status']) => <StatusTag status={v} />,
    },
    { title: t('messages.attempts'), dataIndex: 'attempts', width: 80 },
    { title: t('messages.body'), dataIndex: 'body', ellipsis: true },
    { title: t('messages.lastError'), dataIndex: 'lastError', ellipsis: true, render: (v: string | null) => v ?? none },
    {
      title: '',
      key: 'open',
      width: 80,
      render: (_: unknown, row) => (
        <Button type="link" size="small" onClick={() => setOpen(row.id)} data-testid="message-open">
          {t('messages.details')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <ListPage<MessageRow, MessageFilterInput, MessageFilterValues>
        title={t('messages.title')}
        path={MESSAGES_API}
        columns={columns}
        notice={() => <p>{t('messages.intro')}</p>}
        filters={
          <>
            <Form.Item name="recipient" label={t('messages.recipient')}>
              <Input allowClear placeholder={t('messages.recipientHint')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="status" label={t('messages.status')}>
              <Select
                allowClear
                style={{ width: 130 }}
                options={MESSAGE_STATUSES.map((s) => ({ value: s, label: t(`messages.statuses.${s}`) }))}
                data-testid="message-status-filter"
              />
            </Form.Item>
            <Form.Item name="channel" label={t('messages.channel')}>
              <Select
                allowClear
                style={{ width: 100 }}
                options={MESSAGE_CHANNELS.map((c) => ({ value: c, label: t(`messages.channels.${c}`) }))}
              />
            </Form.Item>
            <Form.Item name="period" label={t('messages.period')}>
              <DatePicker.RangePicker allowEmpty={[true, true]} />
            </Form.Item>
          </>
        }
        toFilter={messageFilterOf}
        searchTestId="messages-search"
        resettable
        table={{ testId: 'messages-table', scrollX: 1100 }}
      />
      <MessageDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
