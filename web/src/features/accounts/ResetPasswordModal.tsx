import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { FormModal } from '../../app/components/FormModal';
import type { Account } from './types';

/** An administrator sets a new password for someone else's account. */
export function ResetPasswordModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = async (v: { password: string }) => {
    await api.post(`/api/accounts/${account!.id}/password`, { password: v.password });
    onClose();
  };
  return (
    <FormModal<{ password: string }>
      open={account !== null}
      title={t('accounts.resetTitle', { name: account?.displayName ?? '' })}
      onCancel={onClose}
      onSubmit={save}
      width={420}
    >
      <Form.Item
        name="password"
        label={t('accounts.newPassword')}
        rules={[{ required: true, message: t('accounts.required') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
