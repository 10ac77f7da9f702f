import fs from 'node:fs';
import path from 'node:path';
import { buildUscc, USCC_CHARSET } from '../server/core/identifiers/uscc.js';

// The three files of a fee-refund year, streamed to disk so millions of rows never sit in memory:
// the enterprise registry, twelve monthly collections of 2024 per enterprise (the union fee, 2 % of
// the wage base, 工会法第四十三条) and the bank's credits from the treasury, one per (tax office,
// treasury date), each summing that pair's collections exactly so every collection reconciles.

/** Jiangsu counties (GB/T 2260): code, city, county, CNAPS area part of the city. */
export const JIANGSU_COUNTIES: readonly (readonly [string, string, string, string])[] = [
  ['320102', '南京市', '玄武区', '3010'],
  ['320104', '南京市', '秦淮区', '3010'],
  ['320106', '南京市', '鼓楼区', '3010'],
  ['320115', '南京市', '江宁区', '3010'],
  ['320505', '苏州市', '虎丘区', '3050'],
  ['320506', '苏州市', '吴中区', '3050'],
  ['320583', '苏州市', '昆山市', '3050'],
  ['320582', '苏州市', '张家港市', '3050'],
  ['320211', '无锡市', '滨湖区', '3020'],
  ['320281', '无锡市', '江阴市', '3020'],
  ['320412', '常州市', '武进区', '3040'],
  ['320612', '南通市', '通州区', '3060'],
  ['320312', '徐州市', '铜山区', '3030'],
  ['321002', '扬州市', '广陵区', '3120'],
  ['321181', '镇江市', '丹阳市', '3140'],
];

export const REGISTRY_HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '所属区划代码',
  '行业门类',
  '从业人员',
  '营业收入（万元）',
  '资产总额（万元）',
  '是否建会',
  '建会日期',
  '工会账户开户行号',
  '工会账户账号',
  '工会账户户名',
  '缴费账户开户行号',
  '缴费账户账号',
  '缴费账户户名',
];
export const TAX_HEADERS = [
  '统一社会信用代码',
  '纳税人名称',
  '税款所属期起',
  '税款所属期止',
  '计税依据',
  '税率',
  '实缴金额',
  '电子税票号码',
  '征收税务机关',
  '入库日期',
  '所属区划代码',
];
export const BANK_HEADERS = ['入账日期', '付款方名称', '金额', '流水号'];

/** 国家税务总局 + city + county + 税务局; a county-level city's office is named by that city alone. */
function taxOffice(city: string, county: string): string {
  return county.endsWith('市') ? `国家税务总局${county}税务局` : `国家税务总局${city}${county}税务局`;
}

const INDUSTRIES = [
  ['C34', '机械制造'],
  ['C39', '电子科技'],
  ['F51', '商贸'],
  ['I65', '信息技术'],
  ['E47', '建筑工程'],
] as const;

/** Staff and revenue (万元) of the n-th enterprise: ~60 % micro, 28 % small, 10 % medium, 2 % large. */
function sizeOf(n: number): { employees: number; revenueWan: number } {
  const r = (n * 7919) % 100;
  if (r < 60) return { employees: 3 + (n % 15), revenueWan: 50 + (n % 200) };
  if (r < 88) return { employees: 25 + (n % 250), revenueWan: 400 + (n % 1500) };
  if (r < 98) return { employees: 320 + (n % 600), revenueWan: 3000 + (n % 30000) };
  return { employees: 1100 + (n % 2000), revenueWan: 45000 + (n % 100000) };
}

/** 72 % a union with its account, 13 % a union without an account, 15 % no union. */
function unionOf(n: number): 'account' | 'no_account' | 'none' {
  const r = (n * 104729) % 100;
  return r < 72 ? 'account' : r < 85 ? 'no_account' : 'none';
}

function usccOf(n: number, regionCode: string): string {
  let body = '';
  for (let v = n, i = 0; i < 7; i++, v = Math.floor(v / 31)) body = USCC_CHARSET[v % 31]! + body;
  return buildUscc({ registrationAuthority: '9', entityType: '1', regionCode, orgCodeBody8: `F${body}` });
}

class Out {
  private stream: fs.WriteStream;
  constructor(file: string, headers: string[]) {
    this.stream = fs.createWriteStream(file);
    this.stream.write(headers.join(',') + '\n');
  }
  async line(cells: (string | number)[]): Promise<void> {
    if (!this.stream.write(cells.join(',') + '\n'))
      await new Promise<void>((r) => this.stream.once('drain', () => r()));
  }
  close(): Promise<number> {
    return new Promise((resolve, reject) =>
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve(fs.statSync(this.stream.path).size))),
    );
  }
}

export interface FeeDataFiles {
  registry: string;
  tax: string;
  bank: string;
  enterprises: number;
  collections: number;
  credits: number;
  bytes: { registry: number; tax: number; bank: number };
}

/**
 * Writes the files for `enterprises` enterprises spread over the counties (all of Jiangsu's by
 * default, or one city's). Tax period: each month of 2024; treasury date: a day of the next month.
 */
export async function writeFeeData(dir: string, enterprises: number, city?: string): Promise<FeeDataFiles> {
  const counties = JIANGSU_COUNTIES.filter((c) => city === undefined || c[1] === city);
  const files = {
    registry: path.join(dir, 'registry.csv'),
    tax: path.join(dir, 'tax.csv'),
    bank: path.join(dir, 'bank.csv'),
  };
  const registry = new Out(files.registry, REGISTRY_HEADERS);
  const tax = new Out(files.tax, TAX_HEADERS);
  const credits = new Map<string, number>();
  let collections = 0;
  for (let n = 0; n < enterprises; n++) {
    const [region, cityName, county, area] = counties[n % counties.length]!;
    const office = taxOffice(cityName, county);
    const uscc = usccOf(n, region);
    const [industry, word] = INDUSTRIES[n % INDUSTRIES.length]!;
    const name = `${cityName}${county}测试${word}有限公司${n}`;
    const { employees, revenueWan } = sizeOf(n);
    const union = unionOf(n);
    const digits = String(n).padStart(9, '0');
    const unionCells =
      union === 'none'
        ? ['否', '', '', '', '']
        : [
            '是',
            `20${String(10 + (n % 14))}-0${1 + (n % 9)}-1${n % 10}`,
            ...(union === 'account' ? [`102${area}00012`, `43${region}${digits}1`, `${name}工会委员会`] : ['', '', '']),
          ];
    await registry.line([
      uscc,
      name,
      region,
      industry,
      employees,
      revenueWan,
      (revenueWan * 0.6).toFixed(2),
      ...unionCells,
      `103${area}00021`,
      `10${region}${digits}2`,
      name,
    ]);
    // A whole-yuan wage base, so 2 % of it is a whole number of fen (base yuan × 2).
    const baseYuan = employees * (6000 + (n % 4000));
    const paid = (baseYuan * 2) / 100;
    for (let m = 1; m <= 12; m++) {
      const mm = String(m).padStart(2, '0');
      const last = new Date(Date.UTC(2024, m, 0)).getUTCDate();
      const treasury = m === 12 ? '2025-01' : `2024-${String(m + 1).padStart(2, '0')}`;
      const treasuryDate = `${treasury}-${String(5 + (n % 16)).padStart(2, '0')}`;
      const ticket = `0321${String(n * 12 + m).padStart(16, '0')}`;
      await tax.line([
        uscc,
        name,
        `2024-${mm}-01`,
        `2024-${mm}-${last}`,
        baseYuan.toFixed(2),
        '0.02',
        paid.toFixed(2),
        ticket,
        office,
        treasuryDate,
        region,
      ]);
      const key = `${office}|${treasuryDate}`;
      credits.set(key, (credits.get(key) ?? 0) + baseYuan * 2);
      collections++;
    }
  }
  const bank = new Out(files.bank, BANK_HEADERS);
  let serial = 0;
  for (const [key, fen] of credits) {
    const [office, date] = key.split('|') as [string, string];
    await bank.line([date, office, (fen / 100).toFixed(2), `BK2024${String(++serial).padStart(10, '0')}`]);
  }
  const bytes = { registry: await registry.close(), tax: await tax.close(), bank: await bank.close() };
  return { ...files, enterprises, collections, credits: credits.size, bytes };
}
