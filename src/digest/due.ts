import type { JobsOptions } from 'bullmq';
import type { DigestSettings } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { TypedQueue } from '../queue/queues.ts';
import { finishedPeriods } from '../store/deliveries.ts';
import { forgetUnconfirmed, receivingSubscribers } from '../store/subscribers.ts';
import { currentSlot } from './schedule.ts';

/** One job per subscriber and period: adding it again (a restart, a second tick) adds nothing. */
export function digestJobId(subscriberId: number, periodKey: string): string {
  return `digest-${subscriberId}-${periodKey.replace(/[^A-Za-z0-9-]+/g, '_')}`;
}

/** Temporary SMTP failures are retried with doubling delays, for hours (not seconds). */
export function sendJobOptions(settings: Pick<DigestSettings, 'attempts' | 'retryDelayMs'>, jobId: string): JobsOptions {
  return { jobId, attempts: settings.attempts, backoff: { type: 'exponential', delay: settings.retryDelayMs } };
}

/**
 * The scheduler's tick: forgets addresses never confirmed, then queues a digest for every
 * subscriber whose current period (their hour, weekday and time zone) is not yet done. A period
 * that began before the address was confirmed is skipped: the first digest waits for the next.
 */
export async function enqueueDueDigests(db: Db, queue: TypedQueue<'digest'>, settings: DigestSettings, now = new Date()): Promise<{ queued: number; forgotten: number }> {
  const forgotten = await forgetUnconfirmed(db, new Date(now.getTime() - settings.unconfirmedDays * 86_400_000));
  const due = (await receivingSubscribers(db))
    .map((s) => ({ s, slot: currentSlot(s, now) }))
    .filter(({ s, slot }) => slot.at >= s.confirmed_at!);
  const done = await finishedPeriods(db, due.map(({ s, slot }) => ({ subscriberId: s.id, periodKey: slot.key })));
  const jobs = due
    .filter(({ s, slot }) => !done.has(`${s.id}|${slot.key}`))
    .map(({ s, slot }) => ({
      name: 'digest' as const,
      data: { kind: 'send' as const, subscriberId: s.id, periodKey: slot.key, periodEnd: slot.at.toISOString(), firstPeriodStart: slot.previous.toISOString() },
      opts: sendJobOptions(settings, digestJobId(s.id, slot.key)),
    }));
  for (let i = 0; i < jobs.length; i += 500) await queue.addBulk(jobs.slice(i, i + 500));
  return { queued: jobs.length, forgotten };
}
