import { describe, expect, it } from 'vitest';
import { linearity, repeatTo } from './kit.ts';

// The linear-cost properties are only worth something if the measure tells square from line.
describe('the linear-cost measure', () => {
  it('passes a cost linear in the input', () => {
    // One pass without allocation: garbage collection would make the measure noisier than the code.
    const linear = (s: string) => {
      let n = 0;
      for (let i = 0; i < s.length; i++) n += s.charCodeAt(i);
      return n;
    };
    const r = linearity((n) => repeatTo('ab', n), (s) => void linear(s as string), 8, { min: 1024, max: 64 * 1024 });
    expect(r.ratio).toBeLessThan(8);
  });

  it('fails a cost that grows with the square of the input', () => {
    // Compares every character with every later one, as a naive duplicate check does.
    const quadratic = (s: string) => {
      let n = 0;
      for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) n += s.charCodeAt(i) === s.charCodeAt(j) ? 1 : 0;
      return n;
    };
    const r = linearity((n) => repeatTo('ab', n), (s) => void quadratic(s as string), 8, { min: 512, max: 8 * 1024 });
    expect(r.ratio).toBeGreaterThan(8);
  });
});
