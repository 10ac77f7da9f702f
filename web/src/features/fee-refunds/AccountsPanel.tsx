import { Button, Card, Form, Input, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth';
import { applyFieldError, useErrorText, useShowError } from '../../app/errors';
import type { UnionAccount, UnionAccountKind } from './types';
import { useUnionAccounts } from './useUnionAccounts';

/**
 * The union's accounts (付款与归集账户): where each region's refunds are paid from, and the county
 * federations' pooled accounts that a `county_pooled` policy pays into. Everyone who reads the
 * refund cycle sees them; only a checker (fee_refunds:approve) sets one, and the change is audited.
 */
export function AccountsPanel() {
  return (
    <>
      <AccountList kind="paying" />
      <AccountList kind="pooled" />
    </>
  );
}

type AccountValues = Omit<UnionAccount, 'regionName'>;

function AccountList({ kind }: { kind: UnionAccountKind }) {
  const { t } = useTranslation();
  const can = useCan();
  const { accounts, loading, save } = useUnionAccounts(kind);
  const [form] = Form.useForm<AccountValues>();
  const errorText = useErrorText();
  const showError = useShowError();
  const columns: TableColumnsType<UnionAccount> = [
    {
      title: t('feeRefunds.accounts.region'),
      dataIndex: 'regionName',
      render: (v: string, a) => `${v}（${a.regionCode}）`,
    },
    { title: t('feeRefunds.accounts.accountName'), dataIndex: 'accountName' },
    { title: t('feeRefunds.accounts.accountNo'), dataIndex: 'accountNo' },
    { title: t('feeRefunds.accounts.bankCode'), dataIndex: 'bankCode', width: 150 },
  ];
  const submit = async (values: AccountValues) => {
    try {
      await save.mutateAsync({ ...values, regionCode: values.regionCode.trim() });
      form.resetFields();
    } catch (err) {
      if (!applyFieldError(form, err, errorText)) showError(err);
    }
  };
  return (
    <Card size="small" title={t(`feeRefunds.accounts.${kind}Title`)} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t(`feeRefunds.accounts.${kind}Hint`)}</Typography.Paragraph>
      <Table<UnionAccount>
        rowKey="regionCode"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={accounts}
        pagination={false}
        scroll={{ x: 640 }}
        data-testid={`fee-accounts-${kind}`}
        locale={{ emptyText: t(`feeRefunds.accounts.${kind}Empty`) }}
      />
      {can('fee_refunds:approve') && (
        <Form<AccountValues>
          form={form}
          layout="inline"
          name={`fee-account-${kind}`}
          onFinish={(v) => void submit(v)}
          style={{ marginTop: 12, rowGap: 8 }}
        >
          <Form.Item
            name="regionCode"
            label={t('feeRefunds.accounts.regionCode')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('feeRefunds.runs.regionCodeRule') }]}
          >
            <Input style={{ width: 110 }} data-testid={`fee-account-${kind}-region`} />
          </Form.Item>
          <Form.Item
            name="accountName"
            label={t('feeRefunds.accounts.accountName')}
            rules={[{ required: true, message: t('feeRefunds.accounts.accountNameRule') }]}
          >
            <Input style={{ width: 220 }} data-testid={`fee-account-${kind}-name`} />
          </Form.Item>
          <Form.Item
            name="accountNo"
            label={t('feeRefunds.accounts.accountNo')}
            rules={[{ required: true, pattern: /^\d{10,30}$/, message: t('feeRefunds.accounts.accountNoRule') }]}
          >
            <Input style={{ width: 220 }} inputMode="numeric" data-testid={`fee-account-${kind}-no`} />
          </Form.Item>
          <Form.Item
            name="bankCode"
            label={t('feeRefunds.accounts.bankCode')}
            rules={[{ required: true, pattern: /^\d{12}$/, message: t('feeRefunds.accounts.bankCodeRule') }]}
          >
            <Input style={{ width: 150 }} inputMode="numeric" data-testid={`fee-account-${kind}-bank`} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid={`fee-account-${kind}-save`}>
              {t('feeRefunds.accounts.save')}
            </Button>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
