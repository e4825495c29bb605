import { Button, Flex, Layout, Menu, Spin, Tooltip, Typography } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useMe } from '../api/session';
import { ChangePasswordModal } from '../features/auth/change-password-modal';
import { isWallScreen } from '../features/dashboard/dashboard-view';
import { LanguageSwitch } from './language-switch';
import { LogoMark } from './logo';
import { NotificationBell } from './notification-bell';
import { NAV_ITEMS } from './nav';
import { OrgUnitProvider } from './org-unit-context';
import { OrgUnitSwitcher } from './org-unit-switcher';
import { UserMenu } from './user-menu';

const SIDER_KEY = 'qloop.siderCollapsed';

/** The signed-in frame: menu filtered by permissions, header with scope, language and user. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(SIDER_KEY) === '1');
  const [pwdOpen, setPwdOpen] = useState(false);

  const items = NAV_ITEMS.filter((n) => !n.permission || me.permissions.includes(n.permission)).map((n) => ({
    key: n.path,
    icon: n.icon,
    label: (
      <Link to={n.path} data-testid={`nav-${n.path === '/' ? 'home' : n.path.slice(1).replace('/', '-')}`}>
        {t(n.label)}
      </Link>
    ),
  }));
  // the longest menu path the URL starts with: /tickets/new is its own entry, /tickets/<id> belongs to /tickets
  const selected =
    items
      .map((i) => i.key)
      .filter((k) => k !== '/' && (location.pathname === k || location.pathname.startsWith(`${k}/`)))
      .sort((a, b) => b.length - a.length)[0] ?? '/';

  const toggle = () => {
    localStorage.setItem(SIDER_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };

  const pageFallback = (
    <Flex justify="center" style={{ padding: 80 }}>
      <Spin size="large" />
    </Flex>
  );

  // the dashboard's wall screen (大屏模式) fills the screen: no menu, no header
  if (isWallScreen(location.pathname, location.search) && !me.mustChangePassword) {
    return (
      <OrgUnitProvider>
        <Suspense fallback={pageFallback}>
          <Outlet />
        </Suspense>
      </OrgUnitProvider>
    );
  }

  return (
    <OrgUnitProvider>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider
          width={216}
          collapsedWidth={64}
          collapsible
          collapsed={collapsed}
          trigger={null}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Link to="/" className="qloop-sider-brand">
            <LogoMark size={28} />
            {!collapsed && (
              <span className="qloop-sider-brand-text">
                <span className="qloop-sider-brand-name">Qloop</span>
                <span className="qloop-sider-brand-sub">{t('app.shortTitle')}</span>
              </span>
            )}
          </Link>
          <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={items} data-testid="side-menu" />
        </Layout.Sider>
        <Layout>
          <Layout.Header className="qloop-header">
            <Tooltip title={collapsed ? t('header.expand') : t('header.collapse')}>
              <Button
                type="text"
                aria-label={collapsed ? t('header.expand') : t('header.collapse')}
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={toggle}
              />
            </Tooltip>
            <Flex align="center" gap={12} style={{ marginInlineStart: 'auto' }}>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {t('header.orgUnit')}
              </Typography.Text>
              {!me.mustChangePassword && <OrgUnitSwitcher />}
              {!me.mustChangePassword && <NotificationBell />}
              <LanguageSwitch />
              <UserMenu onChangePassword={() => setPwdOpen(true)} />
            </Flex>
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            <Suspense fallback={pageFallback}>
              {/* pages load data the server refuses until a temporary password is changed */}
              {me.mustChangePassword ? null : <Outlet />}
            </Suspense>
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center', color: 'rgba(0,0,0,0.35)', padding: '12px 24px 20px' }}>
            {t('app.footer', { year: new Date().getFullYear() })}
          </Layout.Footer>
        </Layout>
      </Layout>
      {/* mustChangePassword: the dialog cannot be dismissed until the password is changed */}
      <ChangePasswordModal
        open={pwdOpen || me.mustChangePassword}
        forced={me.mustChangePassword}
        onClose={() => setPwdOpen(false)}
      />
    </OrgUnitProvider>
  );
}
