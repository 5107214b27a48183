import { Job, type Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';

export interface JobProgress {
  state: string;
  progress: unknown;
  /** Child jobs (articles of a crawl) finished and still to run. */
  children?: { processed: number; unprocessed: number };
}

/**
 * Follows a job until it completes or fails, reporting progress as it goes. Polling keeps this
 * independent of which process runs the job and of events missed while connecting.
 */
export async function waitForJob<T>(queue: Queue, jobId: string, onProgress: (p: JobProgress) => void, intervalMs = 250): Promise<T> {
  for (;;) {
    const job = await Job.fromId(queue, jobId);
    if (!job) throw new Error(`job ${jobId} is gone from queue "${queue.name}" (removed while waiting?)`);
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') {
      // The job may have finished between reading it and asking its state: read it again for its outcome.
      const done = (await Job.fromId(queue, jobId))!;
      if (state === 'completed') return done.returnvalue as T;
      throw new Error(`job failed after ${done.attemptsMade} attempt(s): ${done.failedReason}`);
    }
    const children = state === 'waiting-children' ? await job.getDependenciesCount({ processed: true, unprocessed: true }) : undefined;
    onProgress({
      state,
      progress: job.progress,
      children: children && { processed: children.processed ?? 0, unprocessed: children.unprocessed ?? 0 },
    });
    await sleep(intervalMs);
  }
}
