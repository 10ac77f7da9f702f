import type { OrganizationsStrings } from './strings.zh';

// English strings of the union organizations pages; the same keys as strings.zh.ts (the compiler checks).
export const organizationsEn: OrganizationsStrings = {
  title: 'Union organizations',
  name: 'Name',
  kind: 'Kind',
  parent: 'Parent union',
  region: 'Region',
  address: 'Address',
  contactPhone: 'Contact phone',
  code: 'Joining code',
  codeHint: 'The code in the joining QR and link: 2–24 capital letters, digits or hyphens, e.g. HX-RIDERS.',
  codeFormat: 'The joining code has 2–24 capital letters, digits or hyphens',
  joinLink: 'Joining link',
  chairName: 'Union chair',
  approver: 'Approver of applications',
  approverHint: 'Without one, union staff of the region with the right to approve decide.',
  searchPlaceholder: 'Search by name',
  create: 'New organization',
  edit: 'Edit organization',
  nameRequired: 'Enter the name',
  kindRequired: 'Choose the kind',
  regionRequired: 'Choose the region',
  kinds: {
    national: 'National federation',
    provincial: 'Provincial',
    city: 'City',
    county: 'County / district',
    grassroots: 'Grassroots',
    joint: 'Joint',
    industry: 'Industry',
  },
};
