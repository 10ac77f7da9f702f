import { App, Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, api } from '../../app/api';
import { FormModal } from '../../app/components/FormModal';
import { RegionPicker } from '../../app/components/RegionPicker';
import { useErrorText } from '../../app/errors';
import { useApiMutation } from '../../app/query';
import { EMPLOYERS_API, employerKeys } from './queryKeys';
import { INDUSTRY_CODES, type Employer, type EmployerInput } from './types';

interface Props {
  /** null: closed; 'new': create; a record: edit it. */
  target: Employer | 'new' | null;
  /** Closes the form (also once it has saved). */
  onClose: () => void;
}

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export function EmployerForm({ target, onClose }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const text = useErrorText();
  const editing = target && target !== 'new' ? target : null;
  const initialValues = useMemo<Partial<EmployerInput>>(() => (editing ? { ...editing } : {}), [editing]);
  const required = [{ required: true, whitespace: true, message: t('employers.required') }];

  const send = useApiMutation(
    (body: EmployerInput) =>
      editing ? api.put(`${EMPLOYERS_API}/${editing.id}`, body) : api.post(EMPLOYERS_API, body),
    [employerKeys.all],
  );

  const save = async (v: EmployerInput) => {
    const body: EmployerInput = {
      uscc: v.uscc.trim().toUpperCase(),
      name: v.name,
      regionCode: v.regionCode,
      industryCode: v.industryCode,
      address: blank(v.address),
      contactName: blank(v.contactName),
      contactPhone: blank(v.contactPhone),
      contactEmail: blank(v.contactEmail),
    };
    try {
      await send.mutateAsync(body);
    } catch (err) {
      // The check character failed: the user may keep the code as printed on the licence.
      if (!(err instanceof ApiRequestError) || err.body.code !== 'CONFIRMATION_REQUIRED') throw err;
      const confirmed = await modal.confirm({
        title: t('employers.confirmTitle'),
        content: text(err),
        okText: t('employers.saveAnyway'),
        cancelText: t('employers.goBack'),
        okButtonProps: { danger: true },
      });
      if (!confirmed) throw err;
      await send.mutateAsync({ ...body, acceptUsccWarning: true });
    }
    onClose();
  };

  return (
    <FormModal<EmployerInput>
      open={target !== null}
      title={t(editing ? 'employers.edit' : 'employers.create')}
      initialValues={initialValues}
      onCancel={onClose}
      onSubmit={save}
      testId="employer-form"
    >
      <Form.Item name="uscc" label={t('employers.uscc')} rules={required}>
        <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="name" label={t('employers.name')} rules={required}>
        <Input maxLength={128} />
      </Form.Item>
      <Form.Item
        name="industryCode"
        label={t('employers.industry')}
        rules={[{ required: true, message: t('employers.required') }]}
      >
        <Select options={INDUSTRY_CODES.map((c) => ({ value: c, label: t(`employers.industries.${c}`) }))} />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('employers.region')}
        rules={[{ required: true, message: t('employers.required') }]}
      >
        <RegionPicker />
      </Form.Item>
      <Form.Item name="address" label={t('employers.address')}>
        <Input maxLength={256} />
      </Form.Item>
      <Form.Item name="contactName" label={t('employers.contactName')}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('employers.contactPhone')}>
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      <Form.Item
        name="contactEmail"
        label={t('employers.contactEmail')}
        rules={[{ type: 'email', message: t('employers.contactEmail') }]}
      >
        <Input maxLength={128} inputMode="email" />
      </Form.Item>
    </FormModal>
  );
}
