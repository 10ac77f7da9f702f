import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../paging.js';
import { regionCodeSchema } from '../regions/api.js';
import { mobilePhone, nameText, plainText } from '../text.js';
import {
  DEVICE_KINDS,
  RESERVED_STATION_CODES,
  ENTRY_METHODS,
  OCCUPATIONS,
  SIX_STANDARDS,
  STATION_FACILITIES,
  STATION_STATUSES,
} from './codes.js';

/** Requests and answers of the stations API (staff: /api/stations; workers: /api/public/stations). */

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM（00:00–23:59） / time as HH:MM (00:00–23:59)');

const stationCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, '站点编号为 3–32 位字母、数字或连字符 / 3–32 letters, digits or hyphens')
  .refine((c) => !(RESERVED_STATION_CODES as readonly string[]).includes(c), {
    error: '该编号是系统页面名，请换一个 / this code names a page of the app; choose another',
  });

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

/** POST /api/stations and PUT /api/stations/:code (with expectedVersion). */
export const stationInputSchema = z.object({
  code: stationCode,
  name: nameText(2, 64),
  address: plainText(200).min(2, '请填写地址 / enter the address'),
  /** GCJ-02, as a Chinese map app shows it. */
  lat: latitude,
  lng: longitude,
  regionCode: regionCodeSchema,
  hostOrganizationId: z.string().uuid().nullable().optional(),
  operatorName: plainText(128).nullable().optional(),
  /** The station manager's account, told of alarms by SMS. */
  managerAccountId: z.string().uuid().nullable().optional(),
  open24h: z.boolean(),
  opensAt: hhmm.nullable().optional(),
  closesAt: hhmm.nullable().optional(),
  areaM2: z.number().int().min(1).max(100_000).nullable().optional(),
  facilities: z.array(z.enum(STATION_FACILITIES)).max(STATION_FACILITIES.length).default([]),
  standards: z.array(z.enum(SIX_STANDARDS)).max(SIX_STANDARDS.length).default([]),
  status: z.enum(STATION_STATUSES).default('open'),
});
export type StationInput = z.input<typeof stationInputSchema>;
export type StationInputParsed = z.infer<typeof stationInputSchema>;

export const stationUpdateSchema = stationInputSchema.omit({ code: true }).extend({
  expectedVersion: z.number().int().min(1),
});
export type StationUpdate = z.infer<typeof stationUpdateSchema>;

export const stationCodeParamsSchema = z.object({ code: stationCode });

/** A station as staff see it. */
export const stationSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  datum: z.literal('GCJ-02'),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  hostOrganizationId: z.string().nullable(),
  hostOrganizationName: z.string().nullable(),
  operatorName: z.string().nullable(),
  managerAccountId: z.string().nullable(),
  open24h: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  openNow: z.boolean(),
  areaM2: z.number().nullable(),
  facilities: z.array(z.enum(STATION_FACILITIES)),
  standards: z.array(z.enum(SIX_STANDARDS)),
  status: z.enum(STATION_STATUSES),
  version: z.number(),
  /** Where the station's QR code leads: its phone page. */
  pageUrl: z.string(),
  visitsToday: z.number(),
  registeredWorkers: z.number(),
  /** Door events that did not become visits in the last 7 days (unknown person or device, bad record). */
  doorRejects7d: z.number(),
});
export type Station = z.infer<typeof stationSchema>;
export const stationPageSchema = pageOf(
  stationSchema.omit({ visitsToday: true, registeredWorkers: true, doorRejects7d: true }),
);
export type StationListItem = z.infer<typeof stationPageSchema>['items'][number];

export const stationListQuerySchema = pageQuerySchema.extend({
  q: plainText(64).optional(),
  regionCode: regionCodeSchema.optional(),
  status: z.enum(STATION_STATUSES).optional(),
});

export const qrFormatQuerySchema = z.object({ format: z.enum(['svg', 'png']).default('svg') });

// ---- The public finder and the station's phone page ------------------------------------------

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** GET /api/public/stations/nearby */
export const nearbyQuerySchema = z.object({
  lat: z.coerce.number().pipe(latitude),
  lng: z.coerce.number().pipe(longitude),
  /** The datum of lat/lng: GCJ-02 as map apps give it (the default), or WGS-84 as a phone's GPS does. */
  datum: z.enum(['GCJ-02', 'WGS-84']).default('GCJ-02'),
  openNow: booleanQuery.optional(),
  /** Comma-separated facility codes, each required. */
  facilities: z
    .string()
    .max(200)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(STATION_FACILITIES)))
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type NearbyQuery = z.infer<typeof nearbyQuerySchema>;

export const nearbyStationSchema = z.object({
  code: z.string(),
  name: z.string(),
  address: z.string(),
  distanceM: z.number().int(),
  openNow: z.boolean(),
  open24h: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  facilities: z.array(z.enum(STATION_FACILITIES)),
  lat: z.number(),
  lng: z.number(),
  /** The county the station is registered in: the finder draws that city's map. */
  regionCode: z.string(),
});
export type NearbyStation = z.infer<typeof nearbyStationSchema>;
export const nearbyAnswerSchema = z.object({ items: z.array(nearbyStationSchema) });
export type NearbyAnswer = z.infer<typeof nearbyAnswerSchema>;

/** GET /api/public/stations/search?q=: stations by a typed place (a district, street, community or name). */
export const stationSearchQuerySchema = z.object({
  q: plainText(40).min(1, '请输入地名 / enter a place'),
  openNow: booleanQuery.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type StationSearchQuery = z.infer<typeof stationSearchQuerySchema>;
export const stationSearchAnswerSchema = z.object({
  items: z.array(nearbyStationSchema.omit({ distanceM: true }).extend({ regionName: z.string().nullable() })),
});
export type StationSearchAnswer = z.infer<typeof stationSearchAnswerSchema>;

/** GET /api/public/stations/:code — what the QR on the wall opens. */
export const publicStationSchema = nearbyStationSchema.omit({ distanceM: true }).extend({
  status: z.enum(STATION_STATUSES),
  regionName: z.string().nullable(),
  operatorName: z.string().nullable(),
});
export type PublicStation = z.infer<typeof publicStationSchema>;

// ---- Workers register at the door -------------------------------------------------------------

const smsCode = z
  .string({ error: '请填写验证码 / enter the code' })
  .trim()
  .regex(/^\d{6}$/, '验证码为 6 位数字 / the code has 6 digits');

/** POST /api/public/stations/request-code */
export const stationCodeRequestSchema = z.object({ phone: mobilePhone });
export const stationCodeSentSchema = z.object({ sent: z.literal(true), resendAfterSec: z.number() });

/** POST /api/public/stations/:code/register */
export const registrationSchema = z.object({
  phone: mobilePhone,
  code: smsCode,
  name: nameText(2, 32),
  occupation: z.enum(OCCUPATIONS),
  platform: plainText(64).nullable().optional(),
  consent: z.literal(true, { error: '请阅读并同意隐私告知 / read and accept the privacy notice' }),
});
export type Registration = z.infer<typeof registrationSchema>;

/** POST /api/public/stations/sign-in: a registered worker opens the pass again. */
export const workerSignInSchema = z.object({ phone: mobilePhone, code: smsCode });

/** PUT /api/public/stations/me/face: a JPEG for the door terminals, with the explicit consent. */
export const faceUploadSchema = z.object({
  /** Base64 of a JPEG of at most 200 KB. */
  photo: z
    .string()
    .max(280_000, '照片不能超过 200 KB / the photo may be at most 200 KB')
    .regex(/^[A-Za-z0-9+/]+=*$/, '照片应为 base64 编码 / the photo must be base64'),
  consent: z.literal(true, { error: '须明确同意用于刷脸进门 / explicit consent to face entry is required' }),
});

/** The worker's own record and pass, for the phone (X-Station-Token). */
export const workerPassSchema = z.object({
  token: z.string().optional(),
  expiresAt: z.string().optional(),
  name: z.string(),
  phoneMasked: z.string(),
  occupation: z.enum(OCCUPATIONS),
  platform: z.string().nullable(),
  pin: z.number(),
  /** What the personal QR pass encodes: door terminals read it. */
  passCode: z.string(),
  registeredAt: z.string(),
  registeredStation: z.object({ code: z.string(), name: z.string() }),
  visits: z.array(z.object({ stationName: z.string(), occurredAt: z.string(), method: z.enum(ENTRY_METHODS) })),
  hasFacePhoto: z.boolean(),
});
export type WorkerPass = z.infer<typeof workerPassSchema>;

// ---- Door terminals ----------------------------------------------------------------------------

/** POST /api/stations/door-events (signed with the device's secret). */
export const doorEventSchema = z.object({
  eventId: z.string().min(1).max(64),
  /** ISO 8601 with an offset. */
  occurredAt: z.iso.datetime({ offset: true }),
  /** The worker: the PIN the terminal knows, or the personal pass it scanned. */
  pin: z.union([z.string().regex(/^\d{1,9}$/), z.number().int().min(0)]).optional(),
  passCode: z.string().max(64).optional(),
  method: z.enum(ENTRY_METHODS),
});
export type DoorEvent = z.infer<typeof doorEventSchema>;
export const doorEventAnswerSchema = z.object({
  accepted: z.boolean(),
  visit: z.enum(['created', 'duplicate', 'unknown_person']),
});

export const deviceInputSchema = z.object({
  serial: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{4,64}$/, '序列号为 4–64 位字母、数字、下划线或连字符 / 4–64 letters, digits, _ or -'),
  kind: z.enum(DEVICE_KINDS),
});
export const deviceSchema = z.object({
  id: z.string(),
  serial: z.string(),
  kind: z.enum(DEVICE_KINDS),
  enabled: z.boolean(),
  lastSeenAt: z.string().nullable(),
  pendingCommands: z.number(),
});
export const deviceListSchema = z.object({ items: z.array(deviceSchema) });
/** The secret is shown once, when the device is added or its secret replaced. */
export const deviceCreatedSchema = deviceSchema.extend({ secret: z.string() });

export const visitSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  method: z.enum(ENTRY_METHODS),
  workerName: z.string(),
  occupation: z.enum(OCCUPATIONS),
  deviceSerial: z.string().nullable(),
});
export const visitPageSchema = pageOf(visitSchema);
export const visitListQuerySchema = pageQuerySchema;

// ---- Live state and alarms ---------------------------------------------------------------------

export const ALARM_KINDS = [
  'threshold',
  'emergency_button',
  'smoke',
  'door_forced',
  'water_leak',
  'equipment_fault',
  'offline',
] as const;
export const ALARM_SEVERITIES = ['info', 'warning', 'critical'] as const;
export const ALARM_STATES = ['active', 'acknowledged', 'cleared'] as const;

export const alarmSchema = z.object({
  id: z.string(),
  stationCode: z.string(),
  stationName: z.string(),
  kind: z.enum(ALARM_KINDS),
  severity: z.enum(ALARM_SEVERITIES),
  state: z.enum(ALARM_STATES),
  /** What raised it, in words for the station's staff (both languages). */
  text: z.object({ zh: z.string(), en: z.string() }),
  equipmentCode: z.string().nullable(),
  value: z.number().nullable(),
  firstAt: z.string(),
  lastAt: z.string(),
  occurrences: z.number(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  clearedBy: z.string().nullable(),
  clearedAt: z.string().nullable(),
});
export type Alarm = z.infer<typeof alarmSchema>;
export const alarmPageSchema = pageOf(alarmSchema);
export const alarmListQuerySchema = pageQuerySchema.extend({
  state: z.enum(['open', ...ALARM_STATES]).default('open'),
});
export const alarmParamsSchema = z.object({ code: stationCode, id: z.string().uuid() });
export const alarmActionSchema = z.object({ note: plainText(200).optional() });

/** GET /api/stations/:code/live and its server-sent events: the station now. */
export const stationLiveSchema = z.object({
  stationCode: z.string(),
  online: z.boolean().nullable(),
  lastMessageAt: z.string().nullable(),
  temperatureC: z.number().nullable(),
  humidityPct: z.number().nullable(),
  pm25: z.number().nullable(),
  co2ppm: z.number().nullable(),
  envAt: z.string().nullable(),
  /** People inside now: entries minus exits counted by the door sensor since the day began (China time). */
  peopleInside: z.number(),
  visitsToday: z.number(),
  equipment: z.array(
    z.object({
      code: z.string(),
      state: z.enum(['on', 'off', 'fault']),
      powerW: z.number().nullable(),
      at: z.string(),
    }),
  ),
  alarms: z.array(alarmSchema),
});
export type StationLive = z.infer<typeof stationLiveSchema>;
