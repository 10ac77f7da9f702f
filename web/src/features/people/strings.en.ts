import type { PeopleStrings } from './strings.zh';

// English strings of the people pages; the same keys as strings.zh.ts (the compiler checks).
export const peopleEn: PeopleStrings = {
  title: 'People',
  name: 'Name',
  phone: 'Phone',
  residentId: 'Resident ID',
  sex: 'Sex',
  birthDate: 'Date of birth',
  region: 'Region',
  occupation: 'Occupation',
  searchPlaceholder: 'Name, phone or full resident ID',
  create: 'New person',
  edit: 'Edit person',
  required: 'Required',
  residentIdKeep: 'Leave empty to keep the current resident ID',
  reveal: 'Reveal',
  revealTitle: 'Reveal the full resident ID',
  revealWarning:
    'Revealing a full resident ID is recorded in the audit log (your account, time and IP address). Only do so when the case requires it.',
  revealOk: 'Reveal',
  sexes: { male: 'Male', female: 'Female' },
};
