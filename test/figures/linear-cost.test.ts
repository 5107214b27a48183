import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/figures/extract.ts';

// Pages that are one endless sentence: a run of changes, of distinct figures, a list.
const SHAPES: Record<string, (i: number) => string> = {
  'a run of 增长1.2%、': () => '增长1.2%、',
  'distinct figures': (i) => `工业增加值增长${i % 997}.${i % 10}%,`,
  'a 分别 list': (i) => `${i % 89}.5%、`,
  'unclosed brackets': (i) => `《增长${i % 50}%“`,
};

function page(shape: (i: number) => string, n: number): string {
  let t = '全市规上工业增加值分别增长';
  for (let i = 0; i < n; i++) t += shape(i);
  return t;
}

/** Least CPU time of three runs, so that another process holding the core does not count. */
function cpuMs(text: string): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const c0 = process.cpuUsage();
    extractFigures(text);
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best;
}

describe('extraction cost', () => {
  // Six times the text may cost about six times the work (twice that allows for a busy
  // machine); the cost that grew with the square of the length (6.9 s for 10,000 repeats)
  // made it about eighteen.
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(`grows in proportion to the text on ${name}`, () => {
      const smallPage = page(shape, 4000);
      const largePage = page(shape, 24000);
      // Warm the regex compiler and the JIT first: the first rounds run several times slower.
      cpuMs(smallPage);
      const small = cpuMs(smallPage);
      const large = cpuMs(largePage);
      expect(large / Math.max(small, 1)).toBeLessThan(12);
    });
  }
});
