import type { Role } from '../../../../contracts/roles';

export type AccountStatus = 'active' | 'disabled';

export interface Account {
  id: string;
  username: string;
  phone: string | null;
  displayName: string;
  roles: Role[];
  regionCode: string | null;
  regionName: string | null;
  organizationId: string | null;
  courtId: string | null;
  employerId: string | null;
  personId: string | null;
  status: AccountStatus;
  locked: boolean;
  lastLoginAt: string | null;
}

export interface AccountInput {
  username?: string;
  password?: string;
  displayName: string;
  phone?: string | null;
  roles: Role[];
  regionCode: string | null;
  organizationId?: string | null;
  courtId?: string | null;
  employerId?: string | null;
  personId?: string | null;
  status: AccountStatus;
}
