import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const PG = 'postgres://yizhan@db.internal:5432/yizhan';

describe('demo data default', () => {
  it('loads the demo data on the embedded database unless told not to', () => {
    expect(loadConfig({}).demoData).toBe(true);
    expect(loadConfig({ YIZHAN_DEMO_DATA: 'false' }).demoData).toBe(false);
  });

  it('does not load it into PostgreSQL (DATABASE_URL) unless asked explicitly', () => {
    expect(loadConfig({ DATABASE_URL: PG }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: PG, YIZHAN_DEMO_DATA: 'true' }).demoData).toBe(true);
    // An empty variable is "not set", as in `DATABASE_URL= npm start`.
    expect(loadConfig({ DATABASE_URL: '' }).demoData).toBe(true);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no forwarding header by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it('takes a hop count or a list of proxy addresses and ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy).toEqual(['127.0.0.1']);
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.0/8, ::1 ,fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('stops the start on a value that is neither, naming the variable', () => {
    for (const bad of ['true', 'everyone', '10.0.0.0/33', '127.0.0.1,', '300.1.1.1']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});

describe('message providers', () => {
  const TENCENT = {
    SMS_PROVIDER: 'tencent',
    TENCENTCLOUD_SECRET_ID: 'AKIDexampleexample',
    TENCENTCLOUD_SECRET_KEY: 'secret-key-value',
    TENCENT_SMS_SDK_APP_ID: '1400000001',
    TENCENT_SMS_SIGN_NAME: '一站',
    TENCENT_SMS_TEMPLATES: 'dispute.worker_code=100001, dispute.registered = 100002',
  };

  it('logs messages by default, with the documented limits', () => {
    const m = loadConfig({}).messages;
    expect(m).toMatchObject({ smsProvider: 'log', emailProvider: 'log', smtp: null, tencent: null, webhook: null });
    expect(m).toMatchObject({ maxAttempts: 5, codesPerHour: 5, retryBaseSeconds: 30, sendTimeoutMs: 10_000 });
  });

  it('reads the Tencent settings and the template id map', () => {
    const m = loadConfig(TENCENT).messages;
    expect(m.smsProvider).toBe('tencent');
    expect(m.tencent).toMatchObject({
      region: 'ap-guangzhou',
      endpoint: 'https://sms.tencentcloudapi.com',
      templates: { 'dispute.worker_code': '100001', 'dispute.registered': '100002' },
    });
  });

  it('stops the start when a chosen provider lacks a setting, naming it but never showing a secret', () => {
    const { TENCENTCLOUD_SECRET_ID: _id, ...noId } = TENCENT;
    expect(() => loadConfig(noId)).toThrow(/TENCENTCLOUD_SECRET_ID: is required when the provider is tencent/);
    expect(() => loadConfig({ EMAIL_PROVIDER: 'smtp', SMTP_URL: 'smtp://u:p@host:25' })).toThrow(/SMTP_FROM/);
    expect(() => loadConfig({ SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: 'https://gw.example.org/sms' })).toThrow(
      /SMS_WEBHOOK_SECRET/,
    );
    let message = '';
    try {
      loadConfig({ ...TENCENT, TENCENT_SMS_TEMPLATES: 'worker_code:1', SMTP_URL: 'http://user:hunter2@x' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/TENCENT_SMS_TEMPLATES/);
    expect(message).toMatch(/SMTP_URL/);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('secret-key-value');
  });

  it('refuses a provider it does not know and limits out of range', () => {
    expect(() => loadConfig({ SMS_PROVIDER: 'aliyun' })).toThrow(/SMS_PROVIDER/);
    expect(() => loadConfig({ SMS_CODES_PER_HOUR: '0' })).toThrow(/SMS_CODES_PER_HOUR/);
    expect(loadConfig({ SMS_CODES_PER_HOUR: '3' }).messages.codesPerHour).toBe(3);
  });
});

describe('jobs', () => {
  it('runs the dispute clocks every 15 minutes by default, on the cron given, or never ("off")', () => {
    expect(loadConfig({}).disputeClocksCron).toBe('*/15 * * * *');
    expect(loadConfig({ DISPUTE_CLOCKS_CRON: '0 8-18 * * MON-FRI' }).disputeClocksCron).toBe('0 8-18 * * MON-FRI');
    expect(loadConfig({ DISPUTE_CLOCKS_CRON: 'off' }).disputeClocksCron).toBeNull();
  });

  it('stops the start on a cron that is not five fields, naming the variable', () => {
    for (const bad of ['*/15 * * *', 'every 15 minutes please now', '* * * * * *', '*/15;rm * * * *']) {
      expect(() => loadConfig({ DISPUTE_CLOCKS_CRON: bad }), bad).toThrow(/DISPUTE_CLOCKS_CRON/);
    }
  });

  it('refuses the replaced REMINDER_INTERVAL_MINUTES instead of ignoring it', () => {
    expect(() => loadConfig({ REMINDER_INTERVAL_MINUTES: '15' })).toThrow(/DISPUTE_CLOCKS_CRON/);
  });

  it('polls every 2 s and gives running jobs 25 s at shutdown by default', () => {
    expect(loadConfig({})).toMatchObject({ jobsPollSeconds: 2, jobsStopTimeoutSeconds: 25 });
    expect(loadConfig({ JOBS_POLL_SECONDS: '0.5' }).jobsPollSeconds).toBe(0.5);
    expect(() => loadConfig({ JOBS_POLL_SECONDS: '0' })).toThrow(/JOBS_POLL_SECONDS/);
  });

  it('lets the heap grow 50 % past the live data by default; 0 leaves it to V8', () => {
    expect(loadConfig({}).heapGrowingPercent).toBe(50);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(() => loadConfig({ HEAP_GROWING_PERCENT: '400' })).toThrow(/HEAP_GROWING_PERCENT/);
  });
});
