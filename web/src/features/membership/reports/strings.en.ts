import type { MembershipReportsStrings } from './strings.zh';

export const membershipReportsEn: MembershipReportsStrings = {
  title: 'Membership figures',
  region: 'Region',
  asOf: 'As of',
  from: 'From month',
  organizations: 'Unions for new-form workers',
  members: 'Members on the register',
  insured: 'Workers insured (to date)',
  coveredNow: 'Covered on the day',
  recommended: 'Recommended to the party (to date)',
  byArea: 'By area',
  area: 'Area',
  monthly: 'Month by month',
  joined: 'Joined',
  left: 'Left',
  newlyInsured: 'Newly insured',
  recommendedMonthly: 'Recommended',
  none: 'No figures for this region yet',
  note: 'Counted from the unions, members, insurance and recommendation records held here, as of the day chosen.',
};
