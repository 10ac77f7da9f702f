import { Button, Drawer, Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { PageBoundary } from '../status-pages';
import { Brand, MenuIcon } from './Brand';
import { LangSwitch } from './LangSwitch';
import { NavMenu } from './NavMenu';
import { UserMenu } from './UserMenu';
import { useIsMobile } from './useIsMobile';

const headerStyle = {
  display: 'flex',
  alignItems: 'center',
  gap: 8,
  background: '#fff',
  borderBottom: '1px solid #f0f0f0',
  position: 'sticky',
  top: 0,
  zIndex: 100,
  height: 56,
  lineHeight: '56px',
} as const;

const siderStyle = {
  borderInlineEnd: '1px solid #f0f0f0',
  position: 'sticky',
  top: 56,
  alignSelf: 'flex-start',
  height: 'calc(100vh - 56px)',
  overflowY: 'auto',
} as const;

/** Signed-in frame: side menu on wide screens, a drawer behind a hamburger below 768px. */
export function AppLayout() {
  const mobile = useIsMobile();
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ ...headerStyle, paddingInline: mobile ? 8 : 24 }}>
        {mobile && (
          <Button
            type="text"
            data-testid="menu-toggle"
            aria-label={t('layout.openMenu')}
            icon={<MenuIcon />}
            onClick={() => setDrawerOpen(true)}
            style={{ width: 44, height: 44 }}
          />
        )}
        <Link to="/" style={{ display: 'inline-flex' }}>
          <Brand compact={mobile} />
        </Link>
        <span style={{ flex: 1 }} />
        <LangSwitch />
        <UserMenu compact={mobile} />
      </Layout.Header>
      <Layout>
        {!mobile && (
          <Layout.Sider width={208} theme="light" style={siderStyle}>
            <NavMenu />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          <PageBoundary key={pathname}>
            <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
              <Outlet />
            </Suspense>
          </PageBoundary>
        </Layout.Content>
      </Layout>
      {mobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          title={<Brand />}
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
