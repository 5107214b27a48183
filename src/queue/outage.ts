import { DelayedError, type Job, type Processor } from 'bullmq';
import { log } from '../log.ts';

/** Node's codes for a server that cannot be reached or dropped the connection. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** PostgreSQL's SQLSTATE classes for a server going away: 08 connection exception, 57P0x shutdown. */
const UNREACHABLE_SQLSTATE = /^(08|57P0[1-3])/;
const TERMINATED = /Connection terminated|connection timeout|Client has encountered a connection error/i;

/**
 * Whether `err` (or anything in its `cause` chain) says the database could not be reached, as
 * opposed to the job's own input or code failing: such a job is not at fault and is not charged
 * an attempt.
 */
export function isDatabaseOutage(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 8) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (UNREACHABLE_CODES.has(e.code) || UNREACHABLE_SQLSTATE.test(e.code))) return true;
  if (typeof e.message === 'string' && TERMINATED.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseOutage(x, depth + 1))) return true;
  return isDatabaseOutage(e.cause, depth + 1);
}

export interface OutageOptions {
  /** First wait; it doubles at each failed try up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** How long after its creation a job may still wait for the database; later, a failure counts as an attempt. */
  giveUpAfterMs: number;
}

export const DEFAULT_OUTAGE: OutageOptions = { firstDelayMs: 2_000, maxDelayMs: 30_000, giveUpAfterMs: 60 * 60_000 };

/**
 * Runs `processor`; when it fails because the database is unreachable, the job goes back to
 * the delayed set for a later try instead of using up one of its attempts, so an outage of
 * minutes does not fail every job that ran into it (BullMQ's attempts are for the job's own
 * failures). After `giveUpAfterMs` the failure counts as usual.
 */
export function waitOutOutages<D, R, N extends string>(processor: Processor<D, R, N>, options: OutageOptions = DEFAULT_OUTAGE): Processor<D, R, N> {
  return async (job: Job<D, R, N>, token?: string, signal?: AbortSignal) => {
    try {
      return await processor(job, token, signal);
    } catch (err) {
      const waits = Math.max(0, job.attemptsStarted - job.attemptsMade - 1);
      const waited = Date.now() - job.timestamp;
      if (!token || !isDatabaseOutage(err) || waited > options.giveUpAfterMs) throw err;
      const delay = Math.min(options.maxDelayMs, options.firstDelayMs * 2 ** Math.min(waits, 20));
      log.warn({ queue: job.queueName, jobId: job.id, retryInMs: delay, err }, 'database unreachable: job waits for it without using an attempt');
      await job.moveToDelayed(Date.now() + delay, token);
      throw new DelayedError();
    }
  };
}
