// Chinese strings of the courts page (registered in i18n.ts under `courts`).
export const courtsZh = {
  title: '法院',
  name: '名称',
  code: '法院代码',
  level: '层级',
  region: '所在地区',
  address: '地址',
  levels: { basic: '基层', intermediate: '中级', high: '高级' },
};

export type CourtsStrings = typeof courtsZh;
