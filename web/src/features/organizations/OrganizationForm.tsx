import { Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { FormModal } from '../../app/components/FormModal';
import { RegionPicker } from '../../app/components/RegionPicker';
import { useApiMutation } from '../../app/query';
import { ApproverSelect } from './ApproverSelect';
import { ParentSelect } from './ParentSelect';
import { ORGANIZATIONS_API, organizationKeys } from './queryKeys';
import { ORGANIZATION_KINDS, type Organization, type OrganizationInput } from './types';

interface Props {
  /** null: closed; 'new': create; a record: edit it. */
  target: Organization | 'new' | null;
  /** Closes the form (also once it has saved). */
  onClose: () => void;
}

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
/** The code a joining QR or link carries (contracts/organizations.ts checks it the same way). */
const JOINING_CODE = /^\s*[A-Z0-9][A-Z0-9-]{1,23}\s*$/;

export function OrganizationForm({ target, onClose }: Props) {
  const { t } = useTranslation();
  const editing = target && target !== 'new' ? target : null;
  const initialValues = useMemo<Partial<OrganizationInput>>(
    () =>
      editing
        ? {
            name: editing.name,
            kind: editing.kind,
            parentId: editing.parentId,
            regionCode: editing.regionCode ?? undefined,
            address: editing.address,
            contactPhone: editing.contactPhone,
            code: editing.code,
            chairName: editing.chairName,
            approverAccountId: editing.approverAccountId,
          }
        : { kind: 'grassroots' },
    [editing],
  );

  const send = useApiMutation(
    (body: OrganizationInput) =>
      editing ? api.put(`${ORGANIZATIONS_API}/${editing.id}`, body) : api.post(ORGANIZATIONS_API, body),
    [organizationKeys.all],
  );
  const save = async (v: OrganizationInput) => {
    await send.mutateAsync({
      ...v,
      parentId: v.parentId ?? null,
      address: blank(v.address),
      contactPhone: blank(v.contactPhone),
      code: blank(v.code)?.toUpperCase() ?? null,
      chairName: blank(v.chairName),
      approverAccountId: v.approverAccountId ?? null,
    });
    onClose();
  };

  return (
    <FormModal<OrganizationInput>
      open={target !== null}
      title={t(editing ? 'organizations.edit' : 'organizations.create')}
      initialValues={initialValues}
      onCancel={onClose}
      onSubmit={save}
      testId="organization-form"
    >
      <Form.Item
        name="name"
        label={t('organizations.name')}
        rules={[{ required: true, whitespace: true, message: t('organizations.nameRequired') }]}
      >
        <Input maxLength={128} />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('organizations.kind')}
        rules={[{ required: true, message: t('organizations.kindRequired') }]}
      >
        <Select options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`organizations.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="parentId" label={t('organizations.parent')}>
        <ParentSelect excludeId={editing?.id} />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('organizations.region')}
        rules={[{ required: true, message: t('organizations.regionRequired') }]}
      >
        <RegionPicker />
      </Form.Item>
      <Form.Item name="address" label={t('organizations.address')}>
        <Input maxLength={256} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('organizations.contactPhone')}>
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('organizations.code')}
        extra={t('organizations.codeHint')}
        normalize={(v: string | undefined) => v?.toUpperCase()}
        rules={[{ pattern: JOINING_CODE, message: t('organizations.codeFormat') }]}
      >
        <Input
          maxLength={24}
          style={{ fontFamily: 'monospace' }}
          autoCapitalize="characters"
          data-testid="organization-code"
        />
      </Form.Item>
      <Form.Item name="chairName" label={t('organizations.chairName')}>
        <Input maxLength={32} data-testid="organization-chair" />
      </Form.Item>
      <Form.Item name="approverAccountId" label={t('organizations.approver')} extra={t('organizations.approverHint')}>
        <ApproverSelect approverName={editing?.approverName ?? null} />
      </Form.Item>
    </FormModal>
  );
}
