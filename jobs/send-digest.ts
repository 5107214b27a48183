import { UnrecoverableError, type Job } from 'bullmq';
import type { AppContext } from '../src/context.ts';
import { DigestCache, deliverDigest, type DeliveryDeps, type DeliveryStep } from '../src/digest/deliver.ts';
import { enqueueDueDigests } from '../src/digest/due.ts';
import { digestSecret } from '../src/digest/links.ts';
import { SmtpSendError } from '../src/digest/mailer.ts';
import { sendDigestsNow, type DigestOutcome } from '../src/digest/send.ts';
import { log } from '../src/log.ts';
import { DigestJobDataSchema, type DigestJobData } from '../src/queue/job-types.ts';

export interface SendDigestJobOptions {
  /** Told after each step of a delivery (tests stop a worker there). */
  onStep?: (step: DeliveryStep) => void | Promise<void>;
}

/** Runs the digest queue: the scheduler's tick, one subscriber's digest of one period, or send-now. */
export function sendDigestJob(ctx: AppContext, options: SendDigestJobOptions = {}) {
  const cache = new DigestCache();
  let deps: Promise<DeliveryDeps> | undefined;
  const getDeps = () =>
    (deps ??= digestSecret(ctx.config).then((secret) => ({
      db: ctx.db,
      mailer: ctx.mailer,
      secret,
      publicUrl: ctx.config.linkBaseUrl,
      mailFrom: ctx.config.mailFrom,
      emptyNote: ctx.config.digest.emptyNote,
      cache,
    })));

  return async (job: Job<DigestJobData, DigestOutcome[], 'digest'>): Promise<DigestOutcome[]> => {
    const data = DigestJobDataSchema.parse(job.data ?? {});
    if (data.kind === 'tick') {
      const r = await enqueueDueDigests(ctx.db, ctx.queues.digest, ctx.config.digest);
      log.info({ queued: r.queued, forgotten: r.forgotten }, 'digest tick');
      return [];
    }
    if (data.kind === 'now') return sendDigestsNow(await getDeps(), { email: data.email, claimant: `job-${job.id}` });
    try {
      const outcome = await deliverDigest(await getDeps(), {
        subscriberId: data.subscriberId,
        periodKey: data.periodKey,
        periodEnd: new Date(data.periodEnd),
        firstPeriodStart: new Date(data.firstPeriodStart),
        claimant: `job-${job.id}`,
        onStep: options.onStep,
      });
      return [outcome];
    } catch (err) {
      // A 5xx will not change by retrying: recorded by deliverDigest, and the job stops here.
      if (err instanceof SmtpSendError && err.permanent) throw new UnrecoverableError(err.message);
      throw err;
    }
  };
}
