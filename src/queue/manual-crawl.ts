import type { Job } from 'bullmq';
import type { CrawlResult } from '../crawl/crawl-result.ts';
import type { CrawlJobData } from './job-types.ts';
import type { Queues } from './queues.ts';

/** States in which a manual crawl has not finished yet: another one would only repeat it. */
const PENDING = new Set(['waiting', 'delayed', 'prioritized', 'active', 'waiting-children']);

/** One id per source: BullMQ keeps one job per id, so two requests racing still queue one crawl. */
export function manualCrawlJobId(sourceId: string): string {
  return `manual-${sourceId}`;
}

/** A manual crawl of the source is already waiting or running. */
export class CrawlPendingError extends Error {
  constructor(
    readonly sourceId: string,
    readonly jobId: string,
    readonly state: string,
  ) {
    super(`a manual crawl of "${sourceId}" is already ${state === 'active' ? 'active' : 'waiting'} (job ${jobId}); ask again once it has finished`);
    this.name = 'CrawlPendingError';
  }
}

/**
 * Queues manual crawls, at most one pending per source. The check-then-add is not atomic; in
 * this process it is serialised per source so a burst gets one job and refusals. Across
 * processes the fixed job id still keeps it to one job.
 */
export function manualCrawls(queues: Pick<Queues, 'crawl'>) {
  const tails = new Map<string, Promise<unknown>>();
  const serialised = <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => {});
    tails.set(key, tail);
    void tail.then(() => tails.get(key) === tail && tails.delete(key));
    return run;
  };
  return {
    /** Queues a crawl of the source; throws `CrawlPendingError` while one is pending. */
    queue(sourceId: string): Promise<Job<CrawlJobData, CrawlResult, 'crawl'>> {
      const jobId = manualCrawlJobId(sourceId);
      return serialised(sourceId, async () => {
        const previous = await queues.crawl.getJob(jobId);
        if (previous) {
          const state = await previous.getState();
          if (PENDING.has(state)) throw new CrawlPendingError(sourceId, jobId, state);
          // Finished: its record makes way for the new request (BullMQ would otherwise hand it back as the "new" job).
          await previous.remove();
        }
        return queues.crawl.add('crawl', { sourceId }, { jobId });
      });
    },
  };
}

/** A crawl job as the progress display follows it. */
export interface CrawlJobStatus {
  jobId: string;
  sourceId: string;
  /** BullMQ's state: waiting, active, waiting-children (articles being processed), completed, failed… */
  state: string;
  /** Pages fetched so far (from the crawl's progress reports). */
  listPages: number;
  articlePages: number;
  /** Articles handed on and how many of them are processed, once the crawl step is over. */
  articles: { processed: number; total: number } | null;
  /** The summary, once the job has completed. */
  result: CrawlResult | null;
  failedReason: string | null;
}

/** Where a crawl job is; null when the queue has no such job (never queued, or removed). */
export async function crawlJobStatus(queues: Pick<Queues, 'crawl'>, jobId: string): Promise<CrawlJobStatus | null> {
  // The state first: a job read before it completes, with its state read after, would say
  // "completed" without the summary it returned.
  const state = await queues.crawl.getJobState(jobId);
  const job = state === 'unknown' ? undefined : await queues.crawl.getJob(jobId);
  if (!job) return null;
  const progress = (typeof job.progress === 'object' && job.progress ? job.progress : {}) as { listPages?: number; articlePages?: number };
  let articles: CrawlJobStatus['articles'] = null;
  if (state === 'waiting-children' || state === 'completed' || job.data.step === 'summarise') {
    const deps = await job.getDependenciesCount();
    const processed = (deps.processed ?? 0) + (deps.failed ?? 0) + (deps.ignored ?? 0);
    articles = { processed, total: processed + (deps.unprocessed ?? 0) };
  }
  return {
    jobId,
    sourceId: job.data.sourceId,
    state,
    listPages: progress.listPages ?? job.data.crawl?.listPages ?? 0,
    articlePages: progress.articlePages ?? job.data.crawl?.articlePages ?? 0,
    articles,
    result: state === 'completed' ? (job.returnvalue ?? null) : null,
    failedReason: state === 'failed' ? (job.failedReason ?? null) : null,
  };
}
