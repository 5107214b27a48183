import { DelayedError, UnrecoverableError, WaitingChildrenError, type Job } from 'bullmq';
import type { AppContext } from '../src/context.ts';
import type { CrawlResult, SourceCrawl } from '../src/crawl/crawl-result.ts';
import { crawlSource, finishCrawl } from '../src/crawl/crawl-source.ts';
import type { ProcessResult } from '../src/pipeline/process-article.ts';
import { CrawlJobDataSchema, type CrawlJobData } from '../src/queue/job-types.ts';

/**
 * Crawls a source and hands each new article to the article queue as a child job; once they
 * have all finished, the job runs again to write the crawl's summary. A crawl stopped by a
 * shutdown goes back to the queue and resumes, in whichever process takes it, from the progress
 * it recorded.
 */
export function crawlSourceJob(ctx: AppContext) {
  return async (job: Job<CrawlJobData, CrawlResult, 'crawl'>, token?: string, signal?: AbortSignal): Promise<CrawlResult> => {
    let data = CrawlJobDataSchema.parse(job.data);
    const source = ctx.sources.get(data.sourceId);
    if (!source) throw new UnrecoverableError(`unknown source "${data.sourceId}": no such file in ${ctx.config.selectorsDir}`);

    if (data.step === 'crawl') {
      const started = await crawlSource(
        ctx.db,
        source,
        async (article) => {
          // No job id derived from the URL: a finished job of an earlier crawl would keep the name and
          // refuse this parent. Storing is idempotent per URL, so a URL processed twice is harmless.
          await ctx.queues.article.add('article', article, {
            parent: { id: job.id!, queue: job.queueQualifiedName },
            ignoreDependencyOnFailure: true,
          });
        },
        {
          userAgent: ctx.config.userAgent,
          allowAddresses: ctx.config.allowAddresses,
          pageRetryDays: ctx.config.pageRetryDays,
          signal,
          onProgress: (progress) => void job.updateProgress({ step: 'crawl', ...progress }),
        },
      );
      if (started.crawl.interrupted && token) {
        await finishCrawl(ctx.db, started, [], []);
        // Back to the queue without spending an attempt: the next run walks on from the recorded progress.
        await job.moveToDelayed(Date.now(), token);
        throw new DelayedError();
      }
      data = { ...data, step: 'summarise', runId: started.runId, crawl: started.crawl };
      await job.updateData(data);
      if (token && (await job.moveToWaitingChildren(token))) throw new WaitingChildrenError();
    }

    const results = Object.values(await job.getChildrenValues<ProcessResult>());
    const failures = Object.values(await job.getIgnoredChildrenFailures());
    return finishCrawl(ctx.db, { runId: data.runId!, crawl: data.crawl as SourceCrawl }, results, failures);
  };
}
