// Browser-safe and zod-free (a page may import it at run time; the schemas are in api.ts).

/**
 * The local figures staff maintain: the monthly minimum wage, the previous year's average wage
 * (劳动合同法第四十七条), and the work-injury insurance pooling area's average wage
 * (工伤保险条例第六十四条: 统筹地区职工月平均工资), which need not be the same figure.
 */
export const LABOR_PARAM_KINDS = [
  'minimum_wage_monthly',
  'average_wage_monthly',
  'injury_pooling_wage_monthly',
] as const;
export type LaborParamKind = (typeof LABOR_PARAM_KINDS)[number];
