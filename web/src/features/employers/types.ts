/** Industry codes of employers: the sectors the dispute statistics know (one list, in contracts). */
export { SECTOR_VALUES as INDUSTRY_CODES } from '../../../../contracts/disputes/sectors';

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
