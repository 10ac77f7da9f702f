import { Form, Input } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { FormModal } from '../../app/components/FormModal';
import { RegionPicker } from '../../app/components/RegionPicker';
import { useApiMutation } from '../../app/query';
import { PEOPLE_API, peopleKeys } from './queryKeys';
import type { Person, PersonInput } from './types';

interface Props {
  target: Person | 'new' | null;
  /** Closes the form (also once it has saved). */
  onClose: () => void;
}

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export function PersonForm({ target, onClose }: Props) {
  const { t } = useTranslation();
  const editing = target && target !== 'new' ? target : null;
  const initialValues = useMemo<Partial<PersonInput>>(
    () =>
      editing
        ? { name: editing.name, phone: editing.phone, regionCode: editing.regionCode, occupation: editing.occupation }
        : {},
    [editing],
  );

  const send = useApiMutation(
    (body: PersonInput) => (editing ? api.put(`${PEOPLE_API}/${editing.id}`, body) : api.post(PEOPLE_API, body)),
    [peopleKeys.all, peopleKeys.search],
  );
  const save = async (v: PersonInput) => {
    const body: PersonInput = {
      name: v.name,
      regionCode: v.regionCode,
      phone: blank(v.phone),
      occupation: blank(v.occupation),
    };
    // On edit an empty resident ID means "keep the stored one"; the server only replaces it when sent.
    const residentId = blank(v.residentId);
    if (residentId) body.residentId = residentId.toUpperCase();
    await send.mutateAsync(body);
    onClose();
  };

  const required = { required: true, whitespace: true, message: t('people.required') };
  return (
    <FormModal<PersonInput>
      open={target !== null}
      title={t(editing ? 'people.edit' : 'people.create')}
      initialValues={initialValues}
      onCancel={onClose}
      onSubmit={save}
      testId="person-form"
    >
      <Form.Item name="name" label={t('people.name')} rules={[required]}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item
        name="residentId"
        label={t('people.residentId')}
        extra={editing ? t('people.residentIdKeep') : undefined}
      >
        <Input
          maxLength={18}
          style={{ fontFamily: 'monospace' }}
          placeholder={editing?.residentIdMasked ?? undefined}
        />
      </Form.Item>
      <Form.Item name="phone" label={t('people.phone')}>
        <Input maxLength={11} inputMode="tel" />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('people.region')}
        rules={[{ required: true, message: t('people.required') }]}
      >
        <RegionPicker />
      </Form.Item>
      <Form.Item name="occupation" label={t('people.occupation')}>
        <Input maxLength={32} />
      </Form.Item>
    </FormModal>
  );
}
