import { App, Button, Descriptions, Drawer, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useErrorText } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useApiMutation, useApiQuery } from '../../app/query';
import { StatusTag } from './StatusTag';
import { MESSAGES_API, notificationKeys } from './queryKeys';
import type { MessageDetail } from './types';

type Attempt = MessageDetail['attemptLog'][number];

/** One message with its attempts; a failed one can be sent again from here. */
export function MessageDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const detail = useApiQuery(
    notificationKeys.message(id ?? ''),
    () => api.get<MessageDetail>(`${MESSAGES_API}/${id}`),
    {
      enabled: !!id,
    },
  );
  const retry = useApiMutation(
    (messageId: string) => api.post<MessageDetail>(`${MESSAGES_API}/${messageId}/retry`),
    [notificationKeys.messages],
  );
  const m = detail.data;
  const none = t('common.none');

  const sendAgain = async () => {
    if (!m) return;
    try {
      await retry.mutateAsync(m.id);
      void message.success(t('messages.retried'));
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={640}
      title={t('messages.details')}
      loading={detail.isPending}
      data-testid="message-drawer"
      extra={
        m?.status === 'failed' ? (
          <Button type="primary" loading={retry.isPending} onClick={() => void sendAgain()} data-testid="message-retry">
            {t('messages.retry')}
          </Button>
        ) : null
      }
    >
      {m && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('messages.status')}>
              <StatusTag status={m.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('messages.recipient')}>{m.recipient}</Descriptions.Item>
            <Descriptions.Item label={t('messages.channel')}>{t(`messages.channels.${m.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('messages.kind')}>{t(`messages.kinds.${m.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('messages.template')}>{m.template ?? none}</Descriptions.Item>
            {m.subject && <Descriptions.Item label={t('messages.subject')}>{m.subject}</Descriptions.Item>}
            <Descriptions.Item label={t('messages.body')}>
              <span data-testid="message-body">{m.body}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('messages.createdAt')}>{formatDateTime(m.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('messages.sentAt')}>
              {m.sentAt ? formatDateTime(m.sentAt) : none}
            </Descriptions.Item>
            {m.nextAttemptAt && (
              <Descriptions.Item label={t('messages.nextAttemptAt')}>
                {formatDateTime(m.nextAttemptAt)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('messages.provider')}>{m.provider ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('messages.providerMessageId')}>{m.providerMessageId ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('messages.lastError')}>{m.lastError ?? none}</Descriptions.Item>
          </Descriptions>
          <h4 style={{ marginTop: 16 }}>{t('messages.attemptLog')}</h4>
          <Table<Attempt>
            size="small"
            rowKey="attemptNo"
            pagination={false}
            dataSource={m.attemptLog}
            locale={{ emptyText: t('messages.noAttempts') }}
            data-testid="message-attempts"
            columns={[
              { title: t('messages.attemptNo'), dataIndex: 'attemptNo', width: 60 },
              { title: t('messages.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
              { title: t('messages.provider'), dataIndex: 'provider', width: 80 },
              {
                title: t('messages.status'),
                dataIndex: 'status',
                width: 150,
                render: (v: Attempt['status']) => (
                  <Tag color={v === 'ok' ? 'green' : v === 'transient' ? 'gold' : 'red'}>
                    {t(`messages.outcomes.${v}`)}
                  </Tag>
                ),
              },
              { title: t('messages.duration'), dataIndex: 'durationMs', width: 90 },
              { title: t('messages.error'), dataIndex: 'error', render: (v: string | null) => v ?? none },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
