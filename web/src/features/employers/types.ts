export const INDUSTRY_CODES = [
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

export interface Employer {
  id: string;
  uscc: string;
  usccCheckWarning: boolean;
  name: string;
  regionCode: string;
  regionName: string | null;
  industryCode: string;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}

export interface EmployerInput {
  uscc: string;
  name: string;
  regionCode: string;
  industryCode: string;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  acceptUsccWarning?: boolean;
}
