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

// Configuration is parsed once at start-up; a bad value stops the process with a message
// naming the variable, instead of failing later in some request.
const envSchema = z.object({
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
    .never({ error: 'replaced by DISPUTE_CLOCKS_CRON (e.g. "*/15 * * * *", or "off") / 已由 DISPUTE_CLOCKS_CRON 取代' })
    .optional(),
  DISPUTE_CLOCKS_CRON: z
    .string()
    .trim()
    .refine((v) => v === 'off' || CRON.test(v), {
      error: 'must be a cron expression of five fields (minute hour day month weekday), e.g. "*/15 * * * *", or "off"',
    })
    .default('*/15 * * * *'),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.1).max(60).default(2),
  JOBS_STOP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
  PUBLIC_URL: z.string().url('must be a URL such as https://yizhan.example.org').optional(),
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
  /** How often each job queue is asked for work when idle. */
  jobsPollSeconds: number;
  /** On shutdown, how long running jobs may take to finish before they are handed back. */
  jobsStopTimeoutSeconds: number;
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
    jobsPollSeconds: e.JOBS_POLL_SECONDS,
    jobsStopTimeoutSeconds: e.JOBS_STOP_TIMEOUT_SECONDS,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
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
