// Browser-safe and zod-free (a page may import it at run time; the schemas are in api.ts).

/** The local figures staff maintain: the monthly minimum wage and the previous year's average wage. */
export const LABOR_PARAM_KINDS = ['minimum_wage_monthly', 'average_wage_monthly'] as const;
export type LaborParamKind = (typeof LABOR_PARAM_KINDS)[number];
