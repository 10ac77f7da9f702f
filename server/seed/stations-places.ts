/**
 * Hefei for the stations demo: the districts around the city centre with a point of each (GCJ-02;
 * for the counties, their part nearest the city), how many of the network's stations each gets,
 * the communities, business districts and streets that name the stations, and roads for their
 * addresses.
 */

export interface DemoDistrict {
  /** GB/T 2260 code; used only if the regions table has it. */
  code: string;
  name: string;
  lat: number;
  lng: number;
  /** Spread of its stations around the point, km. */
  spreadKm: number;
  weight: number;
  places: readonly string[];
  roads: readonly string[];
}

export const HEFEI_CENTRE = { lat: 31.82, lng: 117.23 };
/** The network lies within this distance of the centre. */
export const NETWORK_RADIUS_KM = 15;

export const HEFEI_DISTRICTS: readonly DemoDistrict[] = [
  {
    code: '340102',
    name: '瑶海区',
    lat: 31.858,
    lng: 117.309,
    spreadKm: 2.5,
    weight: 45,
    places: [
      '大兴',
      '明光路',
      '三里街',
      '胜利路',
      '铜陵路',
      '城东',
      '红光',
      '长淮',
      '方庙',
      '七里站',
      '和平路',
      '嘉山路',
    ],
    roads: ['长江东路', '铜陵北路', '明光路', '胜利路', '当涂北路', '和平路', '大通路', '站前路'],
  },
  {
    code: '340103',
    name: '庐阳区',
    lat: 31.878,
    lng: 117.264,
    spreadKm: 2.5,
    weight: 45,
    places: [
      '逍遥津',
      '杏花村',
      '亳州路',
      '双岗',
      '三孝口',
      '四里河',
      '海棠',
      '林店',
      '大杨',
      '淮河路',
      '杏林',
      '益民',
    ],
    roads: ['淮河路', '阜阳路', '蒙城路', '濉溪路', '长江中路', '寿春路', '亳州路', '北一环路'],
  },
  {
    code: '340104',
    name: '蜀山区',
    lat: 31.851,
    lng: 117.19,
    spreadKm: 3,
    weight: 60,
    places: [
      '稻香村',
      '三里庵',
      '琥珀',
      '西园',
      '笔架山',
      '五里墩',
      '荷叶地',
      '井岗',
      '南岗',
      '小庙',
      '高刘',
      '蜀山经开区',
    ],
    roads: ['长江西路', '黄山路', '潜山路', '肥西路', '望江西路', '合作化南路', '汕头路', '翡翠路'],
  },
  {
    code: '340111',
    name: '包河区',
    lat: 31.78,
    lng: 117.305,
    spreadKm: 3,
    weight: 60,
    places: ['芜湖路', '望湖城', '常青', '烟墩', '骆岗', '义城', '同安', '万年埠', '包公', '大圩', '方兴', '滨湖明珠'],
    roads: ['徽州大道', '马鞍山路', '芜湖路', '宿松路', '紫云路', '包河大道', '繁华大道', '南京路'],
  },
  {
    code: '340121',
    name: '长丰县',
    lat: 31.935,
    lng: 117.245,
    spreadKm: 1.5,
    weight: 25,
    places: ['双墩', '双凤', '岗集', '下塘', '北城', '庄墓', '吴山'],
    roads: ['双凤大道', '阜阳北路', '合淮路', '凤霞路', '魏武路'],
  },
  {
    code: '340122',
    name: '肥东县',
    lat: 31.845,
    lng: 117.36,
    spreadKm: 1.5,
    weight: 30,
    places: ['撮镇', '龙岗', '长临河', '店埠', '石塘', '梁园', '八斗'],
    roads: ['合马路', '龙岗大道', '东二环', '长江东大街', '合肥东路'],
  },
  {
    code: '340123',
    name: '肥西县',
    lat: 31.74,
    lng: 117.17,
    spreadKm: 2,
    weight: 35,
    places: ['上派', '桃花', '紫蓬', '花岗', '山南', '柿树岗', '三河'],
    roads: ['金寨南路', '繁华西路', '卧云路', '玉兰大道', '始信路', '翠微路'],
  },
];

/** What a station is named after: a community, a business district or a street, with its weight. */
export const PLACE_KINDS: readonly (readonly [string, number])[] = [
  ['社区', 55],
  ['商圈', 20],
  ['街道', 25],
];

export const STATION_SUFFIXES: readonly (readonly [string, number])[] = [
  ['幸福驿站', 40],
  ['户外劳动者驿站', 25],
  ['工会驿站', 15],
  ['爱心驿站', 10],
  ['暖心驿站', 10],
];

/** Who runs a station, by the place it is named after (a property company, the community, a business). */
export const OPERATORS: readonly (readonly [(place: string) => string, number])[] = [
  [(place) => `${place}社区居民委员会`, 35],
  [(place) => `合肥${place}物业服务有限公司`, 30],
  [(place) => `${place}街道总工会`, 20],
  [() => '中国铁塔股份有限公司合肥市分公司', 5],
  [(place) => `合肥${place}便利店有限公司`, 10],
];

/** Platforms by kind of work (a sanitation worker has none). */
export const PLATFORMS = {
  rider: [
    ['美团', 55],
    ['饿了么', 35],
    ['达达快送', 4],
    ['闪送', 3],
    ['UU跑腿', 3],
  ],
  courier: [
    ['顺丰', 25],
    ['京东', 20],
    ['中通', 15],
    ['圆通', 12],
    ['韵达', 10],
    ['极兔', 8],
    ['邮政EMS', 10],
  ],
  driver: [
    ['滴滴出行', 45],
    ['货拉拉', 30],
    ['曹操出行', 10],
    ['满帮', 15],
  ],
} as const satisfies Record<string, readonly (readonly [string, number])[]>;
