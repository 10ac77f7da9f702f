import { describe, expect, it } from 'vitest';
import { redactOneTimeSecrets } from './redact.js';
import { renderTemplate } from './templates.js';

describe('messages as staff see them', () => {
  it('hides SMS codes and link tokens, keeps the rest', () => {
    const sms = '【一站】验证码 042917，用于确认签署调解协议（案件粤中工调〔2025〕000123号），10 分钟内有效。';
    expect(redactOneTimeSecrets(sms)).toBe(
      '【一站】验证码 ******，用于确认签署调解协议（案件粤中工调〔2025〕000123号），10 分钟内有效。',
    );
    const link = '请通过以下链接答复：https://yizhan.example.org/e/AbCdEfGhIjKlMnOpQrStUvWx12';
    expect(redactOneTimeSecrets(link)).toBe('请通过以下链接答复：https://yizhan.example.org/e/******');
    const fee = renderTemplate('fee_refunds.enterprise_code', { code: '042917' }).body;
    expect(redactOneTimeSecrets(fee)).toBe('【一站】您的企业经费返还查询验证码为******，10分钟内有效。请勿告诉他人。');
    expect(redactOneTimeSecrets('验证码：123456')).toBe('验证码：******');
    expect(redactOneTimeSecrets('调解安排：2025-06-03 09:30，当面调解')).toBe('调解安排：2025-06-03 09:30，当面调解');
  });
});
