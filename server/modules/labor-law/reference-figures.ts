import type { LaborParamKind } from '../../../contracts/labor-law/api.js';

const GD_2025 = '广东省人民政府 粤府函〔2025〕23号（2025-03-01 起）';
const GD_2025_URL = 'http://www.gd.gov.cn/zwgk/wjk/qbwj/yfh/content/post_4668031.html';

/**
 * Published local figures loaded into every installation (union staff maintain the rest in
 * the app). Amounts in fen. Each row names its source; nothing here is estimated.
 */
export const REFERENCE_FIGURES: {
  regionCode: string;
  kind: LaborParamKind;
  effectiveFrom: string;
  amountFen: number;
  source: string;
}[] = [
  // Guangdong minimum wages (粤府函〔2018〕198号; 粤府函〔2021〕179号)
  {
    regionCode: '442000',
    kind: 'minimum_wage_monthly',
    effectiveFrom: '2018-07-01',
    amountFen: 172_000,
    source: '广东省人民政府 粤府函〔2018〕198号（中山 1720 元/月）',
  },
  {
    regionCode: '442000',
    kind: 'minimum_wage_monthly',
    effectiveFrom: '2021-12-01',
    amountFen: 190_000,
    source: '广东省人民政府 粤府函〔2021〕179号（中山 1900 元/月）',
  },
  {
    regionCode: '440100',
    kind: 'minimum_wage_monthly',
    effectiveFrom: '2018-07-01',
    amountFen: 210_000,
    source: '广东省人民政府 粤府函〔2018〕198号（广州 2100 元/月）',
  },
  {
    regionCode: '440100',
    kind: 'minimum_wage_monthly',
    effectiveFrom: '2021-12-01',
    amountFen: 230_000,
    source: '广东省人民政府 粤府函〔2021〕179号（广州 2300 元/月）',
  },
  // Guangdong from 2025-03-01 (粤府函〔2025〕23号, issued 2025-02-14): Guangzhou class one, Zhongshan class two
  {
    regionCode: '442000',
    kind: 'minimum_wage_monthly',
    effectiveFrom: '2025-03-01',
    amountFen: 208_000,
    source: `${GD_2025}（二类地区 中山 2080 元/月，非全日制 19.8 元/小时）${GD_2025_URL}`,
  },
  {
    regionCode: '440100',
    kind: 'minimum_wage_monthly',
    effectiveFrom: '2025-03-01',
    amountFen: 250_000,
    source: `${GD_2025}（一类地区 广州 2500 元/月，非全日制 23.7 元/小时）${GD_2025_URL}`,
  },
  // Seed regions elsewhere: the tier the notice gives the seed's district (its city for a city-wide tier)
  {
    regionCode: '340111',
    kind: 'minimum_wage_monthly',
    effectiveFrom: '2025-09-01',
    amountFen: 232_000,
    source: '安徽省人民政府办公厅 皖政办秘〔2025〕32号（2025-09-01 起；第一档 合肥 2320 元/月，非全日制 23 元/小时）',
  },
  {
    regionCode: '361102',
    kind: 'minimum_wage_monthly',
    effectiveFrom: '2025-12-01',
    amountFen: 209_000,
    source:
      '江西省人民政府办公厅 赣府厅字〔2025〕42号（2025-12-01 起；二类区域 上饶市信州区 2090 元/月，非全日制 20.9 元/小时）',
  },
  // Shanghai minimum wages (上海市人力资源和社会保障局)
  {
    regionCode: '310000',
    kind: 'minimum_wage_monthly',
    effectiveFrom: '2019-04-01',
    amountFen: 248_000,
    source: '上海市人力资源和社会保障局：月最低工资标准 2480 元',
  },
  {
    regionCode: '310000',
    kind: 'minimum_wage_monthly',
    effectiveFrom: '2021-07-01',
    amountFen: 259_000,
    source: '上海市人力资源和社会保障局：月最低工资标准 2590 元',
  },
  {
    regionCode: '310000',
    kind: 'minimum_wage_monthly',
    effectiveFrom: '2023-07-01',
    amountFen: 269_000,
    source: '上海市人力资源和社会保障局：月最低工资标准 2690 元',
  },
  {
    regionCode: '310000',
    kind: 'minimum_wage_monthly',
    effectiveFrom: '2025-07-01',
    amountFen: 274_000,
    source:
      '上海市人力资源和社会保障局《关于调整本市最低工资标准的通知》：2025-07-01 起月最低工资标准 2740 元，非全日制 25 元/小时 https://rsj.sh.gov.cn/cmsres/2c/2c52da60c7ed423c949a1a8524195c92/4221087aea40a7da06e928da75ab2369.pdf',
  },
  // Shanghai average monthly wage of the previous year (上海市统计局、人社局公布的全市职工月平均工资)
  {
    regionCode: '310000',
    kind: 'average_wage_monthly',
    effectiveFrom: '2021-07-01',
    amountFen: 1_033_800,
    source: '上海市 2020 年度全市职工月平均工资 10338 元',
  },
  {
    regionCode: '310000',
    kind: 'average_wage_monthly',
    effectiveFrom: '2022-07-01',
    amountFen: 1_139_600,
    source: '上海市 2021 年度全市职工月平均工资 11396 元',
  },
  {
    regionCode: '310000',
    kind: 'average_wage_monthly',
    effectiveFrom: '2023-07-01',
    amountFen: 1_218_300,
    source: '上海市 2022 年度全市职工月平均工资 12183 元',
  },
];
