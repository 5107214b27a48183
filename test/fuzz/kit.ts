import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Runs per fuzz property: a few hundred inside `npm test`, many more under `npm run fuzz`. */
    fuzzRuns: number;
    /** Largest input of the linear-time properties, in characters (or bytes). */
    fuzzMaxSize: number;
  }
}

/** Runs per property: the short version unless vitest.fuzz.config.ts provides more. */
export function fuzzRuns(): number {
  return inject('fuzzRuns') ?? 150;
}

export function fuzzMaxSize(): number {
  return inject('fuzzMaxSize') ?? 64 * 1024;
}

/** Inputs tried by the properties of one file, printed as one summary line when the file ends. */
export class Tally {
  private counts = new Map<string, number>();
  constructor(private readonly suite: string) {}

  /** Wraps a predicate so that every input it sees is counted under `name`. */
  count<A extends unknown[], R>(name: string, f: (...args: A) => R): (...args: A) => R {
    return (...args: A) => {
      this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
      return f(...args);
    };
  }

  add(name: string, n: number): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + n);
  }

  print(): void {
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    const parts = [...this.counts].map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`fuzz summary: ${this.suite}: ${total} inputs tried (${parts})`);
  }
}

/** CPU milliseconds of one call, so that time another process holds the core does not count. */
function cpuMs(f: () => void): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/**
 * CPU time per character of `run(input)`: calls repeated until 40 ms have been spent, so that a
 * small input is timed over enough work to be above the clock's grain; least of three batches.
 */
function perChar(run: () => void, size: number): number {
  let best = Infinity;
  for (let batch = 0; batch < 3; batch++) {
    let spent = 0;
    let calls = 0;
    while (spent < 40 || calls === 0) {
      spent += cpuMs(run);
      calls++;
    }
    best = Math.min(best, spent / calls / size);
  }
  return best;
}

export interface LinearResult {
  /** Time per character of the largest input over that of the smallest. */
  ratio: number;
  smallUsPerChar: number;
  largeUsPerChar: number;
}

/**
 * How much more each character costs at the largest size than at the smallest. A cost linear
 * in the input gives about 1; one that grows with the square of it gives about max/min (256).
 * Measured twice when the first ratio is above `bound`, since a busy machine can slow a batch.
 */
export function linearity(
  make: (size: number) => string | Buffer,
  run: (input: string | Buffer) => void,
  bound: number,
  sizes: { min: number; max: number } = { min: 1024, max: fuzzMaxSize() },
): LinearResult {
  const small = make(sizes.min);
  const large = make(sizes.max);
  const safe = (input: string | Buffer) => () => {
    try {
      run(input);
    } catch {
      // Typed refusals (a page too deep, a file that is not YAML) are answers too: their cost counts.
    }
  };
  let result: LinearResult = { ratio: Infinity, smallUsPerChar: 0, largeUsPerChar: 0 };
  for (let attempt = 0; attempt < 2 && !(result.ratio < bound); attempt++) {
    safe(small)(); // warm the JIT and the regex compiler
    const s = perChar(safe(small), small.length);
    const l = perChar(safe(large), large.length);
    result = { ratio: l / s, smallUsPerChar: s * 1000, largeUsPerChar: l * 1000 };
  }
  return result;
}

/** A string of about `size` characters made by repeating `unit`. */
export function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}
