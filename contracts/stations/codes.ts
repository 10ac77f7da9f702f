/**
 * Codes of the stations module with their Chinese and English labels, shared by the server (check
 * constraints, validation) and the web (labels, forms). No zod here: the web imports it at run time.
 */

export interface Label {
  zh: string;
  en: string;
}

/** The facilities checklist of an outdoor-workers' station (全总《户外劳动者服务站点建设指引》's usual fittings). */
export const STATION_FACILITIES = [
  'microwave',
  'air_conditioner',
  'water_dispenser',
  'charging',
  'first_aid',
  'toilet',
  'rest_seats',
  'raincoats',
  'tool_box',
] as const;
export type StationFacility = (typeof STATION_FACILITIES)[number];

export const FACILITY_LABELS: Record<StationFacility, Label> = {
  microwave: { zh: '微波炉', en: 'Microwave' },
  air_conditioner: { zh: '空调', en: 'Air conditioner' },
  water_dispenser: { zh: '饮水机', en: 'Water dispenser' },
  charging: { zh: '充电', en: 'Charging' },
  first_aid: { zh: '急救药箱', en: 'First aid' },
  toilet: { zh: '卫生间', en: 'Toilet' },
  rest_seats: { zh: '休息座椅', en: 'Rest seats' },
  raincoats: { zh: '雨衣雨具', en: 'Raincoats' },
  tool_box: { zh: '工具箱', en: 'Tool box' },
};

/**
 * 六有: the six standards a station is built to — a sign, a site, facilities, functions, rules,
 * and being on the map (where workers can find it).
 */
export const SIX_STANDARDS = ['sign', 'site', 'facilities', 'functions', 'rules', 'on_map'] as const;
export type SixStandard = (typeof SIX_STANDARDS)[number];

export const SIX_STANDARD_LABELS: Record<SixStandard, Label> = {
  sign: { zh: '有标识', en: 'Sign' },
  site: { zh: '有场所', en: 'Site' },
  facilities: { zh: '有设施', en: 'Facilities' },
  functions: { zh: '有功能', en: 'Functions' },
  rules: { zh: '有制度', en: 'Rules' },
  on_map: { zh: '有地图', en: 'On the map' },
};

export const STATION_STATUSES = ['open', 'suspended', 'closed'] as const;
export type StationStatus = (typeof STATION_STATUSES)[number];

export const STATION_STATUS_LABELS: Record<StationStatus, Label> = {
  open: { zh: '运营中', en: 'Open' },
  suspended: { zh: '暂停服务', en: 'Suspended' },
  closed: { zh: '已撤销', en: 'Closed' },
};

export const OCCUPATIONS = ['rider', 'courier', 'sanitation', 'driver', 'other'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

export const OCCUPATION_LABELS: Record<Occupation, Label> = {
  rider: { zh: '外卖骑手', en: 'Delivery rider' },
  courier: { zh: '快递员', en: 'Courier' },
  sanitation: { zh: '环卫工人', en: 'Sanitation worker' },
  driver: { zh: '网约车/货车司机', en: 'Driver' },
  other: { zh: '其他户外劳动者', en: 'Other outdoor worker' },
};

/** How a door terminal knew the person: its verify method, or the worker's QR pass. */
export const ENTRY_METHODS = ['face', 'qr_pass', 'card', 'fingerprint', 'password', 'palm', 'other'] as const;
export type EntryMethod = (typeof ENTRY_METHODS)[number];

export const ENTRY_METHOD_LABELS: Record<EntryMethod, Label> = {
  face: { zh: '刷脸', en: 'Face' },
  qr_pass: { zh: '扫码', en: 'QR pass' },
  card: { zh: '刷卡', en: 'Card' },
  fingerprint: { zh: '指纹', en: 'Fingerprint' },
  password: { zh: '密码', en: 'Password' },
  palm: { zh: '掌纹', en: 'Palm' },
  other: { zh: '其他', en: 'Other' },
};

/** The two door protocols (ZKTeco's ADMS push over HTTP, the signed JSON webhook) and the MQTT sensor gateway. */
export const DEVICE_KINDS = ['door_adms', 'door_webhook', 'sensor_gateway'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DEVICE_KIND_LABELS: Record<DeviceKind, Label> = {
  door_adms: { zh: '门禁（中控 ADMS 推送）', en: 'Door (ZKTeco ADMS push)' },
  door_webhook: { zh: '门禁（签名回调）', en: 'Door (signed webhook)' },
  sensor_gateway: { zh: '传感器网关（MQTT）', en: 'Sensor gateway (MQTT)' },
};

/** Why a door event did not become a visit: logged and counted per station, never an error to the device. */
export const DOOR_REJECT_REASONS = [
  'unknown_device',
  'unknown_person',
  'bad_record',
  'bad_signature',
  'stale',
  'replayed',
  'device_disabled',
] as const;
export type DoorRejectReason = (typeof DOOR_REJECT_REASONS)[number];

/** The version of the privacy notice a worker consents to; a new text gets a new version. */
export const PRIVACY_NOTICE_VERSION = '2026-12';

/** Units a station's supplies are counted in (bottles, boxes, pieces, items). */
export const SUPPLY_UNITS = ['瓶', '箱', '件', '个'] as const;
export type SupplyUnit = (typeof SUPPLY_UNITS)[number];

/** Codes a station may not take: they are the names of pages beside the stations' own. */
export const RESERVED_STATION_CODES = ['DASHBOARD', 'ALARM-RULES', 'MY-DONATIONS', 'COVERAGE'] as const;

/** A suggestion on a station's board: posted, answered by staff, or done (final). */
export const SUGGESTION_STATUSES = ['open', 'replied', 'done'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/**
 * The walking distance of the coverage figures, straight line in metres: 15 minutes at 4 km/h is
 * 1,000 m, the "15-minute service circle" the station standards speak of.
 */
export const COVERAGE_WALK_M = { min: 100, max: 5000, default: 1000 } as const;
