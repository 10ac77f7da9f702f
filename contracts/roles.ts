// Roles and permissions shared by server (enforcement) and web (menus).
// The server is the authority: the web only hides what the server would refuse anyway.

export const ROLES = [
  'worker',
  'mediator',
  'judge',
  'court_clerk',
  'union_staff',
  'employer_agent',
  'station_manager',
  'donor',
  /** The head of a mediation studio (工作室负责人), given together with mediator. */
  'studio_manager',
  /** A union organiser (组织员) who recruits new-employment-form workers and logs outreach visits. */
  'union_organiser',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'dashboard:view',
  'regions:read',
  'courts:read',
  'organizations:read',
  'organizations:manage',
  'employers:read',
  'employers:manage',
  'people:read',
  'people:manage',
  'people:reveal_id',
  'accounts:manage',
  'audit:read',
  'labor_params:manage',
  'self:read',
  /** Register a dispute (mediator at the counter; a worker online). */
  'disputes:intake',
  /** See cases (which ones depends on the role: studio, court, employer, own). */
  'disputes:read',
  /** Run cases: analysis, contact, sessions, agreement, assignment. */
  'disputes:work',
  /** Work the judicial-confirmation queue. */
  'disputes:confirm',
  /** Dispute statistics for the region. */
  'disputes:stats',
  /** Keep the mediators' profiles of the region: availability, expertise, lifting declared conflicts. */
  'disputes:manage',
  /** Read every message sent (codes hidden) and send a failed one again. */
  'messages:manage',
  /** The background jobs: queues, failed jobs and their retry (system administrators). */
  'jobs:manage',
  /** Union-fee refunds (经费返还): the enterprise registry of the region and its imports' results. */
  'fee_refunds:read',
  /** Upload the fee-refund files of the region (the enterprise registry first) and roll an upload back. */
  'fee_refunds:import',
  /** Compute refund runs, submit batches, re-batch returned lines, import the bank's results (the maker). */
  'fee_refunds:run',
  /** Approve a batch someone else submitted (the checker; never one's own). */
  'fee_refunds:approve',
  /** Stations (驿站) of the region: the registry, devices, visits and registered workers. */
  'stations:read',
  /** Keep the region's stations and their door terminals: create, change, set device secrets. */
  'stations:manage',
  /** A donor company's own donations to the stations, with the thank-you for each (the donor's page). */
  'stations:donor',
  /** Membership (入会) of the region: the approval queue, the register, the grid's figures, reports. */
  'membership:read',
  /** Approve or reject applications to join (the organization's approver, or staff of its region). */
  'membership:approve',
  /** Keep the register, organisers and areas, insurance records and imports, recommendations. */
  'membership:manage',
  /** An organiser's own QR, outreach visits and figures. */
  'membership:organise',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = ['dashboard:view', 'regions:read', 'courts:read', 'self:read'];

export const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  worker: [...everyone, 'disputes:intake', 'disputes:read'],
  mediator: [
    ...everyone,
    'organizations:read',
    'employers:read',
    'employers:manage',
    'people:read',
    'people:manage',
    'people:reveal_id',
    'disputes:intake',
    'disputes:read',
    'disputes:work',
    'disputes:stats',
  ],
  judge: [
    ...everyone,
    'organizations:read',
    'employers:read',
    'people:read',
    'disputes:read',
    'disputes:confirm',
    'disputes:stats',
  ],
  court_clerk: [
    ...everyone,
    'organizations:read',
    'employers:read',
    'people:read',
    'disputes:read',
    'disputes:confirm',
    'disputes:stats',
  ],
  union_staff: [
    ...everyone,
    'organizations:read',
    'organizations:manage',
    'employers:read',
    'employers:manage',
    'people:read',
    'people:manage',
    'labor_params:manage',
    'disputes:stats',
    'fee_refunds:read',
    'fee_refunds:import',
    'fee_refunds:run',
    'fee_refunds:approve',
    'stations:read',
    'stations:manage',
    'membership:read',
    'membership:approve',
    'membership:manage',
  ],
  employer_agent: [...everyone, 'employers:read', 'disputes:read'],
  station_manager: [...everyone, 'organizations:read', 'stations:read'],
  // Only the donor's own page: the stations themselves are the staff's.
  donor: [...everyone, 'stations:donor'],
  // Only what the mediator role does not give: the studio's head also works cases as a mediator.
  studio_manager: [...everyone, 'disputes:manage'],
  union_organiser: [...everyone, 'membership:organise'],
  system_admin: [...PERMISSIONS],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  return set;
}

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  worker: { zh: '职工', en: 'Worker' },
  mediator: { zh: '调解员', en: 'Mediator' },
  judge: { zh: '调解法官', en: 'Judge' },
  court_clerk: { zh: '书记员', en: 'Court clerk' },
  union_staff: { zh: '工会工作人员', en: 'Union staff' },
  employer_agent: { zh: '用人单位', en: 'Employer' },
  station_manager: { zh: '驿站管理员', en: 'Station manager' },
  donor: { zh: '爱心企业', en: 'Donor company' },
  studio_manager: { zh: '工作室负责人', en: 'Studio manager' },
  union_organiser: { zh: '工会组织员', en: 'Union organiser' },
  system_admin: { zh: '系统管理员', en: 'System administrator' },
};
