import { Queue, QueueEvents, type ConnectionOptions, type JobsOptions } from 'bullmq';

export const QUEUE_NAMES = { crawl: 'crawl', article: 'article', digest: 'digest' } as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** Retried with exponential backoff (5 s, 10 s, 20 s); finished jobs are kept a while for inspection. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 5000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export interface Queues {
  crawl: Queue;
  article: Queue;
  digest: Queue;
  prefix: string;
  connection: ConnectionOptions;
  events(name: QueueName): QueueEvents;
  close(): Promise<void>;
}

/** The three queues of indwatch on one Redis connection. */
export function createQueues(connection: ConnectionOptions, prefix: string): Queues {
  const opts = { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS };
  const crawl = new Queue(QUEUE_NAMES.crawl, opts);
  const article = new Queue(QUEUE_NAMES.article, opts);
  const digest = new Queue(QUEUE_NAMES.digest, opts);
  const events = new Map<QueueName, QueueEvents>();
  return {
    crawl,
    article,
    digest,
    prefix,
    connection,
    events(name) {
      let e = events.get(name);
      if (!e) {
        e = new QueueEvents(name, { connection, prefix });
        events.set(name, e);
      }
      return e;
    },
    async close() {
      await Promise.all([...events.values()].map((e) => e.close()));
      await Promise.all([crawl.close(), article.close(), digest.close()]);
    },
  };
}
