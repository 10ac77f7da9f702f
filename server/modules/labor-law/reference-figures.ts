import type { LaborParamKind } from '../../../contracts/labor-law/api.js';

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
