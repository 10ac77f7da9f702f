import { Button, Form, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, ROLE_LABELS, type Role } from '../../../../contracts/roles';
import { PageTitle } from '../../app/components/PageTitle';
import { formatDateTime } from '../../app/format';
import { usePaged } from '../../app/usePaged';
import { AccountForm } from './AccountForm';
import './i18n';
import { ResetPasswordModal } from './ResetPasswordModal';
import type { Account, AccountStatus } from './types';

type Filter = { q?: string; role?: Role; status?: AccountStatus };

export default function AccountsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const list = usePaged<Account, Filter>('/api/accounts', {});
  const [target, setTarget] = useState<Account | 'new' | null>(null);
  const [resetFor, setResetFor] = useState<Account | null>(null);
  const none = t('common.none');

  const columns: TableColumnsType<Account> = [
    { title: t('accounts.username'), dataIndex: 'username', fixed: 'left', width: 130 },
    { title: t('accounts.displayName'), dataIndex: 'displayName', width: 180 },
    {
      title: t('accounts.roles'),
      dataIndex: 'roles',
      render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{ROLE_LABELS[r][lang]}</Tag>),
    },
    {
      title: t('accounts.region'),
      dataIndex: 'regionName',
      render: (v: string | null) => v ?? t('accounts.nationwide'),
    },
    { title: t('accounts.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? none },
    {
      title: t('accounts.status'),
      dataIndex: 'status',
      width: 130,
      render: (s: AccountStatus, row) => (
        <Space size={4} wrap>
          <Tag color={s === 'active' ? 'green' : 'default'}>{t(`accounts.statuses.${s}`)}</Tag>
          {row.locked && <Tag color="red">{t('accounts.locked')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('accounts.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setTarget(row)}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetFor(row)}>
            {t('accounts.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('accounts.title')}
        extra={
          <Button type="primary" data-testid="account-create" onClick={() => setTarget('new')}>
            {t('accounts.create')}
          </Button>
        }
      />
      <Form<Filter>
        layout="inline"
        onFinish={(v) => list.search({ q: v.q?.trim() || undefined, role: v.role, status: v.status })}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="q">
          <Input allowClear placeholder={t('accounts.searchPlaceholder')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="role">
          <Select
            allowClear
            placeholder={t('accounts.roles')}
            style={{ width: 170 }}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('accounts.status')}
            style={{ width: 120 }}
            options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`accounts.statuses.${s}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<Account>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 1200 }}
        data-testid="accounts-table"
      />
      <AccountForm
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          list.reload();
        }}
      />
      <ResetPasswordModal account={resetFor} onClose={() => setResetFor(null)} />
    </>
  );
}
