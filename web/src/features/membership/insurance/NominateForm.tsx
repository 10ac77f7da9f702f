import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/FormModal';
import { RemoteSelect } from '../../../app/components/RemoteSelect';
import { recommendationKeys } from './queryKeys';
import type { NominationInput } from './types';
import { searchMembers } from './useRecommendations';

/** A nomination: an active member picked from the register, with the reasons. */
export function NominateForm(props: {
  open: boolean;
  onClose: () => void;
  onSubmit: (v: NominationInput) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <FormModal<NominationInput>
      open={props.open}
      title={t('membershipInsurance.recommendations.nominateTitle')}
      testId="nominate"
      onCancel={props.onClose}
      onSubmit={async (v) => {
        await props.onSubmit({ ...v, reasons: v.reasons.trim() });
        props.onClose();
      }}
    >
      <Form.Item
        name="membershipId"
        label={t('membershipInsurance.recommendations.member')}
        rules={[{ required: true, message: t('membershipInsurance.record.required') }]}
      >
        <RemoteSelect
          queryKey={recommendationKeys.members}
          search={searchMembers}
          placeholder={t('membershipInsurance.recommendations.memberPlaceholder')}
          testId="nominate-member"
        />
      </Form.Item>
      <Form.Item
        name="reasons"
        label={t('membershipInsurance.recommendations.reasons')}
        rules={[{ required: true, min: 10, message: t('membershipInsurance.record.required') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="nominate-reasons" />
      </Form.Item>
    </FormModal>
  );
}
