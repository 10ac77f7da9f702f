import { z } from 'zod';

/** One headline figure of the home page (each module registers its own on the server). */
export const dashboardFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
  value: z.number(),
  unit: z.string().optional(),
  /** The unit as an English reader is shown it (元 → CNY). */
  unitEn: z.string().optional(),
});
export type DashboardFigure = z.infer<typeof dashboardFigureSchema>;

/** GET /api/dashboard: the figures counted within the caller's region (null: the whole country). */
export const dashboardSchema = z.object({
  regionCode: z.string().nullable(),
  figures: z.array(dashboardFigureSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
