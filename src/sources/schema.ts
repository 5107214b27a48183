import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { applyPreset, PRESET_NAMES } from '../presets/index.ts';

const selector = z.string().trim().min(1, 'expected a CSS selector');

const cron = z
  .string()
  .trim()
  .refine(
    (v) => {
      try {
        CronExpressionParser.parse(v);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'expected a cron expression such as "0 */2 * * *" (minute hour day month weekday)' },
  );

const timezone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected an IANA time zone such as "Asia/Shanghai"' },
);

const encoding = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['auto', 'utf-8', 'utf8', 'gbk', 'gb2312', 'gb18030', 'big5'].includes(v), {
    message: 'expected one of auto, utf-8, gbk, gb2312, gb18030, big5',
  });

export const ListSchema = z
  .object({
    urls: z.array(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' })).min(1, 'expected at least one list page URL'),
    item: selector,
    link: selector.default('a'),
    title: selector.optional(),
    date: selector.optional(),
    next: selector.optional(),
    nextText: z.string().trim().min(1).optional(),
    pagePattern: z
      .string()
      .regex(/\{n(?:-1)?\}/, { error: 'expected a URL containing {n}, the page number, or {n-1} where page 2 is index_1.html' })
      .optional(),
    maxPages: z.number().int().min(1).max(100).default(1),
  })
  .strict();

export const ArticleSchema = z
  .object({
    title: selector.optional(),
    date: selector.optional(),
    body: selector.optional(),
    remove: z.array(selector).default([]),
    pdf: z.boolean().default(true),
  })
  .strict();

/**
 * The most a page may weigh, decompressed: the whole body is held in memory and parsed, and
 * larger article pages are refused as too costly to read anyway.
 */
export const MAX_PAGE_BYTES = 20_000_000;

export const PolitenessSchema = z
  .object({
    perMinute: z.number().positive().max(60_000).default(30),
    concurrency: z.number().int().min(1).max(32).default(2),
    timeoutSecs: z.number().positive().max(600).default(30),
    maxBytes: z.number().int().min(1024).max(MAX_PAGE_BYTES, `expected at most ${MAX_PAGE_BYTES} bytes`).default(5_000_000),
    retries: z.number().int().min(0).max(10).default(2),
    backoffSecs: z.number().min(0).max(600).default(2),
  })
  .strict();
export type Politeness = z.output<typeof PolitenessSchema>;

const SourceObject = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes, e.g. "dalian-gxj"'),
    name: z.string().trim().min(1),
    region: z.string().trim().min(1, 'expected the city or province the site reports on, e.g. 大连市'),
    verified: z.boolean().default(false),
    preset: z.enum(PRESET_NAMES, { error: `expected one of ${PRESET_NAMES.join(', ')}` }).optional(),
    list: ListSchema,
    article: ArticleSchema.default({ remove: [], pdf: true }),
    timezone: timezone.optional(),
    politeness: PolitenessSchema.default(PolitenessSchema.parse({})),
    encoding: encoding.default('auto'),
    rendering: z.enum(['static', 'browser', 'auto']).default('static'),
    schedule: z
      .object({ cron, timezone: timezone.default('Asia/Shanghai') })
      .strict()
      .default({ cron: '0 */2 * * *', timezone: 'Asia/Shanghai' }),
    keywords: z
      .object({ include: z.array(z.string().min(1)).default([]), exclude: z.array(z.string().min(1)).default([]) })
      .strict()
      .default({ include: [], exclude: [] }),
  })
  .strict();

/** A selectors file's source; a `preset:` fills in whatever selectors the file leaves out. */
export const SourceSchema = z.preprocess(applyPreset, SourceObject);

export type Source = z.output<typeof SourceSchema>;
export type SourceInput = z.input<typeof SourceObject>;

/** The zone dates written on the source's pages are read in. */
export function sourceTimezone(source: Source): string {
  return source.timezone ?? source.schedule.timezone;
}
