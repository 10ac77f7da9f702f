import { systemCtx } from '../core/context.js';
import type { Deps } from '../core/deps.js';
import type { ImportRun } from '../modules/imports/define.js';
import type { EnterpriseImportRow } from '../modules/fee-refunds/registry/row.js';
import { commitEnterprises } from '../modules/fee-refunds/registry/writes.js';
import { classify, SIZE_STANDARDS_2011, type ClassLimits } from '../modules/fee-refunds/rules/size-class.js';
import type { TaxImportRow } from '../modules/fee-refunds/tax/row.js';
import { commitCollections } from '../modules/fee-refunds/tax/writes.js';
import { BRANDS, uscc } from './people-gen.js';
import { createRng, type Rng } from './random.js';

// The fee-refund demo: Jiangsu's enterprise registry and its 2024 tax collection data, written
// through the module's own commit paths (the employers register registers each enterprise, the
// size class comes from the rules), as if two imports had arrived from the provincial systems.

/** Jiangsu counties of the GB/T 2260 reference data: code, city, county, its weight. */
const COUNTIES: readonly (readonly [string, string, string, number])[] = [
  ['320102', '南京市', '玄武区', 5],
  ['320104', '南京市', '秦淮区', 3],
  ['320106', '南京市', '鼓楼区', 3],
  ['320115', '南京市', '江宁区', 4],
  ['320505', '苏州市', '虎丘区', 4],
  ['320506', '苏州市', '吴中区', 3],
  ['320583', '苏州市', '昆山市', 4],
  ['320582', '苏州市', '张家港市', 2],
  ['320211', '无锡市', '滨湖区', 3],
  ['320281', '无锡市', '江阴市', 2],
  ['320412', '常州市', '武进区', 3],
  ['320612', '南通市', '通州区', 2],
  ['320312', '徐州市', '铜山区', 2],
  ['321002', '扬州市', '广陵区', 1],
  ['321181', '镇江市', '丹阳市', 1],
];

/** 国家税务总局 + city + county + 税务局; a county-level city's office is named by that city alone. */
export function taxOfficeOf(city: string, county: string): string {
  return county.endsWith('市') ? `国家税务总局${county}税务局` : `国家税务总局${city}${county}税务局`;
}

/** GB/T 4754-2017 codes (door letter, division or group) with words for the name and weights. */
const INDUSTRIES: readonly (readonly [string, readonly string[], number])[] = [
  ['C26', ['化工', '新材料'], 4],
  ['C34', ['机械制造', '精密机械'], 5],
  ['C38', ['电气', '电机'], 4],
  ['C39', ['电子', '光电科技'], 5],
  ['C18', ['服饰', '纺织'], 3],
  ['E47', ['建筑工程', '建设工程'], 4],
  ['F51', ['商贸', '贸易'], 4],
  ['F52', ['超市', '百货'], 3],
  ['G54', ['运输', '货运'], 2],
  ['G60', ['速递服务', '快递服务'], 1],
  ['H61', ['酒店管理', '酒店'], 1],
  ['H62', ['餐饮管理', '餐饮服务'], 2],
  ['I65', ['信息技术', '软件技术'], 4],
  ['K702', ['物业管理', '物业服务'], 2],
  ['L72', ['企业管理咨询', '人力资源服务'], 2],
  ['M75', ['科技发展', '技术服务'], 2],
];

/** CNAPS bank code prefixes (bank, city part taken from the county), and account number shapes. */
const BANKS: readonly { bank: string; name: string; head: string; length: number }[] = [
  { bank: '102', name: '中国工商银行', head: '43', length: 19 },
  { bank: '103', name: '中国农业银行', head: '10', length: 17 },
  { bank: '104', name: '中国银行', head: '5', length: 12 },
  { bank: '105', name: '中国建设银行', head: '320', length: 20 },
  { bank: '301', name: '交通银行', head: '32', length: 21 },
  { bank: '313', name: '城市商业银行', head: '01', length: 16 },
  { bank: '314', name: '农村商业银行', head: '0', length: 18 },
];

/** CNAPS area part (4 digits) by city. */
const CNAPS_AREA: Record<string, string> = {
  南京市: '3010',
  无锡市: '3020',
  徐州市: '3030',
  常州市: '3040',
  苏州市: '3050',
  南通市: '3060',
  扬州市: '3120',
  镇江市: '3140',
};

/** The demo's brand words, without the ones that name another province (粤…). */
const JIANGSU_BRANDS = BRANDS.filter((b) => !b.startsWith('粤'));

export const FEE_DEMO_ENTERPRISES = 300;
export const FEE_DEMO_YEAR = 2024;
/** The two demo imports' ids (the collections name theirs; nothing else refers to them). */
export const FEE_DEMO_REGISTRY_IMPORT = '00000000-0000-4000-8000-0000000fee01';
export const FEE_DEMO_TAX_IMPORT = '00000000-0000-4000-8000-0000000fee02';

type Band = 'micro' | 'small' | 'medium' | 'large';

function digitsOf(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/** A figure inside the band of a limit pair (below `small`, between two limits, up to 3× `large`). */
function inBand(rng: Rng, band: Band, key: keyof ClassLimits, limits: Record<Exclude<Band, 'micro'>, ClassLimits>) {
  const small = limits.small[key]!;
  const medium = limits.medium[key]!;
  const large = limits.large[key]!;
  const [lo, hi] =
    band === 'micro'
      ? [small / 10, small]
      : band === 'small'
        ? [small, medium]
        : band === 'medium'
          ? [medium, large]
          : [large, large * 3];
  return lo + rng.next() * (hi - lo) * 0.98;
}

/** Employees when the standard does not decide by them: a plausible head count per band. */
const EMPLOYEES: Record<Band, readonly [number, number]> = {
  micro: [3, 19],
  small: [20, 99],
  medium: [100, 600],
  large: [800, 4000],
};

function account(rng: Rng, area: string) {
  const b = rng.pick(BANKS);
  const code = `${b.bank}${area}${digitsOf(rng, 5)}`;
  return { code, no: b.head + digitsOf(rng, b.length - b.head.length) };
}

export interface FeeDemoData {
  enterprises: EnterpriseImportRow[];
  collections: TaxImportRow[];
}

const fenToYuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** The demo registry and collections: the same every time. */
export function generateFeeDemo(count = FEE_DEMO_ENTERPRISES): FeeDemoData {
  const rng = createRng('fee-refunds-jiangsu');
  const enterprises: EnterpriseImportRow[] = [];
  const collections: TaxImportRow[] = [];
  const seen = new Set<string>();
  const names = new Set<string>();
  while (enterprises.length < count) {
    const [regionCode, city, county] = rng.weighted(COUNTIES.map((c) => [c, c[3]] as const));
    const [industryCode, words] = rng.weighted(INDUSTRIES.map((i) => [i, i[2]] as const));
    const code = uscc(rng, regionCode);
    const name = `${city.replace('市', '')}${rng.pick(JIANGSU_BRANDS)}${rng.pick(words)}${rng.chance(0.8) ? '有限公司' : '股份有限公司'}`;
    if (seen.has(code) || names.has(name)) continue;
    seen.add(code);
    names.add(name);
    const band = rng.weighted<Band>([
      ['micro', 40],
      ['small', 35],
      ['medium', 18],
      ['large', 7],
    ]);
    const category = classify({ industryCode, employees: null, revenueFen: null, assetsFen: null }).category;
    const limits = SIZE_STANDARDS_2011.standards[category!];
    const employees = limits.small.employees
      ? Math.max(1, Math.floor(inBand(rng, band, 'employees', limits)))
      : rng.int(...EMPLOYEES[band]);
    // A figure the standard does not decide by follows the others: 20–80 万元 of revenue a head,
    // assets of 0.3–1.2 years' revenue.
    const revenueWan = limits.small.revenueWan ? inBand(rng, band, 'revenueWan', limits) : employees * rng.int(20, 80);
    const assetsWan = limits.small.assetsWan
      ? inBand(rng, band, 'assetsWan', limits)
      : revenueWan * (0.3 + rng.next() * 0.9);
    const revenueFen = Math.round(revenueWan * 100) * 10_000;
    const assetsFen = Math.round(assetsWan * 100) * 10_000;
    const union = rng.weighted<'account' | 'bare' | 'none'>([
      ['account', 72],
      ['bare', 13],
      ['none', 15],
    ]);
    const area = CNAPS_AREA[city]!;
    const paying = account(rng, area);
    const own = union === 'account' ? account(rng, area) : null;
    const established = `${rng.int(2001, 2023)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const hasUnion = union !== 'none';
    enterprises.push({
      uscc: code,
      usccCheckWarning: false,
      name,
      regionCode,
      industryCode,
      employees,
      revenueWan: String(revenueFen / 1_000_000),
      revenueFen,
      assetsWan: String(assetsFen / 1_000_000),
      assetsFen,
      union: hasUnion ? '是' : '否',
      hasUnion,
      ...(hasUnion ? { unionEstablishedOn: established } : {}),
      ...(own ? { unionBankCode: own.code, unionAccountNo: own.no, unionAccountName: `${name}工会委员会` } : {}),
      payingBankCode: paying.code,
      payingAccountNo: paying.no,
      payingAccountName: name,
    });
    // 工会经费: 2% of the wage base (工会法第四十三条), collected monthly by the tax bureau.
    const monthlyWageYuan = rng.int(5500, 16000);
    const office = taxOfficeOf(city, county);
    for (let m = 1; m <= 12; m++) {
      const headcount = Math.max(1, employees + rng.int(-Math.ceil(employees / 50), Math.ceil(employees / 50)));
      const wageBaseFen = headcount * (monthlyWageYuan + rng.int(-300, 300)) * 100;
      const paidFen = (wageBaseFen * 200) / 10_000;
      const mm = String(m).padStart(2, '0');
      const last = new Date(Date.UTC(FEE_DEMO_YEAR, m, 0)).getUTCDate();
      const ty = m === 12 ? FEE_DEMO_YEAR + 1 : FEE_DEMO_YEAR;
      const tm = String(m === 12 ? 1 : m + 1).padStart(2, '0');
      collections.push({
        uscc: code,
        usccCheckWarning: false,
        taxpayerName: name,
        periodFrom: `${FEE_DEMO_YEAR}-${mm}-01`,
        periodTo: `${FEE_DEMO_YEAR}-${mm}-${last}`,
        wageBase: fenToYuan(wageBaseFen),
        wageBaseFen,
        rate: '0.02',
        rateBp: 200,
        paid: fenToYuan(paidFen),
        paidFen,
        // 电子税票号码 (18 digits): 3, county, year, month, the enterprise's number (unique by construction), a digit.
        eTicketNo: `3${regionCode}${String(FEE_DEMO_YEAR).slice(2)}${mm}${String(enterprises.length).padStart(6, '0')}${rng.int(0, 9)}`,
        taxOfficeName: office,
        treasuryDate: `${ty}-${tm}-${String(rng.int(5, 15)).padStart(2, '0')}`,
        regionCode,
      });
    }
  }
  return { enterprises, collections };
}

/** Writes the fee-refund demo through the registry's and the tax data's commit paths, in one transaction. */
export async function writeFeeDemo(deps: Deps, data: FeeDemoData = generateFeeDemo()) {
  const run = (importId: string): ImportRun => ({
    importId,
    regionCode: '320000',
    acceptWarnings: false,
    ctx: systemCtx('seed'),
  });
  return deps.db.transaction(async (tx) => {
    const registry = await commitEnterprises(
      deps,
      tx,
      run(FEE_DEMO_REGISTRY_IMPORT),
      data.enterprises.map((row, i) => ({ rowNo: i + 2, row })),
    );
    const tax = await commitCollections(
      tx,
      run(FEE_DEMO_TAX_IMPORT),
      data.collections.map((row, i) => ({ rowNo: i + 2, row })),
    );
    return { enterprises: registry.inserted, collections: tax.inserted };
  });
}
