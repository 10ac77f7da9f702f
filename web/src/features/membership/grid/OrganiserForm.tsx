import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, api } from '../../../app/api';
import { FormModal } from '../../../app/components/FormModal';
import { RegionPicker } from '../../../app/components/RegionPicker';
import { RemoteSelect } from '../../../app/components/RemoteSelect';
import { useApiMutation } from '../../../app/query';
import {
  accountPickerKey,
  organizationName,
  organizationPickerKey,
  searchOrganiserAccounts,
  searchOrganizations,
} from './pickers';
import { gridKeys, ORGANISERS_API, organiserPath } from './queryKeys';
import type { Organiser, OrganiserInput } from './types';

interface Values {
  name: string;
  phone?: string;
  organizationId: string;
  regionCode?: string | null;
  accountId?: string | null;
  active: boolean;
}

const bodyOf = (v: Values): OrganiserInput => ({
  name: v.name,
  phone: v.phone?.trim() || null,
  organizationId: v.organizationId,
  regionCode: v.regionCode ?? undefined,
  accountId: v.accountId ?? null,
  active: v.active,
});

/** Adds an organiser (the server draws their code) or changes one at the version read. */
export function OrganiserForm({ target, onClose }: { target: Organiser | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const editing = target && target !== 'new' ? target : null;
  const initialValues = useMemo<Partial<Values>>(
    () =>
      editing
        ? {
            name: editing.name,
            phone: editing.phone ?? undefined,
            organizationId: editing.organizationId,
            regionCode: editing.regionCode,
            accountId: editing.accountId,
            active: editing.active,
          }
        : { active: true },
    [editing],
  );
  const required = [{ required: true, message: t('membershipGrid.required') }];
  const send = useApiMutation(
    (v: Values) =>
      editing
        ? api.put<Organiser>(organiserPath(editing.id), { ...bodyOf(v), version: editing.version })
        : api.post<Organiser>(ORGANISERS_API, bodyOf(v)),
    [gridKeys.all],
  );
  const save = async (v: Values) => {
    try {
      await send.mutateAsync(v);
    } catch (err) {
      // Changed meanwhile: read again, so the form opened anew starts from the organiser as it now is.
      if (err instanceof ApiRequestError && err.body.field === 'version')
        await queryClient.invalidateQueries({ queryKey: gridKeys.all });
      throw err;
    }
    onClose();
  };
  return (
    <FormModal<Values>
      open={target !== null}
      title={t(editing ? 'membershipGrid.organisers.edit' : 'membershipGrid.organisers.create')}
      initialValues={initialValues}
      onCancel={onClose}
      onSubmit={save}
      testId="organiser-form"
    >
      <Form.Item name="name" label={t('membershipGrid.organisers.name')} rules={required}>
        <Input maxLength={32} data-testid="organiser-name" />
      </Form.Item>
      <Form.Item name="phone" label={t('membershipGrid.organisers.phone')}>
        <Input inputMode="tel" maxLength={11} />
      </Form.Item>
      <Form.Item name="organizationId" label={t('membershipGrid.organisers.organization')} rules={required}>
        <RemoteSelect
          queryKey={organizationPickerKey}
          search={searchOrganizations}
          resolveLabel={organizationName}
          testId="organiser-organization"
        />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('membershipGrid.organisers.region')}
        extra={t('membershipGrid.organisers.regionHint')}
      >
        <RegionPicker />
      </Form.Item>
      <Form.Item
        name="accountId"
        label={t('membershipGrid.organisers.account')}
        extra={t('membershipGrid.organisers.accountHint')}
      >
        <RemoteSelect
          queryKey={accountPickerKey}
          search={searchOrganiserAccounts}
          resolveLabel={() => Promise.resolve(editing?.accountName ?? null)}
          testId="organiser-account"
        />
      </Form.Item>
      <Form.Item name="active" label={t('membershipGrid.organisers.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
