import type { Job } from 'bullmq';
import type { AppContext } from '../src/context.ts';
import { FetchedArticleSchema, processArticle, type ProcessResult } from '../src/pipeline/process-article.ts';

/** Reads and stores one fetched article: normalise → extract → dedupe → store. */
export function processArticleJob(ctx: AppContext) {
  return async (job: Job): Promise<ProcessResult> => processArticle(ctx.db, FetchedArticleSchema.parse(job.data));
}
