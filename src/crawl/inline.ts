import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { processArticle, type ProcessResult } from '../pipeline/process-article.ts';
import type { Source } from '../sources/schema.ts';
import { knownUrls } from '../store/articles.ts';
import { finishCrawlRun, startCrawlRun } from '../store/sources.ts';
import { crawlResult, type CrawlResult } from './crawl-result.ts';
import { dbHttpCache } from './http-cache.ts';
import { AddressPolicy } from '../net/address-policy.ts';
import { SourceCrawler, type CrawlProgress } from './source-crawler.ts';

/** Crawls a source and processes its articles in this process, without queues (`crawl --inline`). */
export async function crawlInline(
  db: Db,
  config: Pick<Config, 'userAgent' | 'allowAddresses'>,
  source: Source,
  onProgress?: (p: CrawlProgress & { processed: number }) => void,
): Promise<CrawlResult> {
  const runId = await startCrawlRun(db, source);
  const results: ProcessResult[] = [];
  const failures: string[] = [];
  const crawl = await new SourceCrawler({
    source,
    userAgent: config.userAgent,
    addresses: new AddressPolicy(config.allowAddresses),
    isKnown: (urls) => knownUrls(db, urls),
    httpCache: dbHttpCache(db),
    onArticle: async (article) => {
      try {
        results.push(await processArticle(db, article));
      } catch (err) {
        failures.push(`${article.url}: ${(err as Error).message}`);
      }
    },
    onProgress: (p) => onProgress?.({ ...p, processed: results.length }),
  }).run();
  const result = crawlResult(crawl, results, failures);
  await finishCrawlRun(db, runId, source.id, result.status, result);
  return result;
}
