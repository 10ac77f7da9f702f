// Chinese strings of the demo phone page (registered in i18n.ts under `demoPhone`).
export const demoPhoneZh = {
  title: '演示手机',
  intro:
    '演示环境没有接入短信网关：发给职工和用人单位的短信、邮件在这里查看。正式环境没有此页面，工作人员也看不到验证码和答复链接。',
  number: '手机号或邮箱',
  show: '查看',
  none: '没有发往这个号码的消息',
  off: '未启用：只有加载演示数据时才有演示手机。',
  sms: '短信',
  email: '邮件',
};

export type DemoPhoneStrings = typeof demoPhoneZh;
