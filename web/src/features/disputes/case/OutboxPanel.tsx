import { Card, Flex, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import { disputesKeys } from '../queryKeys';
import type { CaseDetail, CaseOutbox } from '../types';

/** Message text with its web addresses as links (the employer's answer link, for instance). */
function withLinks(body: string): ReactNode[] {
  return body.split(/(https?:\/\/[^\s，。]+)/).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} target="_blank" rel="noreferrer" data-testid="outbox-link">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/**
 * SMS and e-mail sent for the case, newest first, so staff can see what went to whom; codes and
 * answer links arrive hidden (only the person they were sent to may use them).
 */
export function OutboxPanel({ detail: d }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  // Keyed by the case's version and events: every change of the case may have sent messages.
  // The messages already shown stay while the newer list loads.
  const outbox = useQuery({
    queryKey: disputesKeys.outbox(d.id, d.version, d.events.length),
    queryFn: () => api.get<CaseOutbox>(`/api/disputes/${d.id}/outbox`),
    placeholderData: keepPreviousData,
  });
  const items = outbox.data?.items ?? (outbox.isError ? [] : null);
  const demoPhone = outbox.data?.demoPhone ?? false;

  return (
    <Card title={t('disputes.outbox.title')} size="small" data-testid="outbox-panel">
      <Flex vertical gap={8} style={{ maxHeight: 420, overflowY: 'auto' }}>
        {items?.length === 0 && <Typography.Text type="secondary">{t('disputes.outbox.none')}</Typography.Text>}
        {items?.map((m) => (
          <div key={m.id} data-testid="outbox-item" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 6 }}>
            <Flex justify="space-between" gap={8} wrap>
              <span>
                <Tag color={m.channel === 'sms' ? 'blue' : 'purple'}>{t(`disputes.outbox.${m.channel}`)}</Tag>
                <Typography.Text code>{m.recipient}</Typography.Text>
                {demoPhone && (
                  <Link
                    to={`/demo/phone?to=${encodeURIComponent(m.recipient)}`}
                    target="_blank"
                    style={{ marginLeft: 6, fontSize: 12 }}
                    data-testid="outbox-demo-phone"
                  >
                    {t('disputes.outbox.demoPhone')}
                  </Link>
                )}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(m.createdAt)}
              </Typography.Text>
            </Flex>
            {m.subject && (
              <Typography.Text strong style={{ display: 'block', fontSize: 13 }}>
                {m.subject}
              </Typography.Text>
            )}
            <Typography.Paragraph style={{ fontSize: 13, margin: '2px 0 0', overflowWrap: 'anywhere' }}>
              {withLinks(m.body)}
            </Typography.Paragraph>
          </div>
        ))}
      </Flex>
    </Card>
  );
}
