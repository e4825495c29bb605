import { App, Avatar, Dropdown, Flex, Typography } from 'antd';
import { DownOutlined, LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLogout, useMe } from '../api/session';

/** Avatar, name and role in the header; change password and sign out. */
export function UserMenu({ onChangePassword }: { onChangePassword: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        // the login page forgets the session once it is shown (see useForgetSession)
        void navigate('/login', { replace: true, state: { signedOut: true } });
        void message.success(t('auth.loggedOut'));
      },
    });

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', icon: <LockOutlined />, label: t('auth.changePassword') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('auth.logout')}</span>, danger: true },
        ],
        onClick: ({ key }) => (key === 'logout' ? signOut() : onChangePassword()),
      }}
    >
      <Flex align="center" gap={8} style={{ cursor: 'pointer', height: 48, padding: '0 8px' }} data-testid="user-menu">
        <Avatar style={{ background: '#1677ff', flex: 'none' }}>{Array.from(me.displayName)[0]}</Avatar>
        <Flex vertical style={{ lineHeight: 1.25 }}>
          <Typography.Text strong style={{ maxWidth: 140 }} ellipsis>
            {me.displayName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`role.${me.role}`)}
          </Typography.Text>
        </Flex>
        <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
      </Flex>
    </Dropdown>
  );
}
