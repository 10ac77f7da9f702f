export const ORGANIZATION_KINDS = [
  'national',
  'provincial',
  'city',
  'county',
  'grassroots',
  'joint',
  'industry',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
  parentName: string | null;
  regionCode: string | null;
  regionName: string | null;
  address: string | null;
  contactPhone: string | null;
}

export interface OrganizationInput {
  name: string;
  kind: OrganizationKind;
  parentId?: string | null;
  regionCode: string;
  address?: string | null;
  contactPhone?: string | null;
}
