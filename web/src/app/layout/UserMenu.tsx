import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../../../../contracts/roles';
import { ChangePasswordModal } from '../../features/auth/ChangePasswordModal';
import { useAuth, useMe } from '../auth';
import { useShowError } from '../errors';

export function UserMenu({ compact }: { compact: boolean }) {
  const me = useMe();
  const { logout } = useAuth();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [pwOpen, setPwOpen] = useState(false);
  const roleText = me.roles
    .map((r) => ROLE_LABELS[r][i18n.language === 'en' ? 'en' : 'zh'])
    .join(t('common.listSeparator'));

  const items: MenuProps['items'] = [
    { key: 'who', disabled: true, label: <span data-testid="user-roles">{roleText}</span> },
    { type: 'divider' },
    { key: 'password', label: <span data-testid="change-password">{t('auth.changePassword')}</span> },
    { key: 'logout', danger: true, label: <span data-testid="logout">{t('auth.logout')}</span> },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPwOpen(true);
    if (key === 'logout') {
      logout()
        .then(() => {
          void message.success(t('auth.loggedOut'));
          void navigate('/login', { replace: true });
        })
        .catch(showError);
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button
          type="text"
          data-testid="user-menu"
          title={t('layout.userMenu')}
          style={{ maxWidth: compact ? 132 : 320, height: 40 }}
        >
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {me.displayName}
            {!compact && roleText !== me.displayName && (
              <span style={{ color: '#595959', marginInlineStart: 8 }}>{roleText}</span>
            )}
          </span>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </>
  );
}
