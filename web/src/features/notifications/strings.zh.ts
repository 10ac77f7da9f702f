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

// Chinese strings of the messages page (registered in i18n.ts under `messages`).
export const messagesZh = {
  title: '消息发送',
  intro: '发给职工、用人单位和工作人员的短信与邮件，以及每次发送的结果。验证码和答复链接不显示。',
  recipient: '收件人',
  recipientHint: '完整号码、邮箱，或号码末几位',
  status: '状态',
  channel: '渠道',
  kind: '类型',
  template: '模板',
  period: '写入日期',
  createdAt: '写入时间',
  sentAt: '发出时间',
  attempts: '尝试次数',
  lastError: '最近错误',
  provider: '发送方式',
  providerMessageId: '网关消息编号',
  nextAttemptAt: '下次尝试',
  body: '内容',
  subject: '主题',
  details: '详情',
  attemptLog: '发送记录',
  attemptNo: '第几次',
  at: '时间',
  duration: '耗时（毫秒）',
  error: '错误',
  noAttempts: '尚未尝试发送',
  retry: '重新发送',
  retried: '已重新排队发送',
  statuses: { pending: '待发送', sending: '发送中', sent: '已发出', delivered: '已记入日志', failed: '发送失败' },
  channels: { sms: '短信', email: '邮件' },
  kinds: { code: '验证码', notice: '通知' },
  outcomes: { ok: '成功', transient: '暂时失败（将重试）', permanent: '失败（不再重试）' },
};

export type MessagesStrings = typeof messagesZh;
