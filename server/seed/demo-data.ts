import type { Role } from '../../contracts/roles.js';
import { DEMO_REGIONS, type DemoRegion } from './demo-regions.js';
import { INDUSTRIES, address, chineseName, companyName, mobile, residentId, uscc } from './people-gen.js';
import { createRng, type Rng } from './random.js';

/** Pure description of the demo data set: the same seed and scale always give the same rows. */
export interface DemoOrganization {
  key: string;
  name: string;
  kind: 'national' | 'provincial' | 'city' | 'county' | 'grassroots' | 'joint' | 'industry';
  parentKey: string | null;
  regionCode: string | null;
}

export interface DemoEmployer {
  key: string;
  uscc: string;
  name: string;
  regionCode: string;
  industryCode: string;
  address: string;
  contactName: string;
  contactPhone: string;
}

export interface DemoPerson {
  key: string;
  name: string;
  phone: string;
  residentId: string;
  regionCode: string;
  occupation: string;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  label: string;
  roles: Role[];
  regionCode: string | null;
  organizationKey?: string;
  courtCode?: string;
  employerKey?: string;
  personKey?: string;
  /** Printed at start-up (the others exist to give the demo realistic spread). */
  listed?: boolean;
}

export const DEMO_PASSWORD = 'Yizhan2026';
export const DEMO_AS_OF = new Date('2026-01-01T00:00:00Z');

const OCCUPATIONS = [
  '外卖骑手',
  '快递员',
  '建筑工人',
  '钢筋工',
  '木工',
  '电焊工',
  '装配工',
  '网约车司机',
  '货车司机',
  '保洁员',
  '保安员',
  '厨师',
  '服务员',
  '仓储管理员',
  '质检员',
];

/** The studio's pool of full-time mediators besides the demo login 黄丽华. */
export const STUDIO_MEDIATORS = ['刘志明', '陈秀英', '林国华', '麦洁仪', '冯少军'];

export const DEMO_COURTS = [
  {
    code: '粤2071',
    name: '中山市第一人民法院',
    level: 'basic' as const,
    regionCode: '442000',
    address: '中山市东区中山四路',
  },
  {
    code: '粤2072',
    name: '中山市第二人民法院',
    level: 'basic' as const,
    regionCode: '442000',
    address: '中山市小榄镇',
  },
  {
    code: '粤20',
    name: '广东省中山市中级人民法院',
    level: 'intermediate' as const,
    regionCode: '442000',
    address: '中山市东区博爱六路',
  },
];

/** A second city's studio, so that nothing about Zhongshan is taken for the platform's own. */
export const GZ_COURTS = [
  {
    code: '粤0106',
    name: '广州市天河区人民法院',
    level: 'basic' as const,
    regionCode: '440106',
    address: '广州市天河区天河北路',
  },
];

export interface DemoStudio {
  key: string;
  name: string;
  organizationKey: string;
  regionCode: string;
  address: string;
  contactPhone: string;
  caseNumberPrefix: string;
  defaultCourtCode: string;
}

/** The union studios that take dispute cases; each numbers its own cases with its prefix. */
export const DEMO_STUDIOS: DemoStudio[] = [
  {
    key: 'zs',
    name: '中山市总工会劳动争议诉调对接工作室',
    organizationKey: 'zs-studio',
    regionCode: '442000',
    address: '中山市法院诉讼服务中心',
    contactPhone: '0760-88880001',
    caseNumberPrefix: '粤中工调',
    defaultCourtCode: '粤2071',
  },
  {
    key: 'gz',
    name: '广州市总工会劳动争议调解工作室',
    organizationKey: 'gz-studio',
    regionCode: '440100',
    address: '广州市天河区人民法院诉讼服务中心',
    contactPhone: '020-83330001',
    caseNumberPrefix: '穗工调',
    defaultCourtCode: '粤0106',
  },
];

function organizationsFor(): DemoOrganization[] {
  const orgs: DemoOrganization[] = [
    { key: 'acftu', name: '中华全国总工会', kind: 'national', parentKey: null, regionCode: null },
  ];
  const provinces: Record<string, string> = {
    '440000': '广东省总工会',
    '320000': '江苏省总工会',
    '340000': '安徽省总工会',
    '360000': '江西省总工会',
    '630000': '青海省总工会',
    '130000': '河北省总工会',
    '330000': '浙江省总工会',
  };
  for (const [code, name] of Object.entries(provinces))
    orgs.push({ key: `p${code}`, name, kind: 'provincial', parentKey: 'acftu', regionCode: code });
  const cities: [string, string, string][] = [
    ['442000', '440000', '中山市总工会'],
    ['440100', '440000', '广州市总工会'],
    ['320100', '320000', '南京市总工会'],
    ['320500', '320000', '苏州市总工会'],
    ['340100', '340000', '合肥市总工会'],
    ['361100', '360000', '上饶市总工会'],
    ['632800', '630000', '海西州总工会'],
    ['130100', '130000', '石家庄市总工会'],
    ['330500', '330000', '湖州市总工会'],
  ];
  for (const [code, p, name] of cities)
    orgs.push({ key: `c${code}`, name, kind: 'city', parentKey: `p${p}`, regionCode: code });
  const counties: [string, string, string][] = [
    ['320102', '320100', '南京市玄武区总工会'],
    ['320505', '320500', '苏州市虎丘区总工会'],
    ['340111', '340100', '合肥市包河区总工会'],
    ['361102', '361100', '上饶市信州区总工会'],
    ['632801', '632800', '格尔木市总工会'],
    ['130102', '130100', '石家庄市长安区总工会'],
    ['330521', '330500', '德清县总工会'],
  ];
  for (const [code, c, name] of counties)
    orgs.push({ key: `k${code}`, name, kind: 'county', parentKey: `c${c}`, regionCode: code });
  orgs.push(
    {
      key: 'zs-construction',
      name: '中山市建筑行业工会联合会',
      kind: 'industry',
      parentKey: 'c442000',
      regionCode: '442000',
    },
    {
      key: 'zs-express',
      name: '中山市快递行业工会联合会',
      kind: 'industry',
      parentKey: 'c442000',
      regionCode: '442000',
    },
    {
      key: 'zs-studio',
      name: '中山市总工会劳动争议诉调对接工作室',
      kind: 'grassroots',
      parentKey: 'c442000',
      regionCode: '442000',
    },
    {
      key: 'gz-studio',
      name: '广州市总工会劳动争议调解工作室',
      kind: 'grassroots',
      parentKey: 'c440100',
      regionCode: '440100',
    },
    {
      key: 'hf-riders',
      name: '包河区新就业形态劳动者联合工会',
      kind: 'joint',
      parentKey: 'k340111',
      regionCode: '340111',
    },
    {
      key: 'hx-drivers',
      name: '海西州货车司机工会联合会',
      kind: 'industry',
      parentKey: 'c632800',
      regionCode: '632801',
    },
  );
  return orgs;
}

function employersFor(rng: Rng, region: DemoRegion, count: number): DemoEmployer[] {
  const out: DemoEmployer[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const industry = rng.pick(INDUSTRIES);
    const name = companyName(rng, region.cityName, industry);
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({
      key: `${region.code}-e${out.length}`,
      uscc: uscc(rng, region.code),
      name,
      regionCode: region.code,
      industryCode: industry.code,
      address: address(rng, region.cityName, { districts: region.districts }),
      contactName: chineseName(rng).name,
      contactPhone: mobile(rng),
    });
  }
  return out;
}

function peopleFor(rng: Rng, region: DemoRegion, count: number, usedIds: Set<string>): DemoPerson[] {
  const out: DemoPerson[] = [];
  while (out.length < count) {
    const n = chineseName(rng);
    // Migrant workers are registered where they work but often born elsewhere.
    const birthRegion = rng.chance(0.6) ? region.code : rng.pick(DEMO_REGIONS).code;
    const id = residentId(rng, birthRegion, { asOf: DEMO_AS_OF, minAge: 18, maxAge: 60, sex: n.sex });
    if (usedIds.has(id)) continue;
    usedIds.add(id);
    out.push({
      key: `${region.code}-p${out.length}`,
      name: n.name,
      phone: mobile(rng),
      residentId: id,
      regionCode: region.code,
      occupation: rng.pick(OCCUPATIONS),
    });
  }
  return out;
}

/**
 * The rows the demo logins point at (a Zhongshan construction company and one of its
 * workers) come from their own generator, so they are the same at every scale.
 */
function anchors() {
  const rng = createRng('yizhan-demo-anchors');
  const zs = DEMO_REGIONS[0]!;
  const construction = INDUSTRIES.find((i) => i.code === 'construction')!;
  const employer: DemoEmployer = {
    key: 'anchor-employer',
    uscc: uscc(rng, zs.code),
    name: companyName(rng, zs.cityName, construction),
    regionCode: zs.code,
    industryCode: construction.code,
    address: address(rng, zs.cityName, { districts: zs.districts }),
    contactName: chineseName(rng).name,
    contactPhone: mobile(rng),
  };
  const n = chineseName(rng, 'male');
  const worker: DemoPerson = {
    key: 'anchor-worker',
    name: n.name,
    phone: mobile(rng),
    residentId: residentId(rng, '361102', { asOf: DEMO_AS_OF, minAge: 30, maxAge: 50, sex: 'male' }),
    regionCode: zs.code,
    occupation: '建筑工人',
  };
  return { employer, worker };
}

export function generateDemo(scale = 1, seed = 'yizhan-demo') {
  const rng = createRng(seed);
  const { employer: zsConstruction, worker: zsWorker } = anchors();
  const usedIds = new Set<string>([zsWorker.residentId]);
  const employers: DemoEmployer[] = [zsConstruction];
  const people: DemoPerson[] = [zsWorker];
  for (const region of DEMO_REGIONS) {
    employers.push(
      ...employersFor(rng, region, Math.round(30 * region.weight * scale)).filter(
        (e) => e.name !== zsConstruction.name,
      ),
    );
    people.push(...peopleFor(rng, region, Math.round(80 * region.weight * scale), usedIds));
  }
  const accounts: DemoAccount[] = [
    {
      username: 'admin',
      displayName: '系统管理员',
      label: '系统管理员 system_admin (全国)',
      roles: ['system_admin'],
      regionCode: null,
    },
    {
      username: 'zs_union',
      displayName: '陈志强',
      label: '工会工作人员 union_staff (中山市)',
      roles: ['union_staff'],
      regionCode: '442000',
      organizationKey: 'c442000',
    },
    {
      username: 'js_union',
      displayName: '王晓燕',
      label: '工会工作人员 union_staff (江苏省)',
      roles: ['union_staff'],
      regionCode: '320000',
      organizationKey: 'p320000',
    },
    // The second person of the province's fee refunds: checks and approves what js_union prepares
    // (maker–checker), so the two steps are never one account's.
    {
      username: 'js_checker',
      displayName: '周建国',
      label: '工会工作人员 union_staff (江苏省，经费返还复核)',
      roles: ['union_staff'],
      regionCode: '320000',
      organizationKey: 'p320000',
    },
    {
      username: 'baohe_union',
      displayName: '李明',
      label: '工会工作人员 union_staff (合肥市包河区)',
      roles: ['union_staff'],
      regionCode: '340111',
      organizationKey: 'k340111',
    },
    {
      username: 'zs_mediator',
      displayName: '黄丽华',
      label: '调解员 mediator (中山诉调对接工作室)',
      roles: ['mediator'],
      regionCode: '442000',
      organizationKey: 'zs-studio',
    },
    {
      username: 'gz_mediator',
      displayName: '梁婉仪',
      label: '调解员 mediator (广州市总工会劳动争议调解工作室)',
      roles: ['mediator'],
      regionCode: '440100',
      organizationKey: 'gz-studio',
    },
    {
      username: 'zs_judge',
      displayName: '梁国栋',
      label: '调解法官 judge (中山市第一人民法院)',
      roles: ['judge'],
      regionCode: '442000',
      courtCode: '粤2071',
    },
    {
      username: 'zs_clerk',
      displayName: '何敏',
      label: '书记员 court_clerk (中山市第一人民法院)',
      roles: ['court_clerk'],
      regionCode: '442000',
      courtCode: '粤2071',
    },
    {
      username: 'employer',
      displayName: '罗嘉敏',
      label: `用人单位 employer_agent (${zsConstruction.name})`,
      roles: ['employer_agent'],
      regionCode: '442000',
      employerKey: zsConstruction.key,
    },
    {
      username: 'worker',
      displayName: zsWorker.name,
      label: `职工 worker (${zsWorker.name}, 中山市)`,
      roles: ['worker'],
      regionCode: '442000',
      personKey: zsWorker.key,
    },
    {
      username: 'hf_station',
      displayName: '周静',
      label: '驿站管理员 station_manager (合肥市包河区)',
      roles: ['station_manager'],
      regionCode: '340111',
      organizationKey: 'hf-riders',
    },
    {
      username: 'donor',
      displayName: '合肥顺达物流',
      label: '爱心企业 donor (合肥市包河区)',
      roles: ['donor'],
      regionCode: '340111',
    },
    // Haixi's membership program (seed article 4): the prefecture union's staff, who approve and
    // see the figures, and one of its organisers, who logs visits on a phone (seed/membership.ts).
    {
      username: 'hx_union',
      displayName: '马海燕',
      label: '工会工作人员 union_staff (海西州，入会)',
      roles: ['union_staff'],
      regionCode: '632800',
      organizationKey: 'c632800',
    },
    {
      username: 'hx_organiser',
      displayName: '韩永福',
      label: '工会组织员 union_organiser (海西州)',
      roles: ['union_organiser'],
      regionCode: '632800',
      organizationKey: 'c632800',
    },
    ...STUDIO_MEDIATORS.map((name, i) => ({
      username: `zs_mediator${i + 2}`,
      displayName: name,
      label: `调解员 mediator (${name})`,
      roles: ['mediator'] as Role[],
      regionCode: '442000',
      organizationKey: 'zs-studio',
      listed: false,
    })),
    {
      username: 'zs_judge2',
      displayName: '吴海燕',
      label: '调解法官 judge (中山市第二人民法院)',
      roles: ['judge'],
      regionCode: '442000',
      courtCode: '粤2072',
      listed: false,
    },
    {
      username: 'zs_judge3',
      displayName: '郑伟民',
      label: '调解法官 judge (中山市中级人民法院)',
      roles: ['judge'],
      regionCode: '442000',
      courtCode: '粤20',
      listed: false,
    },
  ];
  return {
    organizations: organizationsFor(),
    courts: [...DEMO_COURTS, ...GZ_COURTS],
    studios: DEMO_STUDIOS,
    employers,
    people,
    accounts,
  };
}
export type DemoData = ReturnType<typeof generateDemo>;
