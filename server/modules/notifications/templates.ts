import type { MessageChannel, MessageKind } from './tables.js';

/**
 * A message's wording, kept in one place: SMS gateways in China send only pre-approved
 * templates (a template id plus its parameters, in the order of `variables`), so every
 * message names its template; the text here is what the log provider, e-mail and the
 * webhook gateway send, and what the outbox keeps.
 */
export interface MessageTemplate {
  channels: readonly MessageChannel[];
  kind: MessageKind;
  /** Chinese text with {variable} slots. */
  text: string;
  /** E-mail subject with {variable} slots. */
  subject?: string;
  variables: readonly string[];
}

const SIGN = '【一站】';

export const TEMPLATES = {
  'dispute.worker_code': {
    channels: ['sms'],
    kind: 'code',
    text: `${SIGN}验证码 {code}，用于{purpose}（案件{caseNumber}），10 分钟内有效。如非本人操作请忽略。`,
    variables: ['code', 'purpose', 'caseNumber'],
  },
  'fee_refunds.enterprise_code': {
    channels: ['sms'],
    kind: 'code',
    text: `${SIGN}您的企业经费返还查询验证码为{code}，10分钟内有效。请勿告诉他人。`,
    variables: ['code'],
  },
  'stations.worker_code': {
    channels: ['sms'],
    kind: 'code',
    text: `${SIGN}您正在登记户外劳动者驿站，验证码为{code}，10分钟内有效。请勿告诉他人。`,
    variables: ['code'],
  },
  'membership.code': {
    channels: ['sms'],
    kind: 'code',
    text: `${SIGN}您正在申请加入工会或查看会员卡，验证码为{code}，10分钟内有效。请勿告诉他人。`,
    variables: ['code'],
  },
  'membership.received': {
    channels: ['sms'],
    kind: 'notice',
    text: `${SIGN}您的{kind}申请已提交{organization}，申请编号{applicationNo}。审核结果将以短信告知，也可凭本手机号查看。`,
    variables: ['kind', 'organization', 'applicationNo'],
  },
  'membership.approved': {
    channels: ['sms'],
    kind: 'notice',
    text: `${SIGN}欢迎加入{organization}！会员号{memberNo}。凭本手机号和验证码即可打开电子会员卡。`,
    variables: ['organization', 'memberNo'],
  },
  'membership.rejected': {
    channels: ['sms'],
    kind: 'notice',
    text: `${SIGN}您向{organization}提交的入会申请{applicationNo}未获批准，原因：{reason}。如有疑问请联系该工会。`,
    variables: ['organization', 'applicationNo', 'reason'],
  },
  'stations.alarm': {
    channels: ['sms'],
    kind: 'notice',
    text: `${SIGN}驿站告警：{station}，{alarm}。请尽快查看处理。`,
    variables: ['station', 'alarm'],
  },
  'stations.suggestion_replied': {
    channels: ['sms'],
    kind: 'notice',
    text: `${SIGN}您在{station}的留言已有回复，请打开驿站页面查看。`,
    variables: ['station'],
  },
  'stations.low_stock': {
    channels: ['sms'],
    kind: 'notice',
    text: `${SIGN}驿站物资不足：{station}的{item}仅剩{stock}，请及时补充。`,
    variables: ['station', 'item', 'stock'],
  },
  'fee_refunds.deadlines': {
    channels: ['sms'],
    kind: 'notice',
    text: `${SIGN}您辖区{region}的经费返还有{overdue}笔已逾期、{atRisk}笔将在7日内到期，请登录一站及时处理。`,
    variables: ['region', 'overdue', 'atRisk'],
  },
  'dispute.registered': {
    channels: ['sms'],
    kind: 'notice',
    text: `${SIGN}您的劳动争议调解申请已登记，案件编号{caseNumber}。凭案件编号和本手机号可随时查询进度。`,
    variables: ['caseNumber'],
  },
  'dispute.employer_link': {
    channels: ['sms', 'email'],
    kind: 'notice',
    text: `${SIGN}{employerName}：{studioName}受理了案件{caseNumber}，请通过以下链接答复是否同意调解（可提出金额方案）：{link}`,
    subject: '劳动争议调解邀请 {caseNumber}',
    variables: ['employerName', 'studioName', 'caseNumber', 'link'],
  },
  /** A party's notice of a step in the case (the state machine's wording in `message`). */
  'dispute.case_notice': {
    channels: ['sms'],
    kind: 'notice',
    text: `${SIGN}案件{caseNumber}：{message}`,
    variables: ['caseNumber', 'message'],
  },
  'dispute.case_notice_email': {
    channels: ['email'],
    kind: 'notice',
    text: '{message}',
    subject: '劳动争议调解案件 {caseNumber}',
    variables: ['caseNumber', 'message'],
  },
  /** Staff notices and clock reminders. */
  'dispute.staff_notice': {
    channels: ['sms'],
    kind: 'notice',
    text: `${SIGN}{caseNumber}：{message}`,
    variables: ['caseNumber', 'message'],
  },
  'dispute.session_reminder': {
    channels: ['sms'],
    kind: 'notice',
    text: `${SIGN}{caseNumber} 调解安排：{when}，{how}。`,
    variables: ['caseNumber', 'when', 'how'],
  },
} as const satisfies Record<string, MessageTemplate>;

export type TemplateCode = keyof typeof TEMPLATES;
export type TemplateVariables<C extends TemplateCode> = Record<(typeof TEMPLATES)[C]['variables'][number], string>;

export class TemplateError extends Error {}

function fill(code: string, pattern: string, variables: Record<string, string>): string {
  return pattern.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = variables[name];
    if (value === undefined) throw new TemplateError(`template ${code}: variable {${name}} is missing`);
    return value;
  });
}

export function templateOf(code: string): MessageTemplate | undefined {
  return (TEMPLATES as Record<string, MessageTemplate>)[code];
}

/** The text (and subject) of a template; a missing variable is a programming error, named. */
export function renderTemplate(
  code: string,
  variables: Record<string, string>,
): { template: MessageTemplate; body: string; subject: string | null } {
  const template = templateOf(code);
  if (!template) throw new TemplateError(`no message template ${code}`);
  for (const name of template.variables)
    if (variables[name] === undefined) throw new TemplateError(`template ${code}: variable {${name}} is missing`);
  return {
    template,
    body: fill(code, template.text, variables),
    subject: template.subject ? fill(code, template.subject, variables) : null,
  };
}

/** The variables in the template's order, as template-based SMS gateways take them. */
export function templateParams(code: string, variables: Record<string, string>): string[] {
  return (templateOf(code)?.variables ?? []).map((name) => variables[name] ?? '');
}
