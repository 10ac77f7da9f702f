import { Alert, Button, Card, Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MEMBER_OCCUPATIONS, MEMBER_OCCUPATION_LABELS } from '../../../../../contracts/membership/codes';
import { ApiRequestError } from '../../../app/api';
import { useErrorText } from '../../../app/errors';
import { codeOptions } from '../labels';
import { refusedField, useServerFieldError } from './fieldErrors';
import { JoinNotice } from './JoinNotice';
import { PhoneCodeFields } from './PhoneCodeFields';
import type { Joining, JoinValues } from './useJoining';

const big = { height: 48, fontSize: 16 } as const;
/** The fields the server may name in a refusal, shown on the field itself. */
const FIELDS = ['name', 'phone', 'otp', 'residentId', 'occupation', 'employer', 'consent'] as const;
const RESIDENT_ID = /^\s*(\d{17}[\dXx]|\d{15})\s*$/;

/** The joining form on one phone screen: who, the phone and its code, the ID, the work, the notice and consent. */
export function JoinForm({ joining }: { joining: Joining }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errText = useErrorText();
  const { form, apply, phoneCode } = joining;
  useServerFieldError(form, apply.error, FIELDS);
  const failed = refusedField(apply.error, FIELDS)
    ? phoneCode.requestCode.error
    : (apply.error ?? phoneCode.requestCode.error);
  // A conflict about the person (a member here already, an application elsewhere): the card page tells more.
  const aboutThePerson = apply.error instanceof ApiRequestError && apply.error.status === 409;

  return (
    <Card styles={{ body: { padding: 16 } }} data-testid="join-form">
      <Form<JoinValues>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        autoComplete="off"
        initialValues={{ occupation: 'rider' }}
        onValuesChange={() => {
          if (apply.error) apply.reset();
        }}
      >
        <Form.Item
          name="name"
          label={t('membershipPublic.join.name')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('membershipPublic.join.nameInvalid') }]}
        >
          <Input maxLength={32} autoComplete="name" data-testid="join-name" />
        </Form.Item>
        <PhoneCodeFields form={form} phoneCode={phoneCode} codeOptional={joining.hasSession} testIdPrefix="join" />
        <Form.Item
          name="residentId"
          label={t('membershipPublic.join.residentId')}
          extra={t('membershipPublic.join.residentIdHint')}
          rules={[{ required: true, pattern: RESIDENT_ID, message: t('membershipPublic.join.residentIdInvalid') }]}
        >
          <Input maxLength={18} autoCapitalize="characters" data-testid="join-resident-id" />
        </Form.Item>
        <Form.Item name="occupation" label={t('membershipPublic.join.occupation')} rules={[{ required: true }]}>
          <Select
            data-testid="join-occupation"
            options={codeOptions(MEMBER_OCCUPATIONS, MEMBER_OCCUPATION_LABELS, lang)}
          />
        </Form.Item>
        <Form.Item name="employer" label={t('membershipPublic.join.employer')}>
          <Input
            maxLength={128}
            placeholder={t('membershipPublic.join.employerPlaceholder')}
            data-testid="join-employer"
          />
        </Form.Item>
        <JoinNotice />
        <Form.Item
          name="consent"
          valuePropName="checked"
          rules={[
            {
              validator: (_r, v) =>
                v ? Promise.resolve() : Promise.reject(new Error(t('membershipPublic.join.consentRequired'))),
            },
          ]}
        >
          <Checkbox data-testid="join-consent">{t('membershipPublic.join.consent')}</Checkbox>
        </Form.Item>
      </Form>
      {failed && (
        <Alert
          type="error"
          showIcon
          title={errText(failed)}
          description={aboutThePerson ? <Link to="/member-card">{t('membershipPublic.join.openCard')}</Link> : null}
          style={{ marginBottom: 12 }}
          data-testid="join-error"
        />
      )}
      <Button
        type="primary"
        block
        style={big}
        loading={apply.isPending}
        onClick={() => void form.validateFields().then(joining.submit, () => undefined)}
        data-testid="join-submit"
      >
        {t('membershipPublic.join.submit')}
      </Button>
    </Card>
  );
}
