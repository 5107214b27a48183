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
  INDWATCH_QUEUE_PREFIX: z.string().default('indwatch'),
  INDWATCH_CONTACT_URL: z.string().default('https://github.com/indwatch/indwatch'),
  INDWATCH_TIMEZONE: z.string().default('Asia/Shanghai'),
  INDWATCH_DIGEST_CRON: z.string().default('0 8 * * *'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
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
  queuePrefix: string;
  userAgent: string;
  timezone: string;
  digestCron: string;
  http: { host: string; port: number };
  /**
   * Non-public addresses and CIDR blocks the crawler may fetch from (INDWATCH_ALLOW_ADDRESSES,
   * comma-separated, e.g. "127.0.0.1,10.1.0.0/16"); empty: public addresses only.
   */
  allowAddresses: string[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const e = Env.parse(env);
  const dataDir = path.resolve(e.INDWATCH_DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL || undefined,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    dataDir,
    selectorsDir: path.resolve(e.INDWATCH_SELECTORS_DIR),
    queuePrefix: e.INDWATCH_QUEUE_PREFIX,
    userAgent: `indwatch/0.1 (+${e.INDWATCH_CONTACT_URL})`,
    timezone: e.INDWATCH_TIMEZONE,
    digestCron: e.INDWATCH_DIGEST_CRON,
    http: { host: e.HOST, port: e.PORT },
    allowAddresses: e.INDWATCH_ALLOW_ADDRESSES,
    ...overrides,
  };
}
