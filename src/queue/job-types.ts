import { z } from 'zod';
import type { CrawlResult } from '../crawl/crawl-result.ts';
import type { CrawlSummary } from '../crawl/source-crawler.ts';
import type { DigestOutcome } from '../digest/send.ts';
import { FetchedArticleSchema, type ProcessResult } from '../pipeline/process-article.ts';

/**
 * What each queue carries: producers and consumers share these, and consumers parse with them,
 * since a job's data comes back from Redis as untyped JSON.
 */
export const CrawlJobDataSchema = z.object({
  sourceId: z.string(),
  /** `crawl` fetches; `summarise` runs once the article jobs it spawned have finished. */
  step: z.enum(['crawl', 'summarise']).default('crawl'),
  runId: z.number().optional(),
  crawl: z.custom<CrawlSummary>().optional(),
});
export type CrawlJobData = z.input<typeof CrawlJobDataSchema>;

export const ArticleJobDataSchema = FetchedArticleSchema;
export type ArticleJobData = z.input<typeof ArticleJobDataSchema>;

/**
 * `send`: one subscriber's digest of one period (queued by the tick, id from both); `tick`: the
 * scheduler's check for due digests; `now` (or no kind): the operator's send-now, to all or one.
 */
export const DigestJobDataSchema = z.union([
  z.object({
    kind: z.literal('send'),
    subscriberId: z.number().int(),
    periodKey: z.string(),
    periodEnd: z.iso.datetime(),
    firstPeriodStart: z.iso.datetime(),
  }),
  z.object({ kind: z.literal('tick') }),
  z.object({ kind: z.literal('now').default('now'), email: z.string().email().optional() }),
]);
export type DigestJobData = z.input<typeof DigestJobDataSchema>;

/** Data, result and job name of every queue, by queue name. */
export interface JobTypes {
  crawl: { data: CrawlJobData; result: CrawlResult; name: 'crawl' };
  article: { data: ArticleJobData; result: ProcessResult; name: 'article' };
  digest: { data: DigestJobData; result: DigestOutcome[]; name: 'digest' };
}
export type QueueName = keyof JobTypes;
