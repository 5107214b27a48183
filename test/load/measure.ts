import fs from 'node:fs';

/** Resident memory of a process in MB, from /proc (Linux); 0 once it is gone. */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The value below which `p` (0–1) of the values lie, nearest rank; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);

export interface Steadiness {
  /** The floor (lowest sample) of the middle and of the last third of the samples. */
  middle: number;
  last: number;
  /** How much the last third's floor exceeds the middle one's, as a fraction of it (negative: it fell). */
  growth: number;
  flat: boolean;
}

/**
 * Whether a series stopped growing once steady: the first third is warm-up (caches, JIT, pools
 * filling), so the last third is compared with the middle third. A process's RSS under scheduled
 * crawls is a sawtooth (climbing through a round, dropping when the collector runs), whose mean
 * over a third depends on how many peaks fall in it; what a leak raises is the floor the
 * collector brings it back down to, so the thirds' lowest samples are compared. Each third must
 * span at least one round for that floor to be reached.
 */
export function steadiness(samples: readonly number[], tolerance: number): Steadiness {
  if (samples.length < 3) throw new Error(`need at least 3 samples to judge steadiness, got ${samples.length}`);
  const third = Math.floor(samples.length / 3);
  const middle = Math.min(...samples.slice(third, 2 * third));
  const last = Math.min(...samples.slice(samples.length - third));
  const growth = (last - middle) / middle;
  return { middle, last, growth, flat: growth <= tolerance };
}

/** Samples a value for each of several processes every `everyMs`, with the time of each sample. */
export class Sampler {
  readonly series: number[][];
  readonly times: number[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(pids: number[], everyMs: number) {
    this.series = pids.map(() => []);
    const take = () => {
      this.times.push(Date.now());
      pids.forEach((pid, i) => this.series[i].push(rssMb(pid)));
    };
    take();
    this.timer = setInterval(take, everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
