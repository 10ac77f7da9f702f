import { Alert, Button, Card, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../app/errors';
import { refusedField, useServerFieldError } from './fieldErrors';
import { PhoneCodeFields } from './PhoneCodeFields';
import type { MemberCardState, SignInValues } from './useMemberCard';

const FIELDS = ['phone', 'otp'] as const;

/** The card on a new phone, or after the session ended: the number and the code texted to it. */
export function SignInForm({ member }: { member: MemberCardState }) {
  const { t } = useTranslation();
  const errText = useErrorText();
  const { form, signIn, phoneCode } = member;
  useServerFieldError(form, signIn.error, FIELDS);
  const failed = refusedField(signIn.error, FIELDS)
    ? phoneCode.requestCode.error
    : (signIn.error ?? phoneCode.requestCode.error);
  return (
    <Card styles={{ body: { padding: 16 } }} data-testid="card-sign-in">
      <Form<SignInValues>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        autoComplete="off"
        onValuesChange={() => {
          if (signIn.error) signIn.reset();
        }}
      >
        <PhoneCodeFields form={form} phoneCode={phoneCode} testIdPrefix="card" />
      </Form>
      {failed && (
        <Alert type="error" showIcon title={errText(failed)} style={{ marginBottom: 12 }} data-testid="card-error" />
      )}
      <Button
        type="primary"
        block
        style={{ height: 48, fontSize: 16 }}
        loading={signIn.isPending}
        onClick={() =>
          void form.validateFields().then(
            (v) => signIn.mutate(v),
            () => undefined,
          )
        }
        data-testid="card-submit"
      >
        {t('membershipPublic.card.signIn')}
      </Button>
    </Card>
  );
}
