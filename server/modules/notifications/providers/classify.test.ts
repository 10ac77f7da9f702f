import { describe, expect, it } from 'vitest';
import { maskRecipient } from './log.js';
import { smtpErrorKind } from './smtp.js';
import { tencentErrorKind } from './tencent-sms.js';
import { e164Mobile } from './types.js';
import { webhookSignature } from './webhook-sms.js';

describe('which gateway failures are worth a retry', () => {
  it('Tencent: rate limits and internal errors are transient; numbers, templates, signatures, keys are not', () => {
    for (const code of ['LimitExceeded.PhoneNumberThirtySecondLimit', 'InternalError.Timeout', 'RequestLimitExceeded'])
      expect(tencentErrorKind(code), code).toBe('transient');
    for (const code of [
      'InvalidParameterValue.IncorrectPhoneNumber',
      'FailedOperation.TemplateIncorrectOrUnapproved',
      'FailedOperation.SignatureIncorrectOrUnapproved',
      'AuthFailure.SignatureFailure',
      'UnauthorizedOperation.SmsSdkAppIdVerifyFail',
      'LimitExceeded.PhoneNumberDailyLimit',
    ])
      expect(tencentErrorKind(code), code).toBe('permanent');
  });

  it('SMTP: 4xx and 503 are transient, other 5xx permanent, no code (a socket error) transient', () => {
    expect(smtpErrorKind(450)).toBe('transient');
    expect(smtpErrorKind(421)).toBe('transient');
    expect(smtpErrorKind(503)).toBe('transient');
    expect(smtpErrorKind(550)).toBe('permanent');
    expect(smtpErrorKind(554)).toBe('permanent');
    expect(smtpErrorKind(undefined)).toBe('transient');
  });
});

describe('provider helpers', () => {
  it('writes mainland numbers in E.164 and refuses what is no number', () => {
    expect(e164Mobile('13800138000')).toBe('+8613800138000');
    expect(e164Mobile('+8613800138000')).toBe('+8613800138000');
    expect(e164Mobile('（无联系方式）')).toBeNull();
    expect(e164Mobile('account:zs_mediator')).toBeNull();
  });

  it('masks a recipient for the log', () => {
    expect(maskRecipient('13800138000')).toBe('138****8000');
    expect(maskRecipient('hr@employer.example.com')).toBe('h***@employer.example.com');
    expect(maskRecipient('account:zs_mediator')).toBe('***');
  });

  it('signs the webhook over timestamp and body', () => {
    expect(webhookSignature('k'.repeat(16), '1700000000', '{}')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(webhookSignature('k'.repeat(16), '1700000000', '{}')).not.toBe(
      webhookSignature('k'.repeat(16), '1700000001', '{}'),
    );
  });
});
