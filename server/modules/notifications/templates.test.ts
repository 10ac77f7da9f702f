import { describe, expect, it } from 'vitest';
import { TEMPLATES, TemplateError, renderTemplate, templateParams } from './templates.js';

describe('message templates', () => {
  it('fills every slot and keeps the text as the disputes module wrote it', () => {
    const r = renderTemplate('dispute.worker_code', { code: '042917', purpose: '查询案件进度', caseNumber: 'X1' });
    expect(r.body).toBe('【一站】验证码 042917，用于查询案件进度（案件X1），10 分钟内有效。如非本人操作请忽略。');
    expect(r.subject).toBeNull();
    expect(renderTemplate('fee_refunds.enterprise_code', { code: '042917' }).body).toBe(
      '【一站】您的企业经费返还查询验证码为042917，10分钟内有效。请勿告诉他人。',
    );
    const mail = renderTemplate('dispute.employer_link', {
      employerName: '某公司',
      studioName: '某调解室',
      caseNumber: 'X2',
      link: 'https://example.org/e/t',
    });
    expect(mail.subject).toBe('劳动争议调解邀请 X2');
  });

  it('names the missing variable and the unknown template', () => {
    expect(() => renderTemplate('dispute.worker_code', { code: '1', purpose: 'p' })).toThrow(TemplateError);
    expect(() => renderTemplate('dispute.worker_code', { code: '1', purpose: 'p' })).toThrow(/\{caseNumber\}/);
    expect(() => renderTemplate('nope', {})).toThrow(/no message template nope/);
  });

  it('lists every slot of a text among its variables (gateways send them in that order)', () => {
    for (const [code, t] of Object.entries(TEMPLATES)) {
      const slots = [...`${t.text}${'subject' in t ? t.subject : ''}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const slot of slots) expect(t.variables, code).toContain(slot);
    }
    expect(templateParams('dispute.session_reminder', { how: 'b', when: 'a', caseNumber: 'c' })).toEqual([
      'c',
      'a',
      'b',
    ]);
  });
});
