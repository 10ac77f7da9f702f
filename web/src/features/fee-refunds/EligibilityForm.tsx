import { Alert, Button, Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  EXCLUSION_FLAGS,
  EXCLUSION_FLAG_LABELS,
  SIZE_CLASSES,
  SIZE_CLASS_LABELS,
  type ExclusionFlag,
  type SizeClass,
} from '../../../../contracts/fee-refunds/codes';
import { applyFieldError, useErrorText, useShowError } from '../../app/errors';
import { codeText } from './labels';
import type { FeeEnterprise } from './types';
import { useEligibility } from './useEligibility';

interface Values {
  declaredSizeClass: SizeClass | 'computed';
  exclusionFlags: ExclusionFlag[];
  reason?: string;
}

/**
 * A checker declares the size class by hand (finance enterprises the standard does not class)
 * or the facts a policy may exclude; the refund runs take it for collections computed after it.
 */
export function EligibilityForm({ enterprise }: { enterprise: FeeEnterprise }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm<Values>();
  const save = useEligibility(enterprise.uscc);
  const errorText = useErrorText();
  const showError = useShowError();
  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({
        expectedVersion: enterprise.version,
        declaredSizeClass: v.declaredSizeClass === 'computed' ? null : v.declaredSizeClass,
        exclusionFlags: v.exclusionFlags,
        reason: v.reason?.trim() ? v.reason.trim() : null,
      });
    } catch (err) {
      if (!applyFieldError(form, err, errorText)) showError(err);
    }
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="fee-eligibility"
      key={enterprise.version}
      initialValues={{
        declaredSizeClass: enterprise.declaredSizeClass ?? 'computed',
        exclusionFlags: enterprise.exclusionFlags,
        reason: enterprise.eligibilityReason ?? '',
      }}
      onFinish={(v) => void submit(v)}
      style={{ marginTop: 16 }}
      data-testid="fee-eligibility-form"
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('feeRefunds.eligibility.hint')} />
      <Form.Item name="declaredSizeClass" label={t('feeRefunds.eligibility.declaredSizeClass')}>
        <Select
          data-testid="fee-eligibility-class"
          options={[
            { value: 'computed', label: t('feeRefunds.eligibility.computed') },
            ...SIZE_CLASSES.map((c) => ({ value: c, label: codeText(SIZE_CLASS_LABELS, c, lang) })),
          ]}
        />
      </Form.Item>
      <Form.Item name="exclusionFlags" label={t('feeRefunds.eligibility.flags')}>
        <Checkbox.Group
          options={EXCLUSION_FLAGS.map((f) => ({ value: f, label: codeText(EXCLUSION_FLAG_LABELS, f, lang) }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('feeRefunds.eligibility.reason')}
        extra={t('feeRefunds.eligibility.reasonHint')}
      >
        <Input.TextArea maxLength={200} rows={2} data-testid="fee-eligibility-reason" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="fee-eligibility-save">
        {t('feeRefunds.eligibility.save')}
      </Button>
    </Form>
  );
}
