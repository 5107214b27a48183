import type { AppContext } from '../src/context.ts';
import type { Processors } from '../src/queue/workers.ts';
import { crawlSourceJob } from './crawl-source.ts';
import { processArticleJob } from './process-article.ts';
import { sendDigestJob } from './send-digest.ts';

/** Every queue's processor, wired to one process's context: what `startWorkers` runs. */
export function processors(ctx: AppContext): Processors {
  return { crawl: crawlSourceJob(ctx), article: processArticleJob(ctx), digest: sendDigestJob(ctx) };
}
