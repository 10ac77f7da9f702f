import { sectorNames } from '../../../../contracts/disputes/sectors';
// Chinese strings of the employers pages (registered in i18n.ts under `employers`).
export const employersZh = {
  title: '用人单位',
  uscc: '统一社会信用代码',
  name: '单位名称',
  industry: '行业',
  region: '所在地区',
  address: '地址',
  contactName: '联系人',
  contactPhone: '联系电话',
  contactEmail: '联系邮箱',
  searchPlaceholder: '名称或信用代码',
  create: '新建用人单位',
  edit: '编辑用人单位',
  required: '此项必填',
  usccWarning: '校验位不符',
  usccWarningHint: '该信用代码未通过校验位检查，已按营业执照原样保存',
  confirmTitle: '信用代码校验未通过',
  saveAnyway: '仍然保存',
  goBack: '返回修改',
  industries: sectorNames('zh'),
};

export type EmployersStrings = typeof employersZh;
