import { z } from 'zod';

/** How big one run of the full-size load suite is (test/load/full-size.load.ts). */
export const LoadSizeSchema = z
  .object({
    /** Sources, each on a fixture site of its own that grows between scheduled crawls. */
    sources: z.number().int().min(1).max(2000),
    /** Articles (each its own story) stored before the services start. */
    articles: z.number().int().min(0),
    /** Confirmed daily subscribers, each mailed one digest in the digest phase. */
    subscribers: z.number().int().min(1),
    /** `indwatch start --no-web` processes sharing Redis and PostgreSQL. */
    processes: z.number().int().min(1).max(8),
    /** Seconds between scheduled crawls of a source: a divisor of 60 below a minute, whole minutes above. */
    intervalSecs: z.number().int().min(5).max(3600),
    /** Scheduled crawls of every source before the digest is triggered. */
    rounds: z.number().int().min(1),
    /** Seconds between two new articles on a fixture site. */
    growSecs: z.number().int().min(1),
    /**
     * Checks that each process's memory stops growing: the floor (lowest sample) of the last
     * third of the samples may exceed the middle third's by at most this fraction. Null on runs too short to reach a
     * steady state, whose figures are printed but not judged.
     */
    memoryTolerance: z.number().min(0).nullable(),
  })
  .strict();

export type LoadSize = z.infer<typeof LoadSizeSchema>;

/** Inside `npm test`: small enough for half a minute of schedules, big enough to cross every path. */
export const SHORT: LoadSize = { sources: 10, articles: 1_000, subscribers: 100, processes: 2, intervalSecs: 10, rounds: 3, growSecs: 15, memoryTolerance: null };

/** Issue 14's size: 500 sources, 200,000 stored articles, 10,000 subscribers. */
export const FULL: LoadSize = { sources: 500, articles: 200_000, subscribers: 10_000, processes: 2, intervalSecs: 120, rounds: 7, growSecs: 200, memoryTolerance: 0.15 };

/**
 * The size `npm run test:load` runs: SHORT, FULL with LOAD_FULL=1, and either one changed by the
 * fields of a LOAD_SIZE JSON object (`LOAD_SIZE='{"sources":100}'`).
 */
export function sizeFromEnv(env: NodeJS.ProcessEnv): LoadSize {
  const base = env.LOAD_FULL === '1' ? FULL : SHORT;
  if (!env.LOAD_SIZE) return base;
  let overrides: unknown;
  try {
    overrides = JSON.parse(env.LOAD_SIZE);
  } catch (cause) {
    throw new Error(`LOAD_SIZE is not JSON: ${env.LOAD_SIZE}`, { cause });
  }
  return LoadSizeSchema.parse({ ...base, ...(overrides as object) });
}

/** The sources' cron: with seconds below a minute (BullMQ and cron-parser take six fields). */
export function cronEvery(intervalSecs: number): string {
  if (intervalSecs < 60) {
    if (60 % intervalSecs) throw new Error(`an interval under a minute must divide 60, not ${intervalSecs}`);
    return `*/${intervalSecs} * * * * *`;
  }
  if (intervalSecs % 60) throw new Error(`an interval over a minute must be whole minutes, not ${intervalSecs} s`);
  return `0 */${intervalSecs / 60} * * * *`;
}
