/**
 * Codes of the membership module (入会) with their Chinese and English labels, shared by the server
 * (check constraints, validation) and the web (labels, forms). No zod here: the web imports it at
 * run time. The register's fields follow the ACFTU member registration form (会员登记表).
 */

export interface Label {
  zh: string;
  en: string;
}

/** The work of a new-employment-form worker (新就业形态劳动者), as the joining page asks it. */
export const MEMBER_OCCUPATIONS = [
  'rider',
  'courier',
  'truck_driver',
  'ride_hailing_driver',
  'domestic',
  'other',
] as const;
export type MemberOccupation = (typeof MEMBER_OCCUPATIONS)[number];
export const MEMBER_OCCUPATION_LABELS: Record<MemberOccupation, Label> = {
  rider: { zh: '外卖骑手', en: 'Delivery rider' },
  courier: { zh: '快递员', en: 'Courier' },
  truck_driver: { zh: '货车司机', en: 'Truck driver' },
  ride_hailing_driver: { zh: '网约车司机', en: 'Ride-hailing driver' },
  domestic: { zh: '家政服务员', en: 'Domestic worker' },
  other: { zh: '其他', en: 'Other' },
};

/** An application joins a union, or moves a member from another organization (转会). */
export const APPLICATION_KINDS = ['join', 'transfer'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const APPLICATION_KIND_LABELS: Record<ApplicationKind, Label> = {
  join: { zh: '入会', en: 'Joining' },
  transfer: { zh: '转会', en: 'Transfer' },
};

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, Label> = {
  pending: { zh: '待审核', en: 'Awaiting approval' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '未通过', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** A membership is one stay in one organization: it ends by a transfer or by leaving. */
export const MEMBERSHIP_STATUSES = ['active', 'transferred', 'left'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, Label> = {
  active: { zh: '在会', en: 'Member' },
  transferred: { zh: '已转出', en: 'Transferred out' },
  left: { zh: '已退会', en: 'Left' },
};

/** Why a member left (会员退会): the ACFTU rules name these. */
export const LEAVE_REASONS = ['own_request', 'left_work', 'retired', 'deceased', 'expelled'] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];
export const LEAVE_REASON_LABELS: Record<LeaveReason, Label> = {
  own_request: { zh: '本人申请退会', en: 'At their own request' },
  left_work: { zh: '离开本行业', en: 'Left this line of work' },
  retired: { zh: '退休', en: 'Retired' },
  deceased: { zh: '去世', en: 'Deceased' },
  expelled: { zh: '除名', en: 'Struck off' },
};

/** 文化程度 as the register form lists it. */
export const EDUCATION_LEVELS = [
  'primary',
  'junior_secondary',
  'senior_secondary',
  'vocational',
  'junior_college',
  'bachelor',
  'postgraduate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Record<EducationLevel, Label> = {
  primary: { zh: '小学', en: 'Primary school' },
  junior_secondary: { zh: '初中', en: 'Junior secondary' },
  senior_secondary: { zh: '高中', en: 'Senior secondary' },
  vocational: { zh: '中专/技校', en: 'Vocational school' },
  junior_college: { zh: '大专', en: 'Junior college' },
  bachelor: { zh: '大学本科', en: 'Bachelor’s degree' },
  postgraduate: { zh: '研究生', en: 'Postgraduate' },
};

/** 政治面貌 (GB/T 4762's usual groups). */
export const POLITICAL_STATUSES = [
  'masses',
  'cyl_member',
  'cpc_probationary',
  'cpc_member',
  'democratic_party',
] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];
export const POLITICAL_STATUS_LABELS: Record<PoliticalStatus, Label> = {
  masses: { zh: '群众', en: 'No party affiliation' },
  cyl_member: { zh: '共青团员', en: 'Communist Youth League member' },
  cpc_probationary: { zh: '中共预备党员', en: 'CPC probationary member' },
  cpc_member: { zh: '中共党员', en: 'CPC member' },
  democratic_party: { zh: '民主党派', en: 'Democratic party member' },
};

/**
 * 民族: the 56 ethnic groups in the order and with the two-digit codes of GB/T 3304, the English
 * names as the standard's romanisation gives them.
 */
export const ETHNICITIES: readonly { code: string; zh: string; en: string }[] = [
  ['01', '汉族', 'Han'],
  ['02', '蒙古族', 'Mongol'],
  ['03', '回族', 'Hui'],
  ['04', '藏族', 'Tibetan'],
  ['05', '维吾尔族', 'Uygur'],
  ['06', '苗族', 'Miao'],
  ['07', '彝族', 'Yi'],
  ['08', '壮族', 'Zhuang'],
  ['09', '布依族', 'Buyei'],
  ['10', '朝鲜族', 'Korean'],
  ['11', '满族', 'Manchu'],
  ['12', '侗族', 'Dong'],
  ['13', '瑶族', 'Yao'],
  ['14', '白族', 'Bai'],
  ['15', '土家族', 'Tujia'],
  ['16', '哈尼族', 'Hani'],
  ['17', '哈萨克族', 'Kazak'],
  ['18', '傣族', 'Dai'],
  ['19', '黎族', 'Li'],
  ['20', '傈僳族', 'Lisu'],
  ['21', '佤族', 'Va'],
  ['22', '畲族', 'She'],
  ['23', '高山族', 'Gaoshan'],
  ['24', '拉祜族', 'Lahu'],
  ['25', '水族', 'Sui'],
  ['26', '东乡族', 'Dongxiang'],
  ['27', '纳西族', 'Naxi'],
  ['28', '景颇族', 'Jingpo'],
  ['29', '柯尔克孜族', 'Kirgiz'],
  ['30', '土族', 'Tu'],
  ['31', '达斡尔族', 'Daur'],
  ['32', '仫佬族', 'Mulao'],
  ['33', '羌族', 'Qiang'],
  ['34', '布朗族', 'Blang'],
  ['35', '撒拉族', 'Salar'],
  ['36', '毛南族', 'Maonan'],
  ['37', '仡佬族', 'Gelao'],
  ['38', '锡伯族', 'Xibe'],
  ['39', '阿昌族', 'Achang'],
  ['40', '普米族', 'Pumi'],
  ['41', '塔吉克族', 'Tajik'],
  ['42', '怒族', 'Nu'],
  ['43', '乌孜别克族', 'Uzbek'],
  ['44', '俄罗斯族', 'Russian'],
  ['45', '鄂温克族', 'Ewenki'],
  ['46', '德昂族', 'Deang'],
  ['47', '保安族', 'Bonan'],
  ['48', '裕固族', 'Yugur'],
  ['49', '京族', 'Gin'],
  ['50', '塔塔尔族', 'Tatar'],
  ['51', '独龙族', 'Derung'],
  ['52', '鄂伦春族', 'Oroqen'],
  ['53', '赫哲族', 'Hezhen'],
  ['54', '门巴族', 'Monba'],
  ['55', '珞巴族', 'Lhoba'],
  ['56', '基诺族', 'Jino'],
].map(([code, zh, en]) => ({ code: code!, zh: zh!, en: en! }));
export const ETHNICITY_CODES = ETHNICITIES.map((e) => e.code);

/** Areas of the grid (分片包干) are lists of one of these. */
export const AREA_KINDS = ['regions', 'streets', 'platforms'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export const AREA_KIND_LABELS: Record<AreaKind, Label> = {
  regions: { zh: '行政区域', en: 'Regions' },
  streets: { zh: '街道/园区', en: 'Streets and parks' },
  platforms: { zh: '平台/企业', en: 'Platforms and companies' },
};

/** Work-injury cover: 工伤保险, or the pilot 新就业形态就业人员职业伤害保障, or a commercial policy. */
export const INSURANCE_SCHEMES = ['work_injury', 'occupational_injury', 'commercial_accident'] as const;
export type InsuranceScheme = (typeof INSURANCE_SCHEMES)[number];
export const INSURANCE_SCHEME_LABELS: Record<InsuranceScheme, Label> = {
  work_injury: { zh: '工伤保险', en: 'Work-injury insurance' },
  occupational_injury: { zh: '职业伤害保障', en: 'Occupational-injury protection' },
  commercial_accident: { zh: '意外伤害保险（工会赠送）', en: 'Accident insurance (given by the union)' },
};

export const INSURANCE_SOURCES = ['import', 'manual', 'joining'] as const;
export type InsuranceSource = (typeof INSURANCE_SOURCES)[number];
export const INSURANCE_SOURCE_LABELS: Record<InsuranceSource, Label> = {
  import: { zh: '批量导入', en: 'Bulk import' },
  manual: { zh: '逐条录入', en: 'Recorded by hand' },
  joining: { zh: '入会赠送', en: 'Given on joining' },
};

/** 推优入党: the union nominates, reviews, and records what the party organization decided. */
export const RECOMMENDATION_STATUSES = ['nominated', 'endorsed', 'declined', 'accepted', 'not_accepted'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, Label> = {
  nominated: { zh: '已推荐', en: 'Nominated' },
  endorsed: { zh: '审核通过，已报党组织', en: 'Endorsed, sent to the party organization' },
  declined: { zh: '审核未通过', en: 'Not endorsed' },
  accepted: { zh: '已列为入党积极分子', en: 'Accepted as an activist' },
  not_accepted: { zh: '党组织未采纳', en: 'Not taken up by the party organization' },
};

/** The privacy notice a joining worker consents to; a new wording gets a new version. */
export const MEMBERSHIP_NOTICE_VERSION = '2026-12';
