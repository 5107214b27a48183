import type { Db } from '../db/connect.ts';
import { processArticle, type ProcessResult } from '../pipeline/process-article.ts';
import type { Source } from '../sources/schema.ts';
import { knownUrls } from '../store/articles.ts';
import { columnProgress, lastRunsOf, markInterruptedRuns, markListPageRead, recordColumnOutcomes, rememberedFailures, rememberFailure } from '../store/crawl-progress.ts';
import { dbHttpCache } from '../store/http-cache.ts';
import { finishCrawlRun, startCrawlRun } from '../store/sources.ts';
import { crawlResult, type CrawlResult, type SourceCrawl } from './crawl-result.ts';
import type { FetchedArticle } from './fetched-article.ts';
import { AddressPolicy } from '../net/address-policy.ts';
import { SourceCrawler, type CrawlProgress } from './source-crawler.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface CrawlSourceOptions {
  userAgent: string;
  /** Non-public addresses and CIDR blocks pages may come from (config `allowAddresses`); public ones only when absent. */
  allowAddresses?: readonly string[];
  /** Days before a page that failed for good is fetched again. */
  pageRetryDays: number;
  /** Aborting stops the crawl taking new pages; what it got so far is recorded and the rest left for the next run. */
  signal?: AbortSignal;
  onProgress?: (progress: CrawlProgress) => void;
}

/** A crawl run recorded in `crawl_runs`, its pages walked, its articles handed on but not yet summarised. */
export interface StartedCrawl {
  runId: number;
  crawl: SourceCrawl;
}

/**
 * The one crawl of a source, for the worker and for `crawl --inline` alike: marks runs a killed
 * process left `running` as interrupted, opens a run, walks the source with what earlier crawls
 * established (how deep each column was completed, pages failed for good, HTTP validators),
 * hands each new article to `onArticle`, and records how far each column got.
 */
export async function crawlSource(db: Db, source: Source, onArticle: (article: FetchedArticle) => Promise<void>, opts: CrawlSourceOptions): Promise<StartedCrawl> {
  const startedAt = new Date();
  await markInterruptedRuns(db, source.id, startedAt);
  const interruptedRuns = await interruptedSinceLastFinished(db, source.id);
  const runId = await startCrawlRun(db, source);
  const summary = await new SourceCrawler({
    source,
    userAgent: opts.userAgent,
    addresses: new AddressPolicy(opts.allowAddresses ?? []),
    isKnown: (urls) => knownUrls(db, urls),
    httpCache: dbHttpCache(db),
    progress: await columnProgress(db, source.id),
    onListPageRead: (listUrl, page) => markListPageRead(db, source.id, listUrl, page),
    rememberedFailures: async (urls) => new Set((await rememberedFailures(db, urls)).keys()),
    onPermanentFailure: (page) => rememberFailure(db, source.id, { ...page, retryAt: new Date(Date.now() + opts.pageRetryDays * DAY_MS) }),
    onArticle,
    onProgress: opts.onProgress,
    signal: opts.signal,
  }).run();
  await recordColumnOutcomes(db, source.id, summary.columns);
  return { runId, crawl: { ...summary, interruptedRuns } };
}

/** Writes the run's summary once its articles have been processed (here or by the article workers). */
export async function finishCrawl(db: Db, started: StartedCrawl, results: ProcessResult[], failures: string[]): Promise<CrawlResult> {
  const result = crawlResult(started.crawl, results, failures);
  await finishCrawlRun(db, started.runId, started.crawl.sourceId, result.status, result);
  return result;
}

/** Crawls a source and processes its articles in this process, without queues (`crawl --inline`). */
export async function crawlSourceInline(
  db: Db,
  source: Source,
  opts: CrawlSourceOptions & { onProcessed?: (progress: CrawlProgress & { processed: number }) => void },
): Promise<CrawlResult> {
  const results: ProcessResult[] = [];
  const failures: string[] = [];
  let progress: CrawlProgress = { listPages: 0, articlePages: 0, queued: 0 };
  const started = await crawlSource(
    db,
    source,
    async (article) => {
      try {
        results.push(await processArticle(db, article));
      } catch (err) {
        failures.push(`${article.url}: ${(err as Error).message}`);
      }
      opts.onProcessed?.({ ...progress, processed: results.length });
    },
    {
      ...opts,
      onProgress: (p) => {
        progress = p;
        opts.onProcessed?.({ ...p, processed: results.length });
      },
    },
  );
  return finishCrawl(db, started, results, failures);
}

async function interruptedSinceLastFinished(db: Db, sourceId: string): Promise<number> {
  const statuses = await lastRunsOf(db, sourceId, 50);
  const i = statuses.findIndex((s) => s !== 'interrupted');
  return i === -1 ? statuses.length : i;
}
