import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAVE_REASONS, LEAVE_REASON_LABELS } from '../../../../contracts/membership/codes';
import { FormModal } from '../../app/components/FormModal';
import { codeOptions } from './labels';
import type { MemberRecord } from './types';
import type { LeaveValues, MemberState } from './useMember';

/** A member leaves: the reason the ACFTU rules name, the day (not before joining, not in the future), a note. */
export function LeaveForm({ member, state }: { member: MemberRecord; state: MemberState }) {
  const { t, i18n } = useTranslation();
  const initialValues = useMemo(() => ({ on: dayjs() }), []);
  return (
    <FormModal<LeaveValues>
      open={state.leaving}
      title={t('membership.member.leaveTitle', { name: member.name })}
      initialValues={initialValues}
      onCancel={state.closeLeave}
      onSubmit={state.leave}
      testId="leave-form"
    >
      <Form.Item
        name="reason"
        label={t('membership.member.leaveReason')}
        rules={[{ required: true, message: t('membership.member.leaveReasonRequired') }]}
      >
        <Select options={codeOptions(LEAVE_REASONS, LEAVE_REASON_LABELS, i18n.language)} data-testid="leave-reason" />
      </Form.Item>
      <Form.Item
        name="on"
        label={t('membership.member.leaveOn')}
        rules={[{ required: true, message: t('membership.member.leaveOnRequired') }]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('membership.member.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
