import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../app/errors';
import type { useEnterpriseRefunds } from './useEnterpriseRefunds';

const big = { height: 48, fontSize: 16 } as const;

type Refunds = ReturnType<typeof useEnterpriseRefunds>;

/**
 * USCC → a code texted to the registered phone → the session. The page says the same whatever
 * the USCC: it never tells whether one is registered or shows any part of its phone.
 */
export function RefundsLogin({ refunds }: { refunds: Refunds }) {
  const { t } = useTranslation();
  const errText = useErrorText();
  const [form] = Form.useForm<{ uscc: string; code?: string }>();
  const { requestCode, verify, codeSentFor } = refunds;
  const failed = verify.error ?? requestCode.error;

  const sendCode = async () => {
    const v = await form.validateFields(['uscc']);
    requestCode.mutate(v.uscc.trim().toUpperCase());
  };
  const check = async () => {
    const v = await form.validateFields(['code']);
    verify.mutate((v.code ?? '').trim());
  };

  return (
    <Card styles={{ body: { padding: 16 } }}>
      <Form form={form} layout="vertical" size="large" requiredMark={false} autoComplete="off">
        <Form.Item
          name="uscc"
          label={t('feeRefunds.public.uscc')}
          rules={[{ required: true, pattern: /^\s*[0-9A-Za-z]{18}\s*$/, message: t('feeRefunds.public.usccInvalid') }]}
        >
          <Input
            maxLength={20}
            placeholder={t('feeRefunds.public.usccPlaceholder')}
            disabled={!!codeSentFor}
            style={{ textTransform: 'uppercase' }}
            data-testid="refunds-uscc"
          />
        </Form.Item>
        {codeSentFor && (
          <>
            <Typography.Paragraph type="secondary" data-testid="refunds-code-sent">
              {t('feeRefunds.public.codeSent')}
            </Typography.Paragraph>
            <Form.Item
              name="code"
              label={t('feeRefunds.public.code')}
              rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('feeRefunds.public.codeInvalid') }]}
            >
              <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" data-testid="refunds-code" />
            </Form.Item>
          </>
        )}
      </Form>
      {failed && (
        <Alert type="error" showIcon title={errText(failed)} style={{ marginBottom: 12 }} data-testid="refunds-error" />
      )}
      {!codeSentFor ? (
        <Button
          type="primary"
          block
          style={big}
          loading={requestCode.isPending}
          onClick={() => void sendCode().catch(() => undefined)}
          data-testid="refunds-request-code"
        >
          {t('feeRefunds.public.requestCode')}
        </Button>
      ) : (
        <>
          <Button
            type="primary"
            block
            style={big}
            loading={verify.isPending}
            onClick={() => void check().catch(() => undefined)}
            data-testid="refunds-verify"
          >
            {t('feeRefunds.public.verify')}
          </Button>
          <Button type="link" block onClick={refunds.startOver} style={{ marginTop: 8 }}>
            {t('feeRefunds.public.again')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 13 }}>
            {t('feeRefunds.public.noCode')}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
