import { Alert, Button, Card, Empty, Flex, Form, Input, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiRequestError, api } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { registerStrings } from '../../app/i18n';
import { useApiQuery } from '../../app/query';
import type { OutboxMessage } from '../disputes/types';
import { notificationKeys } from './queryKeys';

type PhoneMessage = Omit<OutboxMessage, 'sentAt'>;

registerStrings(
  {
    demoPhone: {
      title: '演示手机',
      intro:
        '演示环境没有接入短信网关：发给职工和用人单位的短信、邮件在这里查看。正式环境没有此页面，工作人员也看不到验证码和答复链接。',
      number: '手机号或邮箱',
      show: '查看',
      none: '没有发往这个号码的消息',
      off: '未启用：只有加载演示数据时才有演示手机。',
      sms: '短信',
      email: '邮件',
    },
  },
  {
    demoPhone: {
      title: 'Demo phone',
      intro:
        'The demo has no SMS gateway: the texts and e-mails sent to workers and employers are shown here. A real installation has no such page, and staff never see the codes or answer links.',
      number: 'Mobile number or e-mail',
      show: 'Show',
      none: 'No messages to this number',
      off: 'Not available: the demo phone exists only with the demo data set.',
      sms: 'SMS',
      email: 'E-mail',
    },
  },
);

/** The messages sent to a number or address; 'off' when the installation has no demo phone (404). */
const loadInbox = (to: string) =>
  api.get<{ items: PhoneMessage[] }>('/api/public/demo-phone', { to }).then(
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
  const inbox = useApiQuery(notificationKeys.demoPhone(to), () => loadInbox(to), {
    enabled: !!to,
    staleTime: 0,
    retry: false,
  });
  const off = inbox.data === 'off';
  const items = inbox.data === 'off' ? null : (inbox.data ?? null);

  return (
    <Flex vertical gap={12} style={{ maxWidth: 480, margin: '0 auto' }} data-testid="demo-phone">
      <Typography.Title level={4}>{t('demoPhone.title')}</Typography.Title>
      <Alert type="warning" message={t('demoPhone.intro')} />
      {off ? (
        <Alert type="info" message={t('demoPhone.off')} />
      ) : (
        <>
          <Form layout="inline" initialValues={{ to }} onFinish={(v: { to: string }) => setParams({ to: v.to.trim() })}>
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
