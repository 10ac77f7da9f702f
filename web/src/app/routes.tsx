import { Spin } from 'antd';
import { lazy, useEffect, useState, type ComponentType } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth';
import { casePage } from '../features/disputes/pages';
import { stationPage } from '../features/stations/pages';
import { startEarlyRead } from './early-reads';
import { preloadable, type Preloadable } from './preloadable';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { MENU, canSee, landingPath, type MenuEntry } from './menu';
import { usePageTitle } from './pageTitle';
import { Forbidden, NotFound } from './status-pages';

type Page = ComponentType;
type Loader = () => Promise<{ default: ComponentType }>;

/** One lazily loaded page per menu key (see menu.ts). Pages export their component as default. */
const LOADERS: Record<string, Loader> = {
  home: () => import('../features/dashboard/DashboardPage'),
  me: () => import('../features/me/MePage'),
  myCases: () => import('../features/dashboard/MyCasesPage'),
  myFeeRefunds: () => import('../features/fee-refunds/MyRefundsPage'),
  calc: () => import('../features/labor-law/CalcPage'),
  disputes: () => import('../features/disputes/DisputesPage'),
  disputesQueue: () => import('../features/disputes/QueuePage'),
  disputesStats: () => import('../features/disputes/StatsPage'),
  disputesSettings: () => import('../features/disputes/settings/SettingsPage'),
  organizations: () => import('../features/organizations/OrganizationsPage'),
  employers: () => import('../features/employers/EmployersPage'),
  feeRefunds: () => import('../features/fee-refunds/FeeRefundsPage'),
  stations: () => import('../features/stations/StationsPage'),
  stationsDashboard: () => import('../features/stations/DashboardPage'),
  myDonations: () => import('../features/stations/MyDonationsPage'),
  membership: () => import('../features/membership/ApplicationsPage'),
  membershipMembers: () => import('../features/membership/MembersPage'),
  membershipReports: () => import('../features/membership/reports/ReportsPage'),
  membershipGrid: () => import('../features/membership/grid/GridPage'),
  membershipInsurance: () => import('../features/membership/insurance/InsurancePage'),
  myOrganising: () => import('../features/membership/grid/MyOrganisingPage'),
  people: () => import('../features/people/PeoplePage'),
  courts: () => import('../features/courts/CourtsPage'),
  regions: () => import('../features/regions/RegionsPage'),
  laborParams: () => import('../features/labor-law/LaborParamsPage'),
  accounts: () => import('../features/accounts/AccountsPage'),
  audit: () => import('../features/audit/AuditPage'),
  messages: () => import('../features/notifications/MessagesPage'),
  jobs: () => import('../features/jobs/JobsPage'),
};
const PAGES: Record<string, Preloadable> = Object.fromEntries(
  Object.entries(LOADERS).map(([key, load]) => [key, preloadable(load)]),
);

/**
 * Starts loading the code of the page at this address while the session is still being asked
 * for, instead of after: the page's chunks and the sign-in check travel at the same time. A case
 * page also starts its own chunk, which the disputes page would only ask for once rendered.
 */
export function preloadPage(pathname: string): void {
  startEarlyRead('/api/auth/me');
  const entry = MENU.filter((m) =>
    m.path === '/' ? pathname === '/' : pathname === m.path || pathname.startsWith(`${m.path}/`),
  ).sort((a, b) => b.path.length - a.path.length)[0];
  const page = entry && PAGES[entry.key];
  if (!page) return;
  const loads = [page.preload()];
  if (/^\/disputes\/[0-9a-f-]{36}$/.test(pathname)) {
    loads.push(casePage.preload());
    startEarlyRead(`/api${pathname}`);
  }
  if (/^\/stations\/[^/]+$/.test(pathname) && entry.key === 'stations') loads.push(stationPage.preload());
  firstPageCode = Promise.race([Promise.all(loads).then(() => undefined), delay(FIRST_PAGE_CODE_WAIT_MS)]);
}

/**
 * How long the first render waits (behind the start-up spinner) for the code of the page at the
 * address. A page whose code is not here when first rendered suspends, and React then holds back
 * the page for 300 ms after its code arrives (it throttles what a suspended boundary reveals):
 * measured on the case page, 0.3 s of its 0.65-0.7 s. Waiting for code that is usually a few tens
 * of milliseconds behind the sign-in check avoids that; on a slow line the cap lets the frame show.
 */
const FIRST_PAGE_CODE_WAIT_MS = 1500;
let firstPageCode: Promise<void> = Promise.resolve();
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** False until the first page's code has loaded (or the wait is over); then true for good. */
function useFirstPageCode(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void firstPageCode.then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}

const LoginPage = lazy(() => import('../features/auth/LoginPage'));

/**
 * Pages for people without an account (a worker applying or tracking a case, an employer answering
 * by its one-time link, an enterprise checking its fee refunds): always in the public frame, signed in
 * or not, and never in the menu.
 */
const PUBLIC_ONLY: { path: string; page: Page }[] = [
  { path: '/apply', page: lazy(() => import('../features/disputes/public/ApplyPage')) },
  { path: '/track', page: lazy(() => import('../features/disputes/public/TrackPage')) },
  { path: '/refunds', page: lazy(() => import('../features/fee-refunds/public/RefundsPage')) },
  { path: '/find', page: lazy(() => import('../features/stations/public/FinderPage')) },
  { path: '/s/:code', page: lazy(() => import('../features/stations/public/StationPublicPage')) },
  { path: '/pass', page: lazy(() => import('../features/stations/public/PassPage')) },
  { path: '/join/:code', page: lazy(() => import('../features/membership/public/JoinPage')) },
  { path: '/member-card', page: lazy(() => import('../features/membership/public/MemberCardPage')) },
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
  const codeReady = useFirstPageCode();
  usePageTitle();
  if (me === undefined || !codeReady) return <Spin fullscreen />;
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
          const Page = PAGES[entry.key]!.Page;
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
          const element = <Guarded entry={entry} page={page.Page} />;
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
