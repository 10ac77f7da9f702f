/**
 * The sectors the statistics know (按行业); the same codes as the employers' industries. Zod-free,
 * so pages that only list them load no schema code. Their names, in both languages, are
 * SECTOR_LABELS: the statistics export and the web's `employers.industries` strings read them.
 */
export const SECTOR_VALUES = [
  'construction',
  'manufacturing',
  'logistics',
  'catering',
  'retail',
  'it',
  'resident_services',
  'business_services',
  'platform',
] as const;
export type Sector = (typeof SECTOR_VALUES)[number];

export const SECTOR_LABELS: Readonly<Record<Sector, { zh: string; en: string }>> = {
  construction: { zh: '建筑业', en: 'Construction' },
  manufacturing: { zh: '制造业', en: 'Manufacturing' },
  logistics: { zh: '交通运输、仓储和邮政业', en: 'Transport, storage & postal' },
  catering: { zh: '住宿和餐饮业', en: 'Accommodation & catering' },
  retail: { zh: '批发和零售业', en: 'Wholesale & retail' },
  it: { zh: '信息技术服务业', en: 'IT services' },
  resident_services: { zh: '居民服务业', en: 'Resident services' },
  business_services: { zh: '租赁和商务服务业', en: 'Leasing & business services' },
  platform: { zh: '平台经济', en: 'Platform economy' },
};

/** The sector names in one language, keyed by code (for a strings file or an export). */
export function sectorNames(lang: 'zh' | 'en'): Record<Sector, string> {
  return Object.fromEntries(SECTOR_VALUES.map((s) => [s, SECTOR_LABELS[s][lang]])) as Record<Sector, string>;
}

export function isSector(code: string): code is Sector {
  return (SECTOR_VALUES as readonly string[]).includes(code);
}
