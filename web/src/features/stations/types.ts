import type { z } from 'zod';
import type {
  deviceCreatedSchema,
  deviceInputSchema,
  deviceListSchema,
  stationInputSchema,
  stationListQuerySchema,
  stationPageSchema,
  stationSchema,
  stationUpdateSchema,
  visitPageSchema,
} from '../../../../contracts/stations/api';

// The shapes the stations API answers with and accepts, from its schemas (contracts/stations/api.ts;
// types only: the page must not load zod at run time).

/** A station with today's figures (GET /api/stations/:code). */
export type Station = z.infer<typeof stationSchema>;

/** A row of the stations list (GET /api/stations): a station without its figures. */
export type StationListItem = z.infer<typeof stationPageSchema>['items'][number];

/** What the station form sends to create (POST /api/stations). */
export type StationInput = z.input<typeof stationInputSchema>;

/** What the station form sends to change (PUT /api/stations/:code), at the version read. */
export type StationUpdate = z.input<typeof stationUpdateSchema>;

/** The filters of GET /api/stations (the list adds the page). */
export type StationFilter = Omit<z.input<typeof stationListQuerySchema>, 'page' | 'pageSize'>;

export type Device = z.infer<typeof deviceListSchema>['items'][number];
export type DeviceInput = z.input<typeof deviceInputSchema>;
/** A terminal just added, with its secret (shown once). */
export type DeviceCreated = z.infer<typeof deviceCreatedSchema>;

export type VisitPage = z.infer<typeof visitPageSchema>;
export type Visit = VisitPage['items'][number];
