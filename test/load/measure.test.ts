import { describe, expect, it } from 'vitest';
import { percentile, steadiness } from './measure.ts';

describe('load statistics', () => {
  it('percentiles by nearest rank, whatever the order of the values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 0.5)).toBe(5);
    expect(percentile(values, 0.95)).toBe(10);
    expect(percentile(values, 0.1)).toBe(1);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('a series that climbs during warm-up and then holds is flat once steady', () => {
    const warmUp = [100, 400, 800, 1000];
    const steady = [1500, 1480, 1520, 1510, 1490, 1505, 1495, 1500];
    const s = steadiness([...warmUp, ...steady], 0.05);
    expect(s.flat).toBe(true);
    expect(Math.abs(s.growth)).toBeLessThan(0.02);
  });

  it('a sawtooth whose peaks fall unevenly between the thirds is flat: its floor holds', () => {
    const round = [900, 1300, 1700, 2100, 2400];
    const idle = [1100, 1100, 1100, 1100, 1100];
    // Middle third mostly idle, last third mostly crawling: their means differ by a third.
    const series = [...round, ...idle, ...idle, ...idle, ...round, ...round, ...round, ...idle];
    const s = steadiness(series.slice(0, 39), 0.15);
    expect(s.flat).toBe(true);
  });

  it('a series that keeps growing is not flat', () => {
    const leak = Array.from({ length: 30 }, (_, i) => 500 + i * 40);
    const s = steadiness(leak, 0.15);
    expect(s.flat).toBe(false);
    expect(s.last).toBeGreaterThan(s.middle);
    expect(s.growth).toBeCloseTo((s.last - s.middle) / s.middle);
  });

  it('a sawtooth whose floor rises round after round is not flat', () => {
    const series = Array.from({ length: 10 }, (_, r) => [900, 1300, 1700, 2100].map((v) => v + r * 120)).flat();
    const s = steadiness(series, 0.15);
    expect(s.flat).toBe(false);
  });

  it('refuses to judge fewer than three samples', () => {
    expect(() => steadiness([1, 2], 0.1)).toThrow(/at least 3 samples/);
  });
});
