import { Alert, Button, Card, Empty, Flex, Form, Input, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { DemoPhoneQuery, demoPhoneInboxSchema } from '../../../../contracts/notifications';
import { ApiRequestError, api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useApiQuery } from '../../app/query';
import './i18n';
import { notificationKeys } from './queryKeys';
import { PageHeading } from '../../app/components/PageHeading';

/** GET /api/public/demo-phone: the latest messages to the number, newest first (contracts/notifications.ts). */
type Inbox = z.infer<typeof demoPhoneInboxSchema>;

/** The messages sent to a number or address; 'off' when the installation has no demo phone (404). */
const loadInbox = (query: DemoPhoneQuery) =>
  api.get<Inbox>('/api/public/demo-phone', query).then(
    (r) => r.items,
    (err: unknown) => {
      if (err instanceof ApiRequestError && err.status === 404) return 'off' as const;
      throw err;
    },
  );

/** Links in a message open like on a phone (the employer's answer link, for instance). */
function withLinks(body: string) {
  return body.split(/(https?:\/\/[^\s，。]+)/).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} data-testid="phone-link">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/** The demo's stand-in for the phone of a worker or an employer (see server/modules/notifications/demo-phone.ts). */
export default function DemoPhonePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? '';
  // Asked again each time the page opens or the number changes (staleTime 0).
  const inbox = useApiQuery(notificationKeys.demoPhone(to), () => loadInbox({ to }), {
    enabled: !!to,
    staleTime: 0,
    retry: false,
  });
  const off = inbox.data === 'off';
  const items = inbox.data === 'off' ? null : (inbox.data ?? null);

  return (
    <Flex vertical gap={12} style={{ maxWidth: 480, margin: '0 auto' }} data-testid="demo-phone">
      <PageHeading>{t('demoPhone.title')}</PageHeading>
      <Alert type="warning" message={t('demoPhone.intro')} />
      {off ? (
        <Alert type="info" message={t('demoPhone.off')} />
      ) : (
        <>
          <Form layout="inline" initialValues={{ to }} onFinish={(v: DemoPhoneQuery) => setParams({ to: v.to.trim() })}>
            <Form.Item name="to" label={t('demoPhone.number')} style={{ flex: 1 }}>
              <Input inputMode="tel" data-testid="demo-phone-number" />
            </Form.Item>
            <Button htmlType="submit" type="primary">
              {t('demoPhone.show')}
            </Button>
          </Form>
          {items?.length === 0 && <Empty description={t('demoPhone.none')} />}
          {items?.map((m) => (
            <Card key={m.id} size="small" data-testid="phone-message">
              <Flex justify="space-between" gap={8}>
                <Tag color={m.channel === 'sms' ? 'blue' : 'purple'}>{t(`demoPhone.${m.channel}`)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(m.createdAt)}
                </Typography.Text>
              </Flex>
              {m.subject && <Typography.Text strong>{m.subject}</Typography.Text>}
              <Typography.Paragraph style={{ margin: '4px 0 0', overflowWrap: 'anywhere' }}>
                {withLinks(m.body)}
              </Typography.Paragraph>
            </Card>
          ))}
        </>
      )}
    </Flex>
  );
}
