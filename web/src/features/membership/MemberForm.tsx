import { Alert, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  ETHNICITIES,
  MEMBER_OCCUPATIONS,
  MEMBER_OCCUPATION_LABELS,
  POLITICAL_STATUSES,
  POLITICAL_STATUS_LABELS,
} from '../../../../contracts/membership/codes';
import { codeOptions } from './labels';
import type { MemberRecord } from './types';
import type { MemberState, RegisterValues } from './useMember';

/**
 * The register's own fields (the ACFTU registration form): ethnic group, education, political
 * status, work, employer and post. Mounted afresh for each version of the member (its key), so a
 * reload after someone else's change starts from what they saved.
 */
export function MemberForm({
  member,
  state,
  editable,
}: {
  member: MemberRecord;
  state: MemberState;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm<RegisterValues>();
  const ethnicities = ETHNICITIES.map((e) => ({ value: e.code, label: lang === 'en' ? e.en : e.zh }));
  return (
    <Form<RegisterValues>
      form={form}
      name="member-register"
      layout="vertical"
      disabled={!editable}
      initialValues={{
        ethnicity: member.ethnicity,
        education: member.education,
        politicalStatus: member.politicalStatus,
        occupation: member.occupation,
        employer: member.employer,
        post: member.post,
      }}
      onFinish={(v) => void state.save(v, form)}
      data-testid="member-form"
    >
      {state.conflict && (
        <Alert
          type="warning"
          showIcon
          title={t('membership.member.versionMoved')}
          style={{ marginBottom: 12 }}
          data-testid="member-conflict"
        />
      )}
      <Form.Item name="ethnicity" label={t('membership.member.ethnicity')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={ethnicities}
          data-testid="member-ethnicity"
        />
      </Form.Item>
      <Form.Item name="education" label={t('membership.member.education')}>
        <Select allowClear options={codeOptions(EDUCATION_LEVELS, EDUCATION_LABELS, lang)} />
      </Form.Item>
      <Form.Item name="politicalStatus" label={t('membership.member.politicalStatus')}>
        <Select allowClear options={codeOptions(POLITICAL_STATUSES, POLITICAL_STATUS_LABELS, lang)} />
      </Form.Item>
      <Form.Item name="occupation" label={t('membership.member.occupation')}>
        <Select allowClear options={codeOptions(MEMBER_OCCUPATIONS, MEMBER_OCCUPATION_LABELS, lang)} />
      </Form.Item>
      <Form.Item name="employer" label={t('membership.member.employer')}>
        <Input maxLength={128} />
      </Form.Item>
      <Form.Item name="post" label={t('membership.member.post')}>
        <Input maxLength={64} data-testid="member-post" />
      </Form.Item>
      {editable && (
        <Button type="primary" htmlType="submit" loading={state.saving} data-testid="member-save">
          {t('membership.member.save')}
        </Button>
      )}
    </Form>
  );
}
