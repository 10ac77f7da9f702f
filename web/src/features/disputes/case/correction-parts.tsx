import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../types';

/**
 * A signature attests to the text it was given: once a party has signed, names, licence numbers,
 * employment facts and claims stay as signed (the server refuses them too).
 */
export function agreementSigned(d: CaseDetail): boolean {
  const s = d.record.state;
  return !!s && (s.signatures.worker || s.signatures.employer || !!s.agreementEffectiveOn);
}

/** Why the facts are corrected: kept with the event and the audit record. */
export function ReasonField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="reason"
      label={t('disputes.correct.reason')}
      extra={t('disputes.correct.reasonHelp')}
      rules={[{ required: true, whitespace: true, min: 2, message: t('disputes.correct.reasonRequired') }]}
    >
      <Input maxLength={200} data-testid="correct-reason" />
    </Form.Item>
  );
}
