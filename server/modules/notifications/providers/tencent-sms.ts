import type { MessageSettings } from '../../../config.js';
import { templateParams } from '../templates.js';
import { postWithin, type HttpAnswer } from './http.js';
import { SendError, asSendError, e164Mobile, type MessageProvider } from './types.js';
import { signTc3 } from './tc3.js';

type TencentSettings = NonNullable<MessageSettings['tencent']>;

interface SendSmsResponse {
  Response?: {
    Error?: { Code: string; Message: string };
    SendStatusSet?: { SerialNo?: string; PhoneNumber?: string; Code: string; Message?: string }[];
    RequestId?: string;
  };
}

/**
 * Whether a Tencent error code may pass on a later try: rate limits and Tencent's own faults
 * may; a bad number, template, signature name, credentials or balance will not until a person
 * fixes something (the message is then visible as failed and can be retried from the page).
 */
export function tencentErrorKind(code: string): 'transient' | 'permanent' {
  if (/^(LimitExceeded|InternalError|RequestLimitExceeded|ResourceUnavailable\.?|ServiceUnavailable)/.test(code))
    return code.startsWith('LimitExceeded.PhoneNumber') && code.includes('Daily') ? 'permanent' : 'transient';
  return 'permanent';
}

/** Tencent Cloud SMS, SendSms of API version 2021-01-11, one number per request. */
export function tencentSmsProvider(s: TencentSettings, timeoutMs: number): MessageProvider {
  const url = new URL(s.endpoint);
  return {
    name: 'tencent',
    async send(message, signal) {
      const phone = e164Mobile(message.recipient);
      if (!phone) throw new SendError('permanent', 'not a mobile number');
      const templateId = message.template ? s.templates[message.template] : undefined;
      if (!templateId)
        throw new SendError(
          'permanent',
          `no Tencent template id for ${message.template ?? '(no template)'} (TENCENT_SMS_TEMPLATES)`,
        );
      const payload = JSON.stringify({
        PhoneNumberSet: [phone],
        SmsSdkAppId: s.sdkAppId,
        SignName: s.signName,
        TemplateId: templateId,
        TemplateParamSet: templateParams(message.template!, message.variables ?? {}),
        SessionContext: message.id,
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const signed = signTc3({
        secretId: s.secretId,
        secretKey: s.secretKey,
        service: 'sms',
        host: url.host,
        timestamp,
        payload,
      });
      let res: HttpAnswer;
      try {
        res = await postWithin(
          url,
          {
            headers: {
              'Content-Type': signed.contentType,
              Host: url.host,
              'X-TC-Action': 'SendSms',
              'X-TC-Version': '2021-01-11',
              'X-TC-Timestamp': String(timestamp),
              'X-TC-Region': s.region,
              Authorization: signed.authorization,
            },
            body: payload,
          },
          { signal, timeoutMs },
        );
      } catch (err) {
        throw asSendError(err);
      }
      if (res.status >= 500) throw new SendError('transient', `HTTP ${res.status}`);
      let answer: SendSmsResponse;
      try {
        answer = JSON.parse(res.text) as SendSmsResponse;
      } catch {
        throw new SendError('transient', `HTTP ${res.status}: not JSON`);
      }
      const error = answer.Response?.Error;
      if (error) throw new SendError(tencentErrorKind(error.Code), `${error.Code}: ${error.Message}`.slice(0, 300));
      const status = answer.Response?.SendStatusSet?.[0];
      if (!status) throw new SendError('transient', `HTTP ${res.status}: no SendStatusSet`);
      if (status.Code !== 'Ok')
        throw new SendError(tencentErrorKind(status.Code), `${status.Code}: ${status.Message ?? ''}`.slice(0, 300));
      return { providerMessageId: status.SerialNo ?? answer.Response?.RequestId ?? null, status: 'sent' };
    },
  };
}
