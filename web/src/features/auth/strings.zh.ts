// Chinese strings of signing in and changing a password (registered in i18n.ts under `auth`).
export const authZh = {
  title: '登录',
  username: '用户名或手机号',
  password: '密码',
  usernameRequired: '请输入用户名或手机号',
  passwordRequired: '请输入密码',
  submit: '登录',
  logout: '退出登录',
  loggedOut: '已退出登录',
  changePassword: '修改密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  confirmPassword: '确认新密码',
  passwordMismatch: '两次输入的新密码不一致',
  passwordChanged: '密码已修改',
  sessionExpired: '登录已过期，请重新登录',
  footer: '工会一站式服务平台 · 数据仅限授权人员使用',
  calcLink: '算一算我应得多少钱',
  calcLinkHint: '职工不用登录',
};

export type AuthStrings = typeof authZh;
