import { Button, Form, Input, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PhoneCode } from './usePhoneCode';

const PHONE = /^\s*1[3-9]\d{9}\s*$/;
const CODE = /^\s*\d{6}\s*$/;

/**
 * The phone number with its "send code" button (counting down the wait before another), and the
 * texted code: required unless the phone already holds a session (`codeOptional`).
 */
export function PhoneCodeFields({
  form,
  phoneCode,
  codeOptional = false,
  testIdPrefix,
}: {
  form: FormInstance;
  phoneCode: PhoneCode;
  codeOptional?: boolean;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const { requestCode, resendInSec } = phoneCode;
  const sendCode = async () => {
    const v = await form.validateFields(['phone']);
    requestCode.mutate(String(v.phone).trim());
  };
  return (
    <>
      <Form.Item label={t('membershipPublic.form.phone')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="phone"
            noStyle
            rules={[{ required: true, pattern: PHONE, message: t('membershipPublic.form.phoneInvalid') }]}
          >
            <Input inputMode="tel" maxLength={11} autoComplete="tel" data-testid={`${testIdPrefix}-phone`} />
          </Form.Item>
          <Button
            onClick={() => void sendCode().catch(() => undefined)}
            loading={requestCode.isPending}
            disabled={resendInSec > 0}
            data-testid={`${testIdPrefix}-request-code`}
          >
            {resendInSec > 0
              ? t('membershipPublic.form.resendIn', { s: resendInSec })
              : t('membershipPublic.form.requestCode')}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Form.Item
        name="otp"
        label={t('membershipPublic.form.code')}
        extra={codeOptional ? t('membershipPublic.form.codeOptional') : undefined}
        rules={[{ required: !codeOptional, pattern: CODE, message: t('membershipPublic.form.codeInvalid') }]}
      >
        <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" data-testid={`${testIdPrefix}-code`} />
      </Form.Item>
    </>
  );
}
