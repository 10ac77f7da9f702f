import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../app/errors';
import { publicApi, type EmployerSignBody, type EmployerView } from './publicApi';

const big = { height: 48, fontSize: 16 } as const;

/**
 * Signing by link: the name of the person signing for the paying party and a one-time code sent to
 * that party's registered phone (never a number typed here), then a last look at the amount.
 */
export function EmployerSignCard(props: {
  view: EmployerView;
  link: string;
  amount: string;
  busy: boolean;
  onSign: (body: EmployerSignBody) => Promise<boolean>;
}) {
  const { view, link, amount, busy, onSign } = props;
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errText = useErrorText();
  const [form] = Form.useForm<{ signerName: string; code: string }>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const requestCode = useMutation({
    mutationFn: () => publicApi.post<{ sent: true; phoneMasked: string }>(`${link}/sign-code`),
    onSuccess: (r) => setSentTo(r.phoneMasked),
    onError: (err) => void message.error(errText(err)),
  });

  if (!view.signPhoneMasked)
    return <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('disputesPublic.employer.noPhone')} />;
  const termsHash = view.termsHash ?? '';
  const sign = () =>
    void form.validateFields().then(
      (v) =>
        void modal.confirm({
          title: t('disputesPublic.employer.signConfirmTitle'),
          content: t('disputesPublic.employer.signConfirm', { amount }),
          okText: t('disputesPublic.employer.sign'),
          cancelText: t('common.cancel'),
          okButtonProps: { 'data-testid': 'employer-sign-ok' },
          onOk: () => onSign({ termsHash, signerName: v.signerName.trim(), code: v.code.trim() }),
        }),
      () => undefined,
    );

  return (
    <Form form={form} name="employer-sign" layout="vertical" style={{ marginTop: 12 }} data-testid="employer-sign-form">
      <Form.Item
        name="signerName"
        label={t('disputesPublic.employer.signerName')}
        extra={t('disputesPublic.employer.signerNameHelp', { party: view.addressee })}
        rules={[{ required: true, min: 2, message: t('disputesPublic.employer.signerNameRequired') }]}
      >
        <Input style={big} maxLength={32} autoComplete="name" data-testid="employer-signer-name" />
      </Form.Item>
      <Form.Item
        label={t('disputesPublic.employer.code')}
        extra={sentTo ? t('disputesPublic.employer.codeSentTo', { phone: sentTo }) : undefined}
        required
      >
        <Flex gap={8}>
          <Form.Item
            name="code"
            noStyle
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('disputesPublic.employer.codeRequired') }]}
          >
            <Input
              style={big}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              aria-label={t('disputesPublic.employer.code')}
              data-testid="employer-sign-code"
            />
          </Form.Item>
          <Button
            style={big}
            loading={requestCode.isPending}
            onClick={() => requestCode.mutate()}
            data-testid="employer-get-code"
          >
            {t('disputesPublic.employer.getCode')}
          </Button>
        </Flex>
      </Form.Item>
      <Button type="primary" block style={big} loading={busy} onClick={sign} data-testid="employer-sign">
        {t('disputesPublic.employer.sign')}
      </Button>
    </Form>
  );
}
