import { Queue, QueueEvents, type ConnectionOptions, type DefaultJobOptions } from 'bullmq';
import { log } from '../log.ts';
import type { JobTypes, QueueName } from './job-types.ts';

export type { QueueName } from './job-types.ts';
export const QUEUE_NAMES: { [N in QueueName]: N } = { crawl: 'crawl', article: 'article', digest: 'digest' };

/** A queue typed by what it carries. */
export type TypedQueue<N extends QueueName> = Queue<JobTypes[N]['data'], JobTypes[N]['result'], JobTypes[N]['name']>;

/** Retried with exponential backoff (5 s, 10 s, 20 s); finished jobs are kept a while for inspection. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 5000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export interface Queues {
  crawl: TypedQueue<'crawl'>;
  article: TypedQueue<'article'>;
  digest: TypedQueue<'digest'>;
  prefix: string;
  connection: ConnectionOptions;
  events(name: QueueName): QueueEvents;
  close(): Promise<void>;
}

/** The three queues of indwatch on one Redis connection. */
export function createQueues(connection: ConnectionOptions, prefix: string): Queues {
  const opts = { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS };
  const crawl: TypedQueue<'crawl'> = new Queue(QUEUE_NAMES.crawl, opts);
  const article: TypedQueue<'article'> = new Queue(QUEUE_NAMES.article, opts);
  const digest: TypedQueue<'digest'> = new Queue(QUEUE_NAMES.digest, opts);
  // Without a listener BullMQ prints each connection error as a raw stack trace on stderr.
  for (const queue of [crawl, article, digest]) queue.on('error', (err) => log.error({ queue: queue.name, err }, 'queue error'));
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
        e.on('error', (err) => log.error({ queue: name, err }, 'queue events error'));
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
