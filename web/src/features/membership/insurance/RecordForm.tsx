import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '../../../../../contracts/dates';
import { INSURANCE_SCHEME_LABELS, INSURANCE_SCHEMES } from '../../../../../contracts/membership/codes';
import { FormModal } from '../../../app/components/FormModal';
import type { InsuranceInput } from './types';
import { useRecordInsurance } from './useInsurance';

type Values = Omit<InsuranceInput, 'personId'> & { residentId: string };

/** One cover recorded by hand for a registered person, named by their resident ID. */
export function RecordForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const record = useRecordInsurance();
  const en = i18n.language === 'en';
  const required = { required: true, message: t('membershipInsurance.record.required') };
  const day = {
    validator: (_: unknown, v: string | undefined) =>
      !v || isCalendarDate(v.trim())
        ? Promise.resolve()
        : Promise.reject(new Error(t('membershipInsurance.record.badDate'))),
  };
  return (
    <FormModal<Values>
      open={open}
      title={t('membershipInsurance.record.title')}
      testId="insurance-record"
      onCancel={onClose}
      onSubmit={async (v) => {
        await record.mutateAsync({
          ...v,
          residentId: v.residentId.trim(),
          startsOn: v.startsOn.trim(),
          endsOn: v.endsOn.trim(),
          policyNo: v.policyNo?.trim() || undefined,
        });
        onClose();
      }}
    >
      <Form.Item
        name="residentId"
        label={t('membershipInsurance.record.residentId')}
        extra={t('membershipInsurance.record.residentIdHint')}
        rules={[required]}
      >
        <Input maxLength={18} autoComplete="off" data-testid="insurance-record-resident-id" />
      </Form.Item>
      <Form.Item name="scheme" label={t('membershipInsurance.record.scheme')} rules={[required]}>
        <Select
          data-testid="insurance-record-scheme"
          options={INSURANCE_SCHEMES.map((s) => ({ value: s, label: INSURANCE_SCHEME_LABELS[s][en ? 'en' : 'zh'] }))}
        />
      </Form.Item>
      <Form.Item name="insurer" label={t('membershipInsurance.record.insurer')} rules={[required]}>
        <Input maxLength={64} data-testid="insurance-record-insurer" />
      </Form.Item>
      <Form.Item name="policyNo" label={t('membershipInsurance.record.policyNo')}>
        <Input maxLength={40} data-testid="insurance-record-policy" />
      </Form.Item>
      <Form.Item name="startsOn" label={t('membershipInsurance.record.startsOn')} rules={[required, day]}>
        <Input placeholder={t('membershipInsurance.record.datePlaceholder')} data-testid="insurance-record-start" />
      </Form.Item>
      <Form.Item
        name="endsOn"
        label={t('membershipInsurance.record.endsOn')}
        dependencies={['startsOn']}
        rules={[
          required,
          day,
          ({ getFieldValue }) => ({
            validator: (_: unknown, v: string | undefined) => {
              const start = (getFieldValue('startsOn') as string | undefined)?.trim();
              return !v || !start || v.trim() >= start
                ? Promise.resolve()
                : Promise.reject(new Error(t('membershipInsurance.record.endBeforeStart')));
            },
          }),
        ]}
      >
        <Input placeholder={t('membershipInsurance.record.datePlaceholder')} data-testid="insurance-record-end" />
      </Form.Item>
    </FormModal>
  );
}
