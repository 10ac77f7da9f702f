import type { z } from 'zod';
import type {
  alarmListQuerySchema,
  alarmPageSchema,
  alarmSchema,
  deviceCreatedSchema,
  deviceInputSchema,
  deviceListSchema,
  stationInputSchema,
  stationListQuerySchema,
  stationPageSchema,
  stationSchema,
  stationLiveSchema,
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

/** The station now (GET /api/stations/:code/live and each `live` event of its stream). */
export type StationLive = z.infer<typeof stationLiveSchema>;
/** One piece of the station's equipment as last reported. */
export type Equipment = StationLive['equipment'][number];
export type EquipmentState = Equipment['state'];

/** An alarm of a station: open (active or acknowledged) in the live state, any state in its history. */
export type Alarm = z.infer<typeof alarmSchema>;
export type AlarmPage = z.infer<typeof alarmPageSchema>;
export type AlarmKind = Alarm['kind'];
export type AlarmSeverity = Alarm['severity'];
export type AlarmState = Alarm['state'];
/** What GET /api/stations/:code/alarms can list: the open ones (active or acknowledged) or one state. */
export type AlarmListState = NonNullable<z.input<typeof alarmListQuerySchema>['state']>;
/** The two things staff do to an alarm: acknowledge it (someone is on it) or clear it (it is over). */
export type AlarmAction = 'acknowledge' | 'clear';
