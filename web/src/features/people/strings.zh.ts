// Chinese strings of the people pages (registered in i18n.ts under `people`).
export const peopleZh = {
  title: '职工档案',
  name: '姓名',
  phone: '手机号',
  residentId: '身份证号',
  sex: '性别',
  birthDate: '出生日期',
  region: '所在地区',
  occupation: '职业',
  searchPlaceholder: '姓名、手机号或完整身份证号',
  create: '新建职工档案',
  edit: '编辑职工档案',
  required: '此项必填',
  residentIdKeep: '留空则保持原身份证号不变',
  reveal: '查看',
  revealTitle: '查看完整身份证号',
  revealWarning: '查看完整身份证号的操作将记入审计日志（含您的账号、时间和 IP 地址）。仅在办理业务确有需要时查看。',
  revealOk: '确认查看',
  sexes: { male: '男', female: '女' },
};

export type PeopleStrings = typeof peopleZh;
