import { UnrecoverableError, WaitingChildrenError, type Job } from 'bullmq';
import type { AppContext } from '../src/context.ts';
import { crawlResult, type CrawlResult } from '../src/crawl/crawl-result.ts';
import { dbHttpCache } from '../src/crawl/http-cache.ts';
import { SourceCrawler } from '../src/crawl/source-crawler.ts';
import { AddressPolicy } from '../src/net/address-policy.ts';
import type { ProcessResult } from '../src/pipeline/process-article.ts';
import { CrawlJobDataSchema, type CrawlJobData } from '../src/queue/job-types.ts';
import { knownUrls } from '../src/store/articles.ts';
import { finishCrawlRun, startCrawlRun } from '../src/store/sources.ts';

/**
 * Crawls a source and hands each new article to the article queue as a child job; once they
 * have all finished, the job runs again to write the crawl's summary.
 */
export function crawlSourceJob(ctx: AppContext) {
  return async (job: Job<CrawlJobData, CrawlResult, 'crawl'>, token?: string): Promise<CrawlResult> => {
    let data = CrawlJobDataSchema.parse(job.data);
    const source = ctx.sources.get(data.sourceId);
    if (!source) throw new UnrecoverableError(`unknown source "${data.sourceId}": no such file in ${ctx.config.selectorsDir}`);

    if (data.step === 'crawl') {
      const runId = await startCrawlRun(ctx.db, source);
      const crawl = await new SourceCrawler({
        source,
        userAgent: ctx.config.userAgent,
        addresses: new AddressPolicy(ctx.config.allowAddresses),
        isKnown: (urls) => knownUrls(ctx.db, urls),
        httpCache: dbHttpCache(ctx.db),
        onArticle: async (article) => {
          // No job id derived from the URL: a finished job of an earlier crawl would keep the name and
          // refuse this parent. Storing is idempotent per URL, so a URL processed twice is harmless.
          await ctx.queues.article.add('article', article, {
            parent: { id: job.id!, queue: job.queueQualifiedName },
            ignoreDependencyOnFailure: true,
          });
        },
        onProgress: (progress) => void job.updateProgress({ step: 'crawl', ...progress }),
      }).run();
      data = { ...data, step: 'summarise', runId, crawl };
      await job.updateData(data);
      if (token && (await job.moveToWaitingChildren(token))) throw new WaitingChildrenError();
    }

    const results = Object.values(await job.getChildrenValues<ProcessResult>());
    const failures = Object.values(await job.getIgnoredChildrenFailures());
    const result = crawlResult(data.crawl!, results, failures);
    await finishCrawlRun(ctx.db, data.runId!, source.id, result.status, result);
    return result;
  };
}
