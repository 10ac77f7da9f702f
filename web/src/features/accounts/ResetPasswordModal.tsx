import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { FormModal } from '../../app/components/FormModal';
import { useApiMutation } from '../../app/query';
import { ACCOUNTS_API, accountKeys } from './queryKeys';
import type { Account, AccountPassword } from './types';

/** An administrator sets a new password for someone else's account. */
export function ResetPasswordModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useTranslation();
  // A reset may change what the row shows (whether the account is locked): the list is asked again.
  const reset = useApiMutation(
    ({ id, ...body }: AccountPassword & { id: string }) => api.post(`${ACCOUNTS_API}/${id}/password`, body),
    [accountKeys.all],
  );
  const save = async (v: AccountPassword) => {
    if (!account) return;
    await reset.mutateAsync({ id: account.id, password: v.password });
    onClose();
  };
  return (
    <FormModal<AccountPassword>
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
