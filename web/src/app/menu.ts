import type { Permission, Role } from '../../../contracts/roles';
import type { AppStrings } from './i18n/strings.zh';

/**
 * The navigation menu, in display order. Each entry is also a route (see routes.tsx, which
 * maps the key to a lazily loaded page) and the route is guarded by the same rule, so
 * adding a module page is one entry here plus one line there.
 */
export interface MenuEntry {
  key: string;
  /** Absolute path; the page may add its own sub-routes below it (e.g. /employers/:id). */
  path: string;
  /** i18n key of the label (checked: one of the menu's strings). */
  labelKey: `menu.${keyof AppStrings['menu']}`;
  /** Shown only with this permission (as reported by the server in Me.permissions). */
  permission: Permission;
  /** If set, shown only to users holding at least one of these roles. */
  roles?: readonly Role[];
  /** Also open without signing in, in the public frame (e.g. the worker's calculator). */
  public?: boolean;
}

/** Staff who work with courts and reference data; workers, donors, employers and stations don't. */
const STAFF: readonly Role[] = ['mediator', 'judge', 'court_clerk', 'union_staff', 'system_admin'];

export const MENU: readonly MenuEntry[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', permission: 'dashboard:view' },
  { key: 'me', path: '/me', labelKey: 'menu.me', permission: 'self:read', roles: ['worker'] },
  // An employer's agent: the cases its employer is party to (the case list answers with those only).
  {
    key: 'myCases',
    path: '/my-cases',
    labelKey: 'menu.myCases',
    permission: 'disputes:read',
    roles: ['employer_agent'],
  },
  // An employer's agent: its enterprise's union-fee refunds (the API answers its own enterprise only).
  {
    key: 'myFeeRefunds',
    path: '/my-fee-refunds',
    labelKey: 'menu.myFeeRefunds',
    permission: 'employers:read',
    roles: ['employer_agent'],
  },
  { key: 'calc', path: '/calc', labelKey: 'menu.calc', permission: 'dashboard:view', public: true },
  // Disputes: staff who work cases (employers answer by link, workers track by SMS code).
  {
    key: 'disputes',
    path: '/disputes',
    labelKey: 'menu.disputes',
    permission: 'disputes:read',
    roles: ['mediator', 'judge', 'court_clerk', 'system_admin'],
  },
  {
    key: 'disputesQueue',
    path: '/disputes/queue',
    labelKey: 'menu.disputesQueue',
    permission: 'disputes:confirm',
    roles: ['judge', 'court_clerk', 'system_admin'],
  },
  { key: 'disputesStats', path: '/disputes/stats', labelKey: 'menu.disputesStats', permission: 'disputes:stats' },
  // Mediators keep their own profiles here, studio managers everyone's (a studio manager may
  // not hold disputes:work, hence the role list); the triggers and calendar are nationwide settings.
  {
    key: 'disputesSettings',
    path: '/disputes/settings',
    labelKey: 'menu.disputesSettings',
    permission: 'dashboard:view',
    roles: ['mediator', 'studio_manager', 'system_admin'],
  },
  { key: 'organizations', path: '/organizations', labelKey: 'menu.organizations', permission: 'organizations:read' },
  { key: 'employers', path: '/employers', labelKey: 'menu.employers', permission: 'employers:read' },
  // Union-fee refunds (经费返还): the enterprise registry of the region and its import.
  { key: 'feeRefunds', path: '/fee-refunds', labelKey: 'menu.feeRefunds', permission: 'fee_refunds:read' },
  // Outdoor workers' stations (驿站): the region's registry, each station's terminals and visits.
  { key: 'stations', path: '/stations', labelKey: 'menu.stations', permission: 'stations:read' },
  // The city or province dashboard of the stations: visits, stations online, alarms; its workbook.
  {
    key: 'stationsDashboard',
    path: '/stations/dashboard',
    labelKey: 'menu.stationsDashboard',
    permission: 'stations:read',
  },
  // A donor company (爱心企业): its own donations to the stations, with their thanks.
  { key: 'myDonations', path: '/my-donations', labelKey: 'menu.myDonations', permission: 'stations:donor' },
  // Membership (入会): the region's approval queue and its register of members (with the card check).
  { key: 'membership', path: '/membership', labelKey: 'menu.membership', permission: 'membership:read' },
  {
    key: 'membershipMembers',
    path: '/membership/members',
    labelKey: 'menu.membershipMembers',
    permission: 'membership:read',
  },
  // The program's figures (the seed's Haixi dashboard): unions, members, insured, recommended.
  {
    key: 'membershipReports',
    path: '/membership/reports',
    labelKey: 'menu.membershipReports',
    permission: 'membership:read',
  },
  // Membership grid (分片包干): the region's board, league table, organisers and areas.
  { key: 'membershipGrid', path: '/membership/grid', labelKey: 'menu.membershipGrid', permission: 'membership:read' },
  // Members' work-injury cover (参保: record, import, coverage, ending soon) and 推优入党.
  {
    key: 'membershipInsurance',
    path: '/membership/insurance',
    labelKey: 'menu.membershipInsurance',
    permission: 'membership:read',
  },
  // An organiser's own page on the phone: the joining QR, visits with photos, figures.
  {
    key: 'myOrganising',
    path: '/my-organising',
    labelKey: 'menu.myOrganising',
    permission: 'membership:organise',
    roles: ['union_organiser', 'system_admin'],
  },
  { key: 'people', path: '/people', labelKey: 'menu.people', permission: 'people:read' },
  { key: 'courts', path: '/courts', labelKey: 'menu.courts', permission: 'courts:read', roles: STAFF },
  {
    key: 'regions',
    path: '/regions',
    labelKey: 'menu.regions',
    permission: 'regions:read',
    roles: ['union_staff', 'system_admin'],
  },
  // Everyone signed in may read the figures; mediators need them, editing is labor_params:manage.
  {
    key: 'laborParams',
    path: '/labor-params',
    labelKey: 'menu.laborParams',
    permission: 'dashboard:view',
    roles: ['mediator', 'union_staff', 'system_admin'],
  },
  { key: 'accounts', path: '/accounts', labelKey: 'menu.accounts', permission: 'accounts:manage' },
  { key: 'audit', path: '/audit', labelKey: 'menu.audit', permission: 'audit:read' },
  { key: 'messages', path: '/messages', labelKey: 'menu.messages', permission: 'messages:manage' },
  { key: 'jobs', path: '/jobs', labelKey: 'menu.jobs', permission: 'jobs:manage' },
];

export interface MenuUser {
  roles: readonly Role[];
  permissions: readonly Permission[];
}

export function canSee(entry: MenuEntry, user: MenuUser): boolean {
  if (!user.permissions.includes(entry.permission)) return false;
  return !entry.roles || entry.roles.some((r) => user.roles.includes(r));
}

export function visibleMenu(user: MenuUser, menu: readonly MenuEntry[] = MENU): MenuEntry[] {
  return menu.filter((e) => canSee(e, user));
}

/** Where a user lands after signing in: workers on their own page, everyone else on Home. */
export function landingPath(user: MenuUser): string {
  const items = visibleMenu(user);
  const me = items.find((e) => e.key === 'me');
  return me?.path ?? items[0]?.path ?? '/';
}

/** The menu entry a location belongs to (longest matching path prefix). */
export function entryForPath(pathname: string, menu: readonly MenuEntry[] = MENU): MenuEntry | undefined {
  let best: MenuEntry | undefined;
  for (const e of menu) {
    const match = e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`);
    if (match && (!best || e.path.length > best.path.length)) best = e;
  }
  return best;
}
