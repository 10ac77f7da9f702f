import type { RegionsStrings } from './strings.zh';

// English strings of the regions page; the same keys as strings.zh.ts (the compiler checks).
export const regionsEn: RegionsStrings = {
  title: 'Regions',
  hint: 'GB/T 2260 codes; greyed regions are outside your scope (read-only).',
};
