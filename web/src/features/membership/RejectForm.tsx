import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/components/FormModal';
import type { ApprovalQueue } from './useApprovalQueue';

/** Rejecting one application: the reason is required, since it is texted to the applicant. */
export function RejectForm({ queue }: { queue: ApprovalQueue }) {
  const { t } = useTranslation();
  const row = queue.rejecting;
  return (
    <FormModal<{ reason: string }>
      open={row !== null}
      title={t('membership.queue.rejectTitle', { name: row?.name ?? '' })}
      onCancel={queue.closeReject}
      onSubmit={(v) => queue.reject(v.reason.trim())}
      testId="reject-form"
    >
      <Form.Item
        name="reason"
        label={t('membership.queue.reason')}
        extra={t('membership.queue.reasonHint')}
        rules={[{ required: true, whitespace: true, min: 2, message: t('membership.queue.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount data-testid="reject-reason" />
      </Form.Item>
    </FormModal>
  );
}
