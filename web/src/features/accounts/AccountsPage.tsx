import { Button, Form, Input, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_STATUSES, type AccountStatus } from '../../../../contracts/accounts/statuses';
import { ROLES, ROLE_LABELS, type Role } from '../../../../contracts/roles';
import { ListPage } from '../../app/components/ListPage';
import { formatDateTime } from '../../app/format';
import { AccountForm } from './AccountForm';
import './i18n';
import { ACCOUNTS_API } from './queryKeys';
import { ResetPasswordModal } from './ResetPasswordModal';
import type { Account, AccountFilter } from './types';

/** Accounts and their roles; the page is for administrators only (its menu entry needs accounts:manage). */
export default function AccountsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [resetFor, setResetFor] = useState<Account | null>(null);
  const none = t('common.none');
  const statusOptions = ACCOUNT_STATUSES.map((s) => ({ value: s, label: t(`accounts.statuses.${s}`) }));

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
  ];

  return (
    <>
      <ListPage<Account, AccountFilter>
        title={t('accounts.title')}
        path={ACCOUNTS_API}
        columns={columns}
        filters={
          <>
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
              <Select allowClear placeholder={t('accounts.status')} style={{ width: 120 }} options={statusOptions} />
            </Form.Item>
          </>
        }
        editor={{
          createLabel: t('accounts.create'),
          createTestId: 'account-create',
          render: (target, close) => <AccountForm target={target} onClose={close} />,
        }}
        rowActions={(row) => (
          <Button type="link" size="small" onClick={() => setResetFor(row)} data-testid="account-reset-password">
            {t('accounts.resetPassword')}
          </Button>
        )}
        table={{ testId: 'accounts-table', scrollX: 1200 }}
      />
      <ResetPasswordModal account={resetFor} onClose={() => setResetFor(null)} />
    </>
  );
}
