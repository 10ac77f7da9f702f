import type { CourtsStrings } from './strings.zh';

// English strings of the courts page; the same keys as strings.zh.ts (the compiler checks).
export const courtsEn: CourtsStrings = {
  title: 'Courts',
  name: 'Name',
  code: 'Court code',
  level: 'Level',
  region: 'Region',
  address: 'Address',
  levels: { basic: 'Basic', intermediate: 'Intermediate', high: 'High' },
};
