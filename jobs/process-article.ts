import type { Job } from 'bullmq';
import type { AppContext } from '../src/context.ts';
import { processArticle, type ProcessResult } from '../src/pipeline/process-article.ts';
import { ArticleJobDataSchema, type ArticleJobData } from '../src/queue/job-types.ts';

/** Reads and stores one fetched article: normalise → extract → dedupe → store. */
export function processArticleJob(ctx: AppContext) {
  return async (job: Job<ArticleJobData, ProcessResult, 'article'>): Promise<ProcessResult> => processArticle(ctx.db, ArticleJobDataSchema.parse(job.data));
}
