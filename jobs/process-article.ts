import { UnrecoverableError, type Job } from 'bullmq';
import { PermanentPageError } from '../src/crawl/page-errors.ts';
import type { AppContext } from '../src/context.ts';
import { processArticle, type ProcessResult } from '../src/pipeline/process-article.ts';
import { ArticleJobDataSchema, type ArticleJobData } from '../src/queue/job-types.ts';

/**
 * Reads and stores one fetched article: normalise → extract → dedupe → store. An article that
 * fails for good (too costly to read) fails its job without retries, its reason in the message.
 */
export function processArticleJob(ctx: AppContext) {
  return async (job: Job<ArticleJobData, ProcessResult, 'article'>): Promise<ProcessResult> => {
    try {
      return await processArticle(ctx.db, ArticleJobDataSchema.parse(job.data));
    } catch (err) {
      if (err instanceof PermanentPageError) throw new UnrecoverableError(`${err.reason}: ${err.message}`);
      throw err;
    }
  };
}
