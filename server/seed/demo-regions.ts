/** The seed page's places, each with a few sub-districts for realistic addresses. */
export interface DemoRegion {
  code: string;
  cityName: string;
  provinceCode: string;
  cityCode: string;
  districts: string[];
  /** Relative size of the local demo population. */
  weight: number;
}

export const DEMO_REGIONS: DemoRegion[] = [
  {
    code: '442000',
    cityName: '中山市',
    provinceCode: '440000',
    cityCode: '442000',
    districts: ['石岐街道', '东区街道', '西区街道', '南区街道', '火炬开发区', '小榄镇', '古镇镇', '坦洲镇'],
    weight: 4,
  },
  {
    code: '320102',
    cityName: '南京市',
    provinceCode: '320000',
    cityCode: '320100',
    districts: ['玄武区', '梅园新村街道', '孝陵卫街道'],
    weight: 2,
  },
  {
    code: '320505',
    cityName: '苏州市',
    provinceCode: '320000',
    cityCode: '320500',
    districts: ['虎丘区', '狮山街道', '枫桥街道'],
    weight: 2,
  },
  {
    code: '340111',
    cityName: '合肥市',
    provinceCode: '340000',
    cityCode: '340100',
    districts: ['包河区', '滨湖新区', '望湖街道', '常青街道'],
    weight: 2,
  },
  {
    code: '361102',
    cityName: '上饶市',
    provinceCode: '360000',
    cityCode: '361100',
    districts: ['信州区', '西市街道', '北门街道'],
    weight: 1,
  },
  {
    code: '632801',
    cityName: '格尔木市',
    provinceCode: '630000',
    cityCode: '632800',
    districts: ['昆仑路街道', '金峰路街道'],
    weight: 1,
  },
  {
    code: '130102',
    cityName: '石家庄市',
    provinceCode: '130000',
    cityCode: '130100',
    districts: ['长安区', '建北街道', '育才街道'],
    weight: 1,
  },
  {
    code: '330521',
    cityName: '湖州市',
    provinceCode: '330000',
    cityCode: '330500',
    districts: ['德清县', '武康街道', '舞阳街道'],
    weight: 1,
  },
];
