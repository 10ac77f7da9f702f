import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OCCUPATIONS, OCCUPATION_LABELS, type Occupation } from '../../../../../contracts/stations/codes';
import { useErrorText } from '../../../app/errors';
import type { WorkerPassState } from './useWorkerPass';

const big = { height: 48, fontSize: 16 } as const;
const PHONE = /^\s*1[3-9]\d{9}\s*$/;

interface Values {
  phone: string;
  code: string;
  name: string;
  occupation: Occupation;
  platform?: string;
  consent: boolean;
}

/**
 * Registration at the door, on one short screen: the phone and its code, a name, the kind of work,
 * the platform, and consent to the notice shown in full above the box. With `stationCode` absent
 * it only signs a registered worker in.
 */
export function RegisterForm({ worker, stationCode }: { worker: WorkerPassState; stationCode?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'zh';
  const errText = useErrorText();
  const [form] = Form.useForm<Values>();
  const { requestCode, register, signIn, resendInSec } = worker;
  const failed = register.error ?? signIn.error ?? requestCode.error;

  const sendCode = async () => {
    const v = await form.validateFields(['phone']);
    requestCode.mutate(v.phone.trim());
  };
  const submit = async () => {
    if (!stationCode) {
      const v = await form.validateFields(['phone', 'code']);
      signIn.mutate({ phone: v.phone.trim(), code: v.code.trim() });
      return;
    }
    const v = await form.validateFields();
    register.mutate({
      station: stationCode,
      form: {
        phone: v.phone.trim(),
        code: v.code.trim(),
        name: v.name.trim(),
        occupation: v.occupation,
        platform: v.platform?.trim() || undefined,
        consent: true,
      },
    });
  };

  return (
    <Card styles={{ body: { padding: 16 } }}>
      <Form
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        autoComplete="off"
        initialValues={{ occupation: 'rider' }}
      >
        <Form.Item label={t('stationsPublic.form.phone')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="phone"
              noStyle
              rules={[{ required: true, pattern: PHONE, message: t('stationsPublic.form.phoneInvalid') }]}
            >
              <Input inputMode="tel" maxLength={11} data-testid="station-phone" />
            </Form.Item>
            <Button
              onClick={() => void sendCode().catch(() => undefined)}
              loading={requestCode.isPending}
              disabled={resendInSec > 0}
              data-testid="station-request-code"
            >
              {resendInSec > 0
                ? t('stationsPublic.form.resendIn', { s: resendInSec })
                : t('stationsPublic.form.requestCode')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="code"
          label={t('stationsPublic.form.code')}
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('stationsPublic.form.codeInvalid') }]}
        >
          <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" data-testid="station-code" />
        </Form.Item>
        {stationCode && (
          <>
            <Form.Item
              name="name"
              label={t('stationsPublic.form.name')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('stationsPublic.form.nameInvalid') }]}
            >
              <Input maxLength={32} autoComplete="name" data-testid="station-name" />
            </Form.Item>
            <Form.Item name="occupation" label={t('stationsPublic.form.occupation')} rules={[{ required: true }]}>
              <Select
                data-testid="station-occupation"
                options={OCCUPATIONS.map((o) => ({ value: o, label: OCCUPATION_LABELS[o][lang] }))}
              />
            </Form.Item>
            <Form.Item name="platform" label={t('stationsPublic.form.platform')}>
              <Input
                maxLength={64}
                placeholder={t('stationsPublic.form.platformPlaceholder')}
                data-testid="station-platform"
              />
            </Form.Item>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              <strong>{t('stationsPublic.form.privacyTitle')}：</strong>
              {t('stationsPublic.form.privacy')}
            </Typography.Paragraph>
            <Form.Item
              name="consent"
              valuePropName="checked"
              rules={[
                {
                  validator: (_r, v) =>
                    v ? Promise.resolve() : Promise.reject(new Error(t('stationsPublic.form.consentRequired'))),
                },
              ]}
            >
              <Checkbox data-testid="station-consent">{t('stationsPublic.form.consent')}</Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
      {failed && (
        <Alert type="error" showIcon title={errText(failed)} style={{ marginBottom: 12 }} data-testid="station-error" />
      )}
      <Button
        type="primary"
        block
        style={big}
        loading={register.isPending || signIn.isPending}
        onClick={() => void submit().catch(() => undefined)}
        data-testid="station-submit"
      >
        {stationCode ? t('stationsPublic.form.submit') : t('stationsPublic.form.signIn')}
      </Button>
    </Card>
  );
}
