export const stationsMapZh = {
  ariaLabel: '驿站地图（离线绘制的区县边界与站点）',
  open: '开放中',
  closed: '未开放',
  source: '边界数据：{{source}}，GCJ-02 坐标',
  show: '在地图上查看',
  hide: '收起地图',
  loading: '正在加载地图…',
  coverage: {
    title: '覆盖率（上图与 15 分钟服务圈）',
    walk: '步行距离',
    walkOption: '{{m}} 米（约 {{min}} 分钟）',
    at: '开放时间点',
    now: '现在',
    area: '地区',
    stations: '驿站数',
    openStations: '其中开放',
    areaKm2: '面积（km²）',
    coveredKm2: '覆盖面积（km²）',
    share: '覆盖率',
    summary:
      '{{region}}：{{at}} 时，{{share}} 的面积在开放驿站步行 {{walk}} 米以内（开放 {{open}} / 共 {{stations}} 个驿站）。',
    outside: '{{count}} 个驿站的坐标不在本地区边界内，请核对坐标或坐标系',
    method: '按直线距离计算（边界数据不含道路），网格边长 {{cell}} 米，等积投影；边界数据：{{source}}。',
  },
  tapHint: '点按站点查看详情',
};
export type StationsMapStrings = typeof stationsMapZh;
