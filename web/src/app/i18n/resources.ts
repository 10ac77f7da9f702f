import type { AccountsStrings } from '../../features/accounts/strings.zh';
import type { AuditStrings } from '../../features/audit/strings.zh';
import type { AuthStrings } from '../../features/auth/strings.zh';
import type { CourtsStrings } from '../../features/courts/strings.zh';
import type { DashboardStrings } from '../../features/dashboard/strings.zh';
import type { DisputesPublicStrings } from '../../features/disputes/public/strings.zh';
import type { SettingsStrings } from '../../features/disputes/settings/strings.zh';
import type { DisputesStrings } from '../../features/disputes/strings.zh';
import type { EmployersStrings } from '../../features/employers/strings.zh';
import type { FeeRefundsStrings } from '../../features/fee-refunds/strings.zh';
import type { ImportsStrings } from '../../features/imports/strings.zh';
import type { JobsStrings } from '../../features/jobs/strings.zh';
import type { LaborLawStrings } from '../../features/labor-law/strings.zh';
import type { MeStrings } from '../../features/me/strings.zh';
import type { MembershipGridStrings } from '../../features/membership/grid/strings.zh';
import type { MembershipInsuranceStrings } from '../../features/membership/insurance/strings.zh';
import type { MembershipPublicStrings } from '../../features/membership/public/strings.zh';
import type { MembershipReportsStrings } from '../../features/membership/reports/strings.zh';
import type { MembershipStrings } from '../../features/membership/strings.zh';
import type { DemoPhoneStrings, MessagesStrings } from '../../features/notifications/strings.zh';
import type { OrganizationsStrings } from '../../features/organizations/strings.zh';
import type { PeopleStrings } from '../../features/people/strings.zh';
import type { RegionsStrings } from '../../features/regions/strings.zh';
import type { StationsStrings } from '../../features/stations/strings.zh';
import type { StationsMapStrings } from '../../features/stations/map/strings.zh';
import type { StationsPublicStrings } from '../../features/stations/public/strings.zh';
import type { AppStrings } from './strings.zh';

export type Resources = AppStrings &
  LaborLawStrings & {
    accounts: AccountsStrings;
    audit: AuditStrings;
    auth: AuthStrings;
    courts: CourtsStrings;
    dashboard: DashboardStrings;
    demoPhone: DemoPhoneStrings;
    disputes: DisputesStrings & { settings: SettingsStrings };
    disputesPublic: DisputesPublicStrings;
    employers: EmployersStrings;
    feeRefunds: FeeRefundsStrings;
    imports: ImportsStrings;
    jobs: JobsStrings;
    me: MeStrings;
    membership: MembershipStrings;
    membershipGrid: MembershipGridStrings;
    membershipInsurance: MembershipInsuranceStrings;
    membershipPublic: MembershipPublicStrings;
    membershipReports: MembershipReportsStrings;
    messages: MessagesStrings;
    organizations: OrganizationsStrings;
    people: PeopleStrings;
    regions: RegionsStrings;
    stations: StationsStrings;
    stationsPublic: StationsPublicStrings;
    stationsMap: StationsMapStrings;
  };

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Resources };
  }
}
