import { Worker, type Processor } from 'bullmq';
import { log } from '../log.ts';
import { waitOutOutages } from './outage.ts';
import type { JobTypes, QueueName } from './job-types.ts';
import type { Queues } from './queues.ts';

/** The function that runs each queue's jobs (the `jobs/` folder provides them). */
export type Processors = { [N in QueueName]: Processor<JobTypes[N]['data'], JobTypes[N]['result'], JobTypes[N]['name']> };

export interface WorkerOptions {
  /** Sources crawled at once by this process; politeness per site is the crawler's business. */
  crawlConcurrency?: number;
  articleConcurrency?: number;
}

export type TypedWorker<N extends QueueName> = Worker<JobTypes[N]['data'], JobTypes[N]['result'], JobTypes[N]['name']>;

export interface Workers {
  workers: { [N in QueueName]: TypedWorker<N> };
  /**
   * Stops taking jobs. Running crawls stop taking pages and go back to the queue with their
   * progress recorded; other running jobs get `graceMs` to finish (unbounded when omitted).
   * Returns whether everything finished in time: a job still running after the grace period
   * keeps its lock until it expires, then the stalled-job check hands it to another worker.
   */
  close(graceMs?: number): Promise<boolean>;
}

export function startWorkers(queues: Pick<Queues, 'connection' | 'prefix'>, processors: Processors, options: WorkerOptions = {}): Workers {
  const make = <N extends QueueName>(name: N, concurrency: number) => {
    const worker: TypedWorker<N> = new Worker(name, waitOutOutages(processors[name]), {
      connection: queues.connection,
      prefix: queues.prefix,
      concurrency,
      name: `indwatch-${process.pid}`,
    });
    worker.on('failed', (job, err) => log.warn({ queue: name, jobId: job?.id, attempt: job?.attemptsMade, err }, 'job failed'));
    worker.on('error', (err) => log.error({ queue: name, err }, 'worker error'));
    return worker;
  };
  const workers = { crawl: make('crawl', options.crawlConcurrency ?? 2), article: make('article', options.articleConcurrency ?? 4), digest: make('digest', 1) };
  return {
    workers,
    async close(graceMs) {
      workers.crawl.cancelAllJobs('shutting down');
      const closed = Promise.all(Object.values(workers).map((w) => w.close())).then(() => true);
      if (graceMs === undefined) return closed;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
      try {
        return await Promise.race([closed, late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
