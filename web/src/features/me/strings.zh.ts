// Chinese strings of the worker's own page (registered in i18n.ts under `me`).
export const meZh = {
  title: '我的',
  hello: '您好，{{name}}',
  record: '我的档案',
  name: '姓名',
  residentId: '身份证号',
  phone: '手机号',
  sex: '性别',
  birthDate: '出生日期',
  region: '所在地区',
  occupation: '职业',
  noRecord: '暂未找到您的职工档案，请联系所在工会。',
  privacy: '为保护个人信息，身份证号已脱敏显示。',
  sexes: { male: '男', female: '女' },
};

export type MeStrings = typeof meZh;
