import { Form, Input, Select } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, ROLE_LABELS, type Role } from '../../../../contracts/roles';
import { api } from '../../app/api';
import { FormModal } from '../../app/components/FormModal';
import { RegionPicker } from '../../app/components/RegionPicker';
import { useApiMutation } from '../../app/query';
import { ParentSelect } from '../organizations/ParentSelect';
import { CourtSelect, EmployerSelect, PersonSelect } from './LinkSelects';
import { ACCOUNTS_API, accountKeys } from './queryKeys';
import type { Account, AccountInput } from './types';

interface Props {
  target: Account | 'new' | null;
  /** Closes the form (also once it has saved). */
  onClose: () => void;
}

const ORG_ROLES: Role[] = ['union_staff', 'station_manager', 'mediator', 'studio_manager'];
const COURT_ROLES: Role[] = ['judge', 'court_clerk'];
const EMPLOYER_ROLES: Role[] = ['employer_agent', 'donor'];
const PERSON_ROLES: Role[] = ['worker'];
const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export function AccountForm({ target, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const editing = target && target !== 'new' ? target : null;
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const initialValues = useMemo<Partial<AccountInput>>(
    () => (editing ? { ...editing } : { status: 'active', roles: [], regionCode: null }),
    [editing],
  );
  const required = { required: true, whitespace: true, message: t('accounts.required') };

  const send = useApiMutation(
    (body: AccountInput) => (editing ? api.put(`${ACCOUNTS_API}/${editing.id}`, body) : api.post(ACCOUNTS_API, body)),
    [accountKeys.all],
  );
  const save = async (v: AccountInput) => {
    const has = (roles: Role[]) => v.roles.some((r) => roles.includes(r));
    const body: AccountInput = {
      displayName: v.displayName.trim(),
      phone: blank(v.phone),
      roles: v.roles,
      regionCode: v.regionCode ?? null,
      organizationId: has(ORG_ROLES) ? (v.organizationId ?? null) : null,
      courtId: has(COURT_ROLES) ? (v.courtId ?? null) : null,
      employerId: has(EMPLOYER_ROLES) ? (v.employerId ?? null) : null,
      personId: has(PERSON_ROLES) ? (v.personId ?? null) : null,
      status: v.status,
    };
    await send.mutateAsync(editing ? body : { ...body, username: v.username?.trim(), password: v.password });
    onClose();
  };

  const linkField = (roles: Role[], name: keyof AccountInput, label: string, input: ReactNode) => (
    <Form.Item noStyle dependencies={['roles']}>
      {({ getFieldValue }) =>
        ((getFieldValue('roles') as Role[] | undefined) ?? []).some((r) => roles.includes(r)) ? (
          <Form.Item name={name} label={label}>
            {input}
          </Form.Item>
        ) : null
      }
    </Form.Item>
  );

  return (
    <FormModal<AccountInput>
      open={target !== null}
      title={t(editing ? 'accounts.edit' : 'accounts.create')}
      initialValues={initialValues}
      onCancel={onClose}
      onSubmit={save}
      testId="account-form"
    >
      {!editing && (
        <>
          <Form.Item name="username" label={t('accounts.username')} rules={[required]}>
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('accounts.password')}
            rules={[{ required: true, message: t('accounts.required') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </>
      )}
      <Form.Item name="displayName" label={t('accounts.displayName')} rules={[required]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="phone" label={t('accounts.phone')}>
        <Input maxLength={11} inputMode="tel" />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('accounts.roles')}
        rules={[{ required: true, type: 'array', min: 1, message: t('accounts.rolesRequired') }]}
      >
        <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('accounts.region')} extra={t('accounts.regionHint')}>
        <RegionPicker />
      </Form.Item>
      {linkField(ORG_ROLES, 'organizationId', t('accounts.organization'), <ParentSelect />)}
      {linkField(COURT_ROLES, 'courtId', t('accounts.court'), <CourtSelect />)}
      {linkField(EMPLOYER_ROLES, 'employerId', t('accounts.employer'), <EmployerSelect />)}
      {linkField(PERSON_ROLES, 'personId', t('accounts.person'), <PersonSelect />)}
      <Form.Item name="status" label={t('accounts.status')}>
        <Select
          options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`accounts.statuses.${s}`) }))}
        />
      </Form.Item>
    </FormModal>
  );
}
