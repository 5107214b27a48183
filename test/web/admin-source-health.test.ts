import { describe, expect, it } from 'vitest';
import { sourceWarnings, type RunOutcome } from '../../src/crawl/source-health.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-12-02T12:00:00Z');

/** A finished run `daysAgo` days before NOW that found `found` new articles. */
const run = (daysAgo: number, found: number, extra: Record<string, unknown> = {}): RunOutcome => ({
  startedAt: new Date(NOW.getTime() - daysAgo * DAY),
  status: 'ok',
  summary: { listPages: 1, newArticles: found, alreadySeen: 10, warnings: [], errors: [], ...extra },
});

describe('warnings on the sources page', () => {
  it('says nothing of a source that finds something as often as usual', () => {
    expect(sourceWarnings([run(0.2, 0), run(1, 2), run(2, 0), run(3, 1), run(5, 1)], NOW)).toEqual([]);
  });

  it('warns when a source has found nothing for longer than usual', () => {
    // Finds every 2 days until 10 days ago, then crawls that find nothing.
    const runs = [run(0.5, 0), run(4, 0), run(8, 0), run(10, 3), run(12, 1), run(14, 2), run(16, 1)];
    expect(sourceWarnings(runs, NOW)).toEqual([{ kind: 'quiet', days: 10, usualDays: 2 }]);
  });

  it('does not call a weekly source quiet after five days', () => {
    expect(sourceWarnings([run(1, 0), run(5, 1), run(12, 1), run(19, 1)], NOW)).toEqual([]);
  });

  it('warns when the list selectors stopped matching', () => {
    const redesigned = run(0.1, 0, { alreadySeen: 0, warnings: ['list page http://x/list.html: list.item "ul.news li" matches nothing: has the site changed?'] });
    expect(sourceWarnings([redesigned, run(1, 2)], NOW)).toEqual([{ kind: 'selectors', message: 'list page http://x/list.html: list.item "ul.news li" matches nothing: has the site changed?' }]);
    const empty = run(0.1, 0, { alreadySeen: 0 });
    expect(sourceWarnings([empty, run(1, 2)], NOW).map((w) => w.kind)).toEqual(['selectors']);
  });

  it('warns of a source that never found anything, and of crawls failing in a row', () => {
    expect(sourceWarnings([run(1, 0), run(2, 0), run(3, 0)], NOW)).toEqual([{ kind: 'never', crawls: 3 }]);
    const failed = (d: number): RunOutcome => ({ ...run(d, 0, { listPages: 0, alreadySeen: 0 }), status: 'error' });
    expect(sourceWarnings([failed(0.1), failed(0.2), run(1, 3), run(2, 1)], NOW).map((w) => w.kind)).toEqual(['failing']);
  });
});
