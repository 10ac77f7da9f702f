/** The parties of a construction hiring chain (no zod: the case pages show these labels). */
export const CHAIN_ROLES = [
  'developer',
  'general_contractor',
  'subcontractor',
  'crew_boss',
  'qualification_lender',
] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];

export const CHAIN_ROLE_LABELS: Readonly<Record<ChainRole, { zh: string; en: string }>> = {
  developer: { zh: '建设单位', en: 'Developer (project owner)' },
  general_contractor: { zh: '施工总承包单位', en: 'General contractor' },
  subcontractor: { zh: '分包单位', en: 'Subcontractor' },
  crew_boss: { zh: '包工头', en: 'Crew boss' },
  qualification_lender: { zh: '出借资质的单位', en: 'Unit that lent its qualification' },
};
