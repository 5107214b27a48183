import { describe, expect, it } from 'vitest';
import { comparePeriods } from '../../src/web/figure-series.ts';
import { lineChart, niceTicks } from '../../src/web/pages/chart.ts';

/** Each drawn point's position and link, as the SVG places them. */
function points(svg: string) {
  return [...svg.matchAll(/<a href="([^"]*)" class="(point(?: conflict)?)" data-x="([^"]+)" data-y="([^"]+)"><title>[^<]*<\/title><circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => ({
    href: m[1],
    conflict: m[2].includes('conflict'),
    x: m[3],
    cx: Number(m[5]),
    cy: Number(m[6]),
  }));
}

describe('the SVG line chart', () => {
  const chart = lineChart({
    title: '甲市 / 乙市 · 增加值',
    categories: ['2026-01~2026-08', '2026-01~2026-09'],
    unit: '%',
    series: [
      { name: '甲市<script>', line: [{ x: '2026-01~2026-08', y: 6.9 }, { x: '2026-01~2026-09', y: 7.2 }], points: [{ x: '2026-01~2026-08', y: 6.9, href: '/a', label: 'a' }, { x: '2026-01~2026-09', y: 7.2, href: '/b', label: 'b', conflict: true }] },
      { name: '乙市', points: [{ x: '2026-01~2026-09', y: -1.5, href: '/c', label: 'c"><script>' }] },
    ],
  }).value;

  it('places later periods to the right and larger values higher, each point a link', () => {
    const [a, b, c] = points(chart);
    expect([a.href, b.href, c.href]).toEqual(['/a', '/b', '/c']);
    expect(b.cx).toBeGreaterThan(a.cx);
    // Two points of one period stand side by side, around the period's place.
    expect(c.cx).toBeGreaterThan(b.cx);
    expect(c.cx - b.cx).toBeLessThan(b.cx - a.cx);
    expect(b.cy).toBeLessThan(a.cy);
    expect(c.cy).toBeGreaterThan(a.cy);
    expect([a.conflict, b.conflict, c.conflict]).toEqual([false, true, false]);
    // The axis reaches below zero for the negative value, with a labelled zero line.
    expect(chart).toContain('>0%</text>');
    expect(chart).toMatch(/>-2%<\/text>/);
    // A line only where a series has two or more values to join.
    expect(chart.match(/<polyline/g)).toHaveLength(1);
  });

  it('escapes names and labels', () => {
    expect(chart).not.toContain('<script>');
    expect(chart).toContain('甲市&lt;script&gt;');
    expect(chart).toContain('<title>c&quot;&gt;&lt;script&gt;</title>');
  });

  it('chooses round ticks covering the values', () => {
    expect(niceTicks(0, 7.5, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(-1.5, 7.2, 5)).toEqual([-2, 0, 2, 4, 6, 8]);
    expect(niceTicks(0, 0, 5)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(0, 1234, 4)).toEqual([0, 500, 1000, 1500]);
  });

  it('orders period keys in time', () => {
    expect(['2026-10', '2025', '2026-01~2026-09', '2026-09', '2026-03'].sort(comparePeriods)).toEqual(['2025', '2026-03', '2026-01~2026-09', '2026-09', '2026-10']);
  });
});
