import type { MeStrings } from './strings.zh';

// English strings of the worker's own page; the same keys as strings.zh.ts (the compiler checks).
export const meEn: MeStrings = {
  title: 'Me',
  hello: 'Hello, {{name}}',
  record: 'My record',
  name: 'Name',
  residentId: 'Resident ID',
  phone: 'Phone',
  sex: 'Sex',
  birthDate: 'Date of birth',
  region: 'Region',
  occupation: 'Occupation',
  noRecord: 'We could not find your record; please contact your union.',
  privacy: 'Your resident ID is partly hidden to protect your privacy.',
  sexes: { male: 'Male', female: 'Female' },
};
