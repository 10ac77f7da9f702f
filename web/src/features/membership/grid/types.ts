import type { z } from 'zod';
import type {
  areaInputSchema,
  areaSchema,
  gridFiguresSchema,
  myFiguresSchema,
  organiserAccountsSchema,
  organiserInputSchema,
  organiserSchema,
  organiserSelfSchema,
  visitInputSchema,
  visitSchema,
} from '../../../../../contracts/membership/grid';

// The shapes the grid's API answers and accepts, from its schemas (contracts/membership/grid.ts;
// types only: the pages must not load zod at run time).

export type Organiser = z.infer<typeof organiserSchema>;
export type OrganiserInput = z.input<typeof organiserInputSchema>;
export type Area = z.infer<typeof areaSchema>;
export type AreaInput = z.input<typeof areaInputSchema>;
export type Visit = z.infer<typeof visitSchema>;
export type VisitInput = z.input<typeof visitInputSchema>;
export type GridFigures = z.infer<typeof gridFiguresSchema>;
export type OrganiserFigures = GridFigures['organisers'][number];
export type AreaFigures = GridFigures['areas'][number];
export type Figures = GridFigures['totals'];
export type MyFigures = z.infer<typeof myFiguresSchema>;
export type OrganiserSelf = z.infer<typeof organiserSelfSchema>;
export type OrganiserAccounts = z.infer<typeof organiserAccountsSchema>;
export type Period = { from?: string; to?: string };
