// Chinese strings of the regions page (registered in i18n.ts under `regions`).
export const regionsZh = {
  title: '行政区划',
  hint: '依据 GB/T 2260；灰色为您管辖范围以外的区划（只读）。',
};

export type RegionsStrings = typeof regionsZh;
