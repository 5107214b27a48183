import type { Job } from 'bullmq';
import type { AppContext } from '../src/context.ts';
import { sendDigests, type DigestOutcome } from '../src/digest/send.ts';
import { DigestJobDataSchema, type DigestJobData } from '../src/queue/job-types.ts';

/** Mails every subscriber (or one) the reports fetched since their last digest. */
export function sendDigestJob(ctx: AppContext) {
  return async (job: Job<DigestJobData, DigestOutcome[], 'digest'>): Promise<DigestOutcome[]> => {
    const { email } = DigestJobDataSchema.parse(job.data ?? {});
    const outcomes = await sendDigests(ctx.db, ctx.mailer, { email, timezone: ctx.config.timezone });
    const failed = outcomes.filter((o) => o.status === 'failed');
    // Failed sends are recorded per subscriber; failing the job retries them with backoff.
    if (failed.length) throw new Error(`digest not delivered to ${failed.map((f) => `${f.email} (${f.error})`).join('; ')}`);
    return outcomes;
  };
}
