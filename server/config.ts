import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Names proxy-addr (Fastify's trustProxy) understands as address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length || !address) return false;
  const family = net.isIP(address);
  if (!family) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which clients may set X-Forwarded-For (and -Proto, -Host): none when unset, the last N hops
 * for a number, or the listed proxy addresses and CIDR ranges. Trusting every client would let
 * anyone pick the address that rate limits and the audit trail see.
 */
const trustProxySchema = z
  .string()
  .trim()
  .refine((v) => /^\d+$/.test(v) || v.split(',').every((p) => isProxyAddress(p.trim())), {
    error:
      'must be a hop count (e.g. 1) or a comma-separated list of proxy addresses or CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8)',
  })
  .optional();

/** Five fields of `*`, numbers or three-letter month/weekday names, with ranges, steps and lists. */
const CRON_ITEM = String.raw`(?:\*|\d{1,2}|[A-Za-z]{3})(?:-(?:\d{1,2}|[A-Za-z]{3}))?(?:/\d{1,2})?`;
const CRON_FIELD = `${CRON_ITEM}(?:,${CRON_ITEM})*`;
const CRON = new RegExp(`^${CRON_FIELD}(?:\\s+${CRON_FIELD}){4}$`);

const count = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const httpUrl = z.string().regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// URL');

/** Where SMS and e-mail go (see README "Messages"); secrets here are never logged. */
const messageEnv = {
  SMS_PROVIDER: z.enum(['log', 'tencent', 'webhook']).default('log'),
  EMAIL_PROVIDER: z.enum(['log', 'smtp']).default('log'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be smtp://user:password@host:port or smtps://…')
    .optional(),
  SMTP_FROM: z.string().min(3).optional(),
  TENCENTCLOUD_SECRET_ID: z.string().min(8).optional(),
  TENCENTCLOUD_SECRET_KEY: z.string().min(8).optional(),
  TENCENT_SMS_SDK_APP_ID: z.string().regex(/^\d+$/, 'must be the SmsSdkAppId (digits)').optional(),
  TENCENT_SMS_SIGN_NAME: z.string().min(1).optional(),
  TENCENT_SMS_REGION: z
    .string()
    .regex(/^[a-z]+-[a-z]+$/, 'must be a region such as ap-guangzhou')
    .default('ap-guangzhou'),
  TENCENT_SMS_ENDPOINT: httpUrl.default('https://sms.tencentcloudapi.com'),
  TENCENT_SMS_TEMPLATES: z
    .string()
    .regex(
      /^\s*[a-z0-9_.]+\s*=\s*\d+\s*(,\s*[a-z0-9_.]+\s*=\s*\d+\s*)*$/,
      'must be template=id pairs, e.g. dispute.worker_code=1234567,…',
    )
    .optional(),
  SMS_WEBHOOK_URL: httpUrl.optional(),
  SMS_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  MESSAGE_MAX_ATTEMPTS: count(1, 50, 5),
  MESSAGE_RETRY_BASE_SECONDS: count(1, 3600, 30),
  MESSAGE_SEND_TIMEOUT_MS: count(100, 120_000, 10_000),
  MESSAGE_DISPATCH_BATCH: count(1, 1000, 100),
  MESSAGE_DISPATCH_CONCURRENCY: count(1, 100, 8),
  MESSAGE_LEASE_SECONDS: count(10, 3600, 120),
  MESSAGE_MAX_AGE_HOURS: count(1, 24 * 30, 24),
  SMS_CODES_PER_HOUR: count(1, 100, 5),
};

/** Settings a provider cannot work without, checked at start rather than at the first message. */
const PROVIDER_NEEDS: Record<string, string[]> = {
  tencent: ['TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY', 'TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME'],
  webhook: ['SMS_WEBHOOK_URL', 'SMS_WEBHOOK_SECRET'],
  smtp: ['SMTP_URL', 'SMTP_FROM'],
};

// Configuration is parsed once at start-up; a bad value stops the process with a message
// naming the variable, instead of failing later in some request.
const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    YIZHAN_DATA_DIR: z.string().default('./data'),
    YIZHAN_ENCRYPTION_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (44 characters)')
      .optional(),
    YIZHAN_DEMO_DATA: z.enum(['true', 'false']).optional(),
    TRUST_PROXY: trustProxySchema,
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    WEB_DIST: z.string().default('web/dist'),
    /** Replaced by DISPUTE_CLOCKS_CRON: a value still set stops the start rather than being ignored. */
    REMINDER_INTERVAL_MINUTES: z
      .never({
        error: 'replaced by DISPUTE_CLOCKS_CRON (e.g. "*/15 * * * *", or "off") / 已由 DISPUTE_CLOCKS_CRON 取代',
      })
      .optional(),
    DISPUTE_CLOCKS_CRON: z
      .string()
      .trim()
      .refine((v) => v === 'off' || CRON.test(v), {
        error:
          'must be a cron expression of five fields (minute hour day month weekday), e.g. "*/15 * * * *", or "off"',
      })
      .default('*/15 * * * *'),
    FEE_DEADLINES_CRON: z
      .string()
      .trim()
      .refine((v) => v === 'off' || CRON.test(v), {
        error: 'must be a cron expression of five fields (minute hour day month weekday), e.g. "0 9 * * *", or "off"',
      })
      .default('0 9 * * *'),
    JOBS_POLL_SECONDS: z.coerce.number().min(0.1).max(60).default(2),
    JOBS_STOP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
    PUBLIC_URL: z.string().url('must be a URL such as https://yizhan.example.org').optional(),
    ...messageEnv,
    // Backups (server/modules/backup) and the shared limits store (server/modules/limits).
    BACKUP_DIR: z.string().default('./backups'),
    BACKUP_CRON: z
      .string()
      .trim()
      .regex(/^(off|(\S+\s+){4}\S+)$/, 'must be a cron expression of five fields (e.g. 30 2 * * *) or off')
      .default('30 2 * * *'),
    BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    IMPORT_MAX_MB: z.coerce.number().positive().max(2000).default(200),
    IMPORT_XLSX_MAX_MB: z.coerce.number().positive().max(500).default(30),
    HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(300).default(50),
    // Station sensors: the embedded broker's port, or an external broker to subscribe to instead.
    MQTT_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    MQTT_HOST: z.string().default('0.0.0.0'),
    MQTT_URL: z
      .string()
      .regex(/^mqtts?:\/\//, 'must start with mqtt:// or mqtts://')
      .optional(),
    MQTT_USERNAME: z.string().optional(),
    MQTT_PASSWORD: z.string().optional(),
    MQTT_SHARE_GROUP: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, _ or -')
      .default('yizhan'),
    /** off: no broker and no ingester (a process that only serves pages, or a tool). */
    MQTT: z.enum(['on', 'off']).default('on'),
    TELEMETRY_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(90),
    STATION_OFFLINE_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
  })
  .superRefine((e, check) => {
    for (const provider of [e.SMS_PROVIDER, e.EMAIL_PROVIDER])
      for (const name of PROVIDER_NEEDS[provider] ?? [])
        if (!e[name as keyof typeof e])
          check.addIssue({ code: 'custom', path: [name], message: `is required when the provider is ${provider}` });
  });

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  encryptionKey: string | undefined;
  /** Load the demo data into an empty database: on by default only for the embedded database. */
  demoData: boolean;
  /** Fastify's trustProxy: false (trust no forwarding header), a hop count, or proxy addresses. */
  trustProxy: false | number | string[];
  sessionTtlHours: number;
  cookieSecure: 'true' | 'false' | 'auto';
  loginMaxFailures: number;
  loginLockMinutes: number;
  logLevel: string;
  webDist: string;
  /** Base of links sent by SMS and e-mail (employer answer links). */
  publicUrl: string;
  /** When the dispute clocks job runs (cron in Asia/Shanghai); null: never. */
  disputeClocksCron: string | null;
  /** When the fee-refund deadline reminders go out (China time); null: off. */
  feeDeadlinesCron: string | null;
  /** How often each job queue is asked for work when idle. */
  jobsPollSeconds: number;
  /** On shutdown, how long running jobs may take to finish before they are handed back. */
  jobsStopTimeoutSeconds: number;
  /** How far V8 lets the heap grow past what a full collection kept, in percent; 0: V8's own choice. */
  heapGrowingPercent: number;
  // Backups and the shared limits store.
  /** Where the scheduled backup job writes its files. */
  backupDir: string;
  /** When the scheduled backup runs (cron, Asia/Shanghai); null: never ("off"). */
  backupCron: string | null;
  /** How many scheduled backups are kept (the oldest beyond are removed). */
  backupKeep: number;
  /** Redis for the login and SMS limits instead of PostgreSQL, when set. */
  redisUrl: string | undefined;
  /** Largest file a bulk import accepts (CSV); XLSX has its own, lower cap (its reader holds the shared strings). */
  importMaxBytes: number;
  importXlsxMaxBytes: number;
  messages: MessageSettings;
  mqtt: {
    enabled: boolean;
    port: number | null;
    host: string;
    url: string | null;
    username: string | null;
    password: string | null;
    shareGroup: string;
  };
  telemetryRetentionDays: number;
  stationOfflineMinutes: number;
}

export interface MessageSettings {
  smsProvider: 'log' | 'tencent' | 'webhook';
  emailProvider: 'log' | 'smtp';
  smtp: { url: string; from: string } | null;
  tencent: {
    secretId: string;
    secretKey: string;
    sdkAppId: string;
    signName: string;
    region: string;
    endpoint: string;
    /** Our template code → the template id approved in the Tencent console. */
    templates: Record<string, string>;
  } | null;
  webhook: { url: string; secret: string } | null;
  maxAttempts: number;
  retryBaseSeconds: number;
  sendTimeoutMs: number;
  batch: number;
  concurrency: number;
  leaseSeconds: number;
  /** A message older than this is not sent any more (failed, visible): a late notice misleads. */
  maxAgeHours: number;
  /** One-time code messages to one phone per hour. */
  codesPerHour: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration / 配置错误:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.YIZHAN_DATA_DIR),
    encryptionKey: e.YIZHAN_ENCRYPTION_KEY,
    // A fresh production database must not receive demo accounts with a published password.
    demoData: e.YIZHAN_DEMO_DATA ? e.YIZHAN_DEMO_DATA === 'true' : !e.DATABASE_URL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.WEB_DIST),
    disputeClocksCron: e.DISPUTE_CLOCKS_CRON === 'off' ? null : e.DISPUTE_CLOCKS_CRON,
    feeDeadlinesCron: e.FEE_DEADLINES_CRON === 'off' ? null : e.FEE_DEADLINES_CRON,
    jobsPollSeconds: e.JOBS_POLL_SECONDS,
    jobsStopTimeoutSeconds: e.JOBS_STOP_TIMEOUT_SECONDS,
    heapGrowingPercent: e.HEAP_GROWING_PERCENT,
    // Backups and the shared limits store.
    backupDir: path.resolve(e.BACKUP_DIR),
    backupCron: e.BACKUP_CRON === 'off' ? null : e.BACKUP_CRON,
    backupKeep: e.BACKUP_KEEP,
    redisUrl: e.REDIS_URL,
    importMaxBytes: Math.round(e.IMPORT_MAX_MB * 1024 * 1024),
    importXlsxMaxBytes: Math.round(Math.min(e.IMPORT_XLSX_MAX_MB, e.IMPORT_MAX_MB) * 1024 * 1024),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    messages: messageSettings(e),
    mqtt: {
      enabled: e.MQTT === 'on',
      /** null: the default 1883, which a broker already there only warns about (it was not asked for). */
      port: e.MQTT_PORT ?? null,
      host: e.MQTT_HOST,
      url: e.MQTT_URL ?? null,
      username: e.MQTT_USERNAME ?? null,
      password: e.MQTT_PASSWORD ?? null,
      shareGroup: e.MQTT_SHARE_GROUP,
    },
    telemetryRetentionDays: e.TELEMETRY_RETENTION_DAYS,
    stationOfflineMinutes: e.STATION_OFFLINE_MINUTES,
  };
}

function messageSettings(e: z.infer<typeof envSchema>): MessageSettings {
  const templates = Object.fromEntries(
    (e.TENCENT_SMS_TEMPLATES ?? '')
      .split(',')
      .map((pair) => pair.split('=').map((p) => p.trim()))
      .filter((pair): pair is [string, string] => pair.length === 2 && !!pair[0] && !!pair[1]),
  );
  return {
    smsProvider: e.SMS_PROVIDER,
    emailProvider: e.EMAIL_PROVIDER,
    smtp: e.SMTP_URL && e.SMTP_FROM ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
    tencent:
      e.TENCENTCLOUD_SECRET_ID && e.TENCENTCLOUD_SECRET_KEY && e.TENCENT_SMS_SDK_APP_ID && e.TENCENT_SMS_SIGN_NAME
        ? {
            secretId: e.TENCENTCLOUD_SECRET_ID,
            secretKey: e.TENCENTCLOUD_SECRET_KEY,
            sdkAppId: e.TENCENT_SMS_SDK_APP_ID,
            signName: e.TENCENT_SMS_SIGN_NAME,
            region: e.TENCENT_SMS_REGION,
            endpoint: e.TENCENT_SMS_ENDPOINT.replace(/\/$/, ''),
            templates,
          }
        : null,
    webhook:
      e.SMS_WEBHOOK_URL && e.SMS_WEBHOOK_SECRET ? { url: e.SMS_WEBHOOK_URL, secret: e.SMS_WEBHOOK_SECRET } : null,
    maxAttempts: e.MESSAGE_MAX_ATTEMPTS,
    retryBaseSeconds: e.MESSAGE_RETRY_BASE_SECONDS,
    sendTimeoutMs: e.MESSAGE_SEND_TIMEOUT_MS,
    batch: e.MESSAGE_DISPATCH_BATCH,
    concurrency: e.MESSAGE_DISPATCH_CONCURRENCY,
    leaseSeconds: e.MESSAGE_LEASE_SECONDS,
    maxAgeHours: e.MESSAGE_MAX_AGE_HOURS,
    codesPerHour: e.SMS_CODES_PER_HOUR,
  };
}

function parseTrustProxy(value: string | undefined): AppConfig['trustProxy'] {
  if (!value) return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}
