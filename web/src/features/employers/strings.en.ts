import { sectorNames } from '../../../../contracts/disputes/sectors';
import type { EmployersStrings } from './strings.zh';

// English strings of the employers pages; the same keys as strings.zh.ts (the compiler checks).
export const employersEn: EmployersStrings = {
  title: 'Employers',
  uscc: 'Unified social credit code',
  name: 'Name',
  industry: 'Industry',
  region: 'Region',
  address: 'Address',
  contactName: 'Contact',
  contactPhone: 'Contact phone',
  contactEmail: 'Contact e-mail',
  searchPlaceholder: 'Name or credit code',
  create: 'New employer',
  edit: 'Edit employer',
  required: 'Required',
  usccWarning: 'Check digit mismatch',
  usccWarningHint: 'This code fails the check-character test; it was kept as printed on the licence',
  confirmTitle: 'Credit code check failed',
  saveAnyway: 'Save anyway',
  goBack: 'Go back',
  industries: sectorNames('en'),
};
