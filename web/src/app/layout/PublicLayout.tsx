import { Layout, Spin } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageBoundary } from '../status-pages';
import { Brand } from './Brand';
import { LangSwitch } from './LangSwitch';
import { useIsMobile } from './useIsMobile';

/** Frame for pages open to everyone (no session): product name, language switch, staff sign-in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        className="yz-no-print"
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 4,
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
          height: 56,
          lineHeight: '56px',
          paddingInline: mobile ? 12 : 24,
        }}
      >
        <Link to="/calc" style={{ display: 'inline-flex' }}>
          <Brand />
        </Link>
        <span style={{ flex: 1 }} />
        <LangSwitch />
        <Link
          to="/login"
          data-testid="public-sign-in"
          style={{ padding: '0 8px', color: 'rgba(0, 0, 0, 0.88)', whiteSpace: 'nowrap' }}
        >
          {t('layout.staffSignIn')}
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
        <PageBoundary>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>{children}</Suspense>
        </PageBoundary>
      </Layout.Content>
    </Layout>
  );
}
