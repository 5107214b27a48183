import { Worker, type Processor } from 'bullmq';
import { log } from '../log.ts';
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
  /** Waits for running jobs to finish, then disconnects: no job is lost on shutdown. */
  close(): Promise<void>;
}

export function startWorkers(queues: Pick<Queues, 'connection' | 'prefix'>, processors: Processors, options: WorkerOptions = {}): Workers {
  const make = <N extends QueueName>(name: N, concurrency: number) => {
    const worker: TypedWorker<N> = new Worker(name, processors[name], {
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
    async close() {
      await Promise.all(Object.values(workers).map((w) => w.close()));
    },
  };
}
