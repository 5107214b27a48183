import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSourcesDir } from '../../src/sources/load.ts';
import { crawlCollect } from '../fixtures/crawl-helpers.ts';
import { startSite } from '../fixtures/http-site.ts';
import { STARTER_FIXTURES, STARTER_TEXT, STARTER_TITLE } from '../fixtures/starter-sites.ts';

const { sources, errors } = await loadSourcesDir(path.resolve(import.meta.dirname, '../../selectors'));

describe('starter sources in selectors/', () => {
  it('all load, are unverified, crawl politely and have a fixture page', () => {
    expect(errors).toEqual([]);
    expect(sources.length).toBeGreaterThanOrEqual(9);
    expect(new Set(sources.map((s) => s.region)).size).toBeGreaterThanOrEqual(9);
    for (const s of sources) {
      expect(s.verified, s.id).toBe(false);
      expect(STARTER_FIXTURES[s.id], `no fixture for ${s.id}`).toBeDefined();
      expect(s.politeness.perMinute, s.id).toBeLessThanOrEqual(30);
    }
    // Staggered: no two sources crawl at the same minute.
    const minutes = sources.map((s) => s.schedule.cron.split(' ')[0]);
    expect(new Set(minutes).size).toBe(minutes.length);
  });

  it.each(sources.map((s) => [s.id, s] as const))('%s reads a fixture page shaped like its site', async (_id, source) => {
    const fixture = STARTER_FIXTURES[source.id];
    const site = await startSite({ '/robots.txt': { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' }, ...fixture.pages });
    try {
      const local = {
        ...source,
        list: { ...source.list, urls: source.list.urls.map((u) => { const url = new URL(u); return `${site.url}${url.pathname}${url.search}`; }) },
        politeness: { ...source.politeness, perMinute: 6000 },
      };
      const { summary, articles } = await crawlCollect(local);
      expect(summary.errors).toEqual([]);
      expect(articles).toHaveLength(1);
      expect(new URL(articles[0].url).pathname).toBe(fixture.articlePath);
      expect(articles[0].title).toBe(STARTER_TITLE);
      expect(articles[0].text).toBe(STARTER_TEXT.join('\n'));
      expect(articles[0].publishedAt?.slice(0, 10)).toMatch(/^2026-03-1[01]$/);
    } finally {
      await site.close();
    }
  });
});
