import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { parseAllowList } from './net/address-policy.ts';

const Env = z.object({
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('indwatch <indwatch@localhost>'),
  INDWATCH_DATA_DIR: z.string().default('data'),
  INDWATCH_SELECTORS_DIR: z.string().default('selectors'),
  INDWATCH_QUEUE_PREFIX: z.string().optional(),
  INDWATCH_CONTACT_URL: z.string().default('https://github.com/indwatch/indwatch'),
  INDWATCH_TIMEZONE: z.string().default('Asia/Shanghai'),
  INDWATCH_DIGEST_CRON: z.string().default('0 * * * *'),
  // Subscriptions and digests (issue 10).
  INDWATCH_DIGEST_SECRET: z.string().min(16).optional(),
  INDWATCH_DIGEST_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  INDWATCH_DIGEST_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  INDWATCH_DIGEST_RETRY_MS: z.coerce.number().int().min(1).default(60_000),
  INDWATCH_DIGEST_EMPTY_NOTE: z.enum(['true', 'false', '1', '0']).default('false'),
  INDWATCH_UNCONFIRMED_DAYS: z.coerce.number().min(0).default(3),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  INDWATCH_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  INDWATCH_PAGE_RETRY_DAYS: z.coerce.number().positive().default(7),
  INDWATCH_ALLOW_ADDRESSES: z
    .string()
    .default('')
    .transform((v, ctx) => {
      try {
        return parseAllowList(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `INDWATCH_ALLOW_ADDRESSES: ${(err as Error).message}` });
        return z.NEVER;
      }
    }),
  // Web security (issue 8): who may change state, which Host names are ours, how fast a client may go.
  INDWATCH_OPERATOR_TOKEN: z.union([z.literal(''), z.string().min(16, 'INDWATCH_OPERATOR_TOKEN: at least 16 characters')]).optional(),
  INDWATCH_PUBLIC_URL: z.literal('').or(z.url({ protocol: /^https?$/, error: 'INDWATCH_PUBLIC_URL: expected an http(s) URL' })).optional(),
  INDWATCH_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  // The operator's login to the web pages (issue 13).
  INDWATCH_OPERATOR_PASSWORD: z.union([z.literal(''), z.string().min(8, 'INDWATCH_OPERATOR_PASSWORD: at least 8 characters')]).optional(),
  INDWATCH_LOGIN_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  INDWATCH_SESSION_HOURS: z.coerce.number().positive().default(12),
  // Ownership of the data: queue prefix, embedded-database lock, process-wide settings.
  INDWATCH_DB_WAIT: z.coerce.number().min(0).default(30),
  INDWATCH_CHROMIUM: z.string().default('/usr/bin/chromium'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  /** PostgreSQL server URL; when absent the embedded PGlite database under dataDir/db is used. */
  databaseUrl?: string;
  redisUrl: string;
  /** SMTP server URL; when absent mail goes to dataDir/outbox as .eml files. */
  smtpUrl?: string;
  mailFrom: string;
  dataDir: string;
  selectorsDir: string;
  /**
   * Prefix of every Redis key of the queues. Two installations on one Redis must differ here, or
   * their workers take each other's jobs; the default is derived from `installationId`.
   */
  queuePrefix: string;
  /** Names this installation (its database): tags the schedules it installs, so it removes only its own. */
  installationId: string;
  /** Seconds a command waits for the embedded database while another command holds it. */
  dbWaitSecs: number;
  /** The Chromium the browser crawler launches (Debian's; none is ever downloaded). */
  chromiumPath: string;
  /** pino level of the process's logs. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  userAgent: string;
  timezone: string;
  /** How often subscribers' digest schedules are checked (each subscriber has its own hour). */
  digestCron: string;
  /** Where links in mails point (confirm, preferences, unsubscribe): INDWATCH_PUBLIC_URL, default http://127.0.0.1:PORT. */
  linkBaseUrl: string;
  digest: DigestSettings;
  http: { host: string; port: number };
  /** How long a stopping process waits for running jobs before handing them back to the queue. */
  shutdownGraceMs: number;
  /** Days before a page that failed for good (404, oversized, not a page) is fetched again. */
  pageRetryDays: number;
  /**
   * Non-public addresses and CIDR blocks the crawler may fetch from (INDWATCH_ALLOW_ADDRESSES,
   * comma-separated, e.g. "127.0.0.1,10.1.0.0/16"); empty: public addresses only.
   */
  allowAddresses: string[];
  /** Bearer token for state-changing routes and subscriber previews; generated into dataDir/secrets when unset. */
  operatorToken?: string;
  /** The address users reach the service at (behind a proxy); its host is accepted in `Host:` besides the bound one. */
  publicUrl?: string;
  /** Requests a minute one client address may make to the HTTP API. */
  rateLimitPerMinute: number;
  /** The operator's password for the web login; when unset, the operator token is the password. */
  operatorPassword?: string;
  /** Login attempts a minute one client address may make. */
  loginPerMinute: number;
  /** Hours an operator's login session lasts. */
  sessionHours: number;
}

export interface DigestSettings {
  /** Secret that signs confirmation, preferences and unsubscribe links; generated into dataDir/secrets when unset. */
  secret?: string;
  /** Digests sent per minute at most, across every worker (BullMQ's rate limiter). */
  perMinute: number;
  /** Attempts of one digest while the SMTP server fails temporarily. */
  attempts: number;
  /** First retry delay; each next one doubles (60 s and 12 attempts: retried for about 68 hours). */
  retryDelayMs: number;
  /** Send a short "no new reports" note when a period has nothing new (default: send nothing). */
  emptyNote: boolean;
  /** Days after which an address never confirmed is forgotten. */
  unconfirmedDays: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const e = Env.parse(env);
  const dataDir = path.resolve(e.INDWATCH_DATA_DIR);
  const databaseUrl = e.DATABASE_URL || undefined;
  const installationId = deriveInstallationId(databaseUrl, dataDir);
  return {
    databaseUrl,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    dataDir,
    selectorsDir: path.resolve(e.INDWATCH_SELECTORS_DIR),
    queuePrefix: e.INDWATCH_QUEUE_PREFIX || `indwatch-${installationId}`,
    installationId,
    dbWaitSecs: e.INDWATCH_DB_WAIT,
    chromiumPath: e.INDWATCH_CHROMIUM,
    logLevel: e.LOG_LEVEL,
    userAgent: `indwatch/0.1 (+${e.INDWATCH_CONTACT_URL})`,
    timezone: e.INDWATCH_TIMEZONE,
    digestCron: e.INDWATCH_DIGEST_CRON,
    http: { host: e.HOST, port: e.PORT },
    allowAddresses: e.INDWATCH_ALLOW_ADDRESSES,
    linkBaseUrl: (e.INDWATCH_PUBLIC_URL || `http://127.0.0.1:${e.PORT}`).replace(/\/+$/, ''),
    digest: {
      secret: e.INDWATCH_DIGEST_SECRET,
      perMinute: e.INDWATCH_DIGEST_PER_MINUTE,
      attempts: e.INDWATCH_DIGEST_ATTEMPTS,
      retryDelayMs: e.INDWATCH_DIGEST_RETRY_MS,
      emptyNote: e.INDWATCH_DIGEST_EMPTY_NOTE === 'true' || e.INDWATCH_DIGEST_EMPTY_NOTE === '1',
      unconfirmedDays: e.INDWATCH_UNCONFIRMED_DAYS,
    },
    shutdownGraceMs: e.INDWATCH_SHUTDOWN_GRACE_MS,
    pageRetryDays: e.INDWATCH_PAGE_RETRY_DAYS,
    operatorToken: e.INDWATCH_OPERATOR_TOKEN || undefined,
    publicUrl: e.INDWATCH_PUBLIC_URL || undefined,
    rateLimitPerMinute: e.INDWATCH_RATE_LIMIT,
    operatorPassword: e.INDWATCH_OPERATOR_PASSWORD || undefined,
    loginPerMinute: e.INDWATCH_LOGIN_PER_MINUTE,
    sessionHours: e.INDWATCH_SESSION_HOURS,
    ...overrides,
  };
}

/**
 * Eight hex digits naming where the data lives: the PostgreSQL server and database (never its
 * password), else the resolved data folder. Processes sharing the data share the id.
 */
function deriveInstallationId(databaseUrl: string | undefined, dataDir: string): string {
  let where = `pglite:${dataDir}`;
  if (databaseUrl) {
    try {
      const u = new URL(databaseUrl);
      where = `postgresql://${u.username}@${u.hostname}:${u.port || 5432}${u.pathname}`;
    } catch {
      where = databaseUrl;
    }
  }
  return createHash('sha256').update(where).digest('hex').slice(0, 8);
}
