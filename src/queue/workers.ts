import { Worker, type Processor } from 'bullmq';
import { crawlSourceJob } from '../../jobs/crawl-source.ts';
import { processArticleJob } from '../../jobs/process-article.ts';
import { sendDigestJob } from '../../jobs/send-digest.ts';
import type { AppContext } from '../context.ts';
import { log } from '../log.ts';
import { QUEUE_NAMES, type QueueName } from './queues.ts';

export interface WorkerOptions {
  /** Sources crawled at once by this process; politeness per site is the crawler's business. */
  crawlConcurrency?: number;
  articleConcurrency?: number;
}

export interface Workers {
  workers: Worker[];
  /** Waits for running jobs to finish, then disconnects: no job is lost on shutdown. */
  close(): Promise<void>;
}

export function startWorkers(ctx: AppContext, options: WorkerOptions = {}): Workers {
  const make = (name: QueueName, processor: Processor, concurrency: number) => {
    const worker = new Worker(name, processor, {
      connection: ctx.queues.connection,
      prefix: ctx.queues.prefix,
      concurrency,
      name: `indwatch-${process.pid}`,
    });
    worker.on('failed', (job, err) => log.warn({ queue: name, jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'job failed'));
    worker.on('error', (err) => log.error({ queue: name, err: err.message }, 'worker error'));
    return worker;
  };
  const workers = [
    make(QUEUE_NAMES.crawl, crawlSourceJob(ctx), options.crawlConcurrency ?? 2),
    make(QUEUE_NAMES.article, processArticleJob(ctx), options.articleConcurrency ?? 4),
    make(QUEUE_NAMES.digest, sendDigestJob(ctx), 1),
  ];
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
