import { registerStrings } from '../../app/i18n';

registerStrings(
  { regions: { title: '行政区划', hint: '依据 GB/T 2260；灰色为您管辖范围以外的区划（只读）。' } },
  { regions: { title: 'Regions', hint: 'GB/T 2260 codes; greyed regions are outside your scope (read-only).' } },
);
