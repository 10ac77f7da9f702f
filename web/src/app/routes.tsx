import { Spin } from 'antd';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { MENU, canSee, landingPath, type MenuEntry } from './menu';
import { usePageTitle } from './pageTitle';
import { Forbidden, NotFound } from './status-pages';

type Page = LazyExoticComponent<ComponentType>;

/** One lazily loaded page per menu key (see menu.ts). Pages export their component as default. */
const PAGES: Record<string, Page> = {
  home: lazy(() => import('../features/dashboard/DashboardPage')),
  me: lazy(() => import('../features/me/MePage')),
  myCases: lazy(() => import('../features/dashboard/MyCasesPage')),
  calc: lazy(() => import('../features/labor-law/CalcPage')),
  disputes: lazy(() => import('../features/disputes/DisputesPage')),
  disputesQueue: lazy(() => import('../features/disputes/QueuePage')),
  disputesStats: lazy(() => import('../features/disputes/StatsPage')),
  disputesSettings: lazy(() => import('../features/disputes/settings/SettingsPage')),
  organizations: lazy(() => import('../features/organizations/OrganizationsPage')),
  employers: lazy(() => import('../features/employers/EmployersPage')),
  people: lazy(() => import('../features/people/PeoplePage')),
  courts: lazy(() => import('../features/courts/CourtsPage')),
  regions: lazy(() => import('../features/regions/RegionsPage')),
  laborParams: lazy(() => import('../features/labor-law/LaborParamsPage')),
  accounts: lazy(() => import('../features/accounts/AccountsPage')),
  audit: lazy(() => import('../features/audit/AuditPage')),
  messages: lazy(() => import('../features/notifications/MessagesPage')),
  jobs: lazy(() => import('../features/jobs/JobsPage')),
};

const LoginPage = lazy(() => import('../features/auth/LoginPage'));

/**
 * Pages for people without an account (a worker applying or tracking a case, an employer answering
 * by its one-time link): always in the public frame, signed in or not, and never in the menu.
 */
const PUBLIC_ONLY: { path: string; page: Page }[] = [
  { path: '/apply', page: lazy(() => import('../features/disputes/public/ApplyPage')) },
  { path: '/track', page: lazy(() => import('../features/disputes/public/TrackPage')) },
  { path: '/e/:token', page: lazy(() => import('../features/disputes/public/EmployerLinkPage')) },
  { path: '/demo/phone', page: lazy(() => import('../features/notifications/DemoPhonePage')) },
];

function Guarded({ entry, page: Page }: { entry: MenuEntry; page: Page }) {
  const { me } = useAuth();
  return me && canSee(entry, me) ? <Page /> : <Forbidden />;
}

function RequireSignIn() {
  const { me } = useAuth();
  const location = useLocation();
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <AppLayout />;
}

export function AppRoutes() {
  const { me } = useAuth();
  usePageTitle();
  if (me === undefined) return <Spin fullscreen />;
  return (
    <Routes>
      <Route path="/login" element={me ? <Navigate to={landingPath(me)} replace /> : <LoginPage />} />
      {PUBLIC_ONLY.map(({ path, page: Page }) => (
        <Route
          key={path}
          path={path}
          element={
            <PublicLayout>
              <Page />
            </PublicLayout>
          }
        />
      ))}
      {/* Public pages: without a session they render in the public frame; signed in, in the app frame below. */}
      {!me &&
        MENU.filter((entry) => entry.public && PAGES[entry.key]).map((entry) => {
          const Page = PAGES[entry.key]!;
          return (
            <Route
              key={entry.key}
              path={`${entry.path}/*`}
              element={
                <PublicLayout>
                  <Page />
                </PublicLayout>
              }
            />
          );
        })}
      <Route element={<RequireSignIn />}>
        {MENU.map((entry) => {
          const page = PAGES[entry.key];
          if (!page || (!me && entry.public)) return null;
          const element = <Guarded entry={entry} page={page} />;
          // Non-root pages may define their own sub-routes (e.g. /employers/:id) with <Routes>.
          return entry.path === '/' ? (
            <Route key={entry.key} index element={element} />
          ) : (
            <Route key={entry.key} path={`${entry.path}/*`} element={element} />
          );
        })}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
