// Chinese strings of the union organizations pages (registered in i18n.ts under `organizations`).
export const organizationsZh = {
  title: '工会组织',
  name: '名称',
  kind: '类型',
  parent: '上级工会',
  region: '所在地区',
  address: '地址',
  contactPhone: '联系电话',
  code: '入会码',
  codeHint: '扫码入会链接里的代码：2–24 位大写字母、数字或连字符，如 HX-RIDERS。',
  codeFormat: '入会码为 2–24 位大写字母、数字或连字符',
  joinLink: '入会链接',
  chairName: '工会主席',
  approver: '入会审批人',
  approverHint: '不指定时，由本地区有审批权限的工会工作人员审批。',
  searchPlaceholder: '按名称查询',
  create: '新建工会组织',
  edit: '编辑工会组织',
  nameRequired: '请填写名称',
  kindRequired: '请选择类型',
  regionRequired: '请选择所在地区',
  kinds: {
    national: '全国总工会',
    provincial: '省级工会',
    city: '市级工会',
    county: '县（区）级工会',
    grassroots: '基层工会',
    joint: '联合工会',
    industry: '行业工会',
  },
};

export type OrganizationsStrings = typeof organizationsZh;
