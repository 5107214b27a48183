import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceCrawler } from '../../src/crawl/source-crawler.ts';
import { AddressPolicy } from '../../src/net/address-policy.ts';
import type { ColumnProgress } from '../../src/store/crawl-progress.ts';
import { fixtureSource, UA } from '../fixtures/crawl-helpers.ts';
import type { FixtureSite } from '../fixtures/http-site.ts';
import { ARTICLES, LIST_PAGES, listPath, PER_PAGE, startPagedSite } from './paged-site.ts';

let site: FixtureSite;
beforeAll(async () => {
  site = await startPagedSite();
});
afterAll(() => site.close());

/** Articles n..m of the column by number (the column lists them newest, i.e. highest, first). */
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `${site.url}/art/${from + k}.html`);

async function crawl(known: Set<string>, progress?: ColumnProgress) {
  const source = fixtureSource({
    id: 'resume',
    list: { urls: [`${site.url}${listPath(1)}`], item: 'ul.list li', date: 'span.date', pagePattern: 'index_{n}.html', maxPages: 20 },
    article: { title: 'h1', date: '.info', body: '#zoom' },
  });
  const fetched: string[] = [];
  const summary = await new SourceCrawler({
    source,
    userAgent: UA,
    addresses: new AddressPolicy(['127.0.0.1']),
    isKnown: async (urls) => new Set(urls.filter((u) => known.has(u))),
    onArticle: async (a) => void fetched.push(a.url),
    progress: new Map(progress ? [[source.list.urls[0], progress]] : []),
  }).run();
  return { summary, fetched: fetched.sort() };
}

describe('where a crawl may stop at a page of known articles', { timeout: 120_000 }, () => {
  // Stored: list page 1 (by an interrupted crawl) and pages 4 on (by an older, completed one); pages 2 and 3 are the gap.
  const gap = () => range(ARTICLES - 3 * PER_PAGE + 1, ARTICLES - PER_PAGE).sort();
  const stored = () => new Set([...range(ARTICLES - PER_PAGE + 1, ARTICLES), ...range(1, ARTICLES - 3 * PER_PAGE)]);

  it('walks past known pages down to where the interrupted crawl got, fills the gap, then trusts the next known page', async () => {
    const { summary, fetched } = await crawl(stored(), { completed: true, frontier: LIST_PAGES, resumeTo: 2, failedPages: [] });
    expect(fetched).toEqual(gap());
    expect(summary.listPages).toBe(4);
    expect(summary.columns).toEqual([{ listUrl: `${site.url}${listPath(1)}`, deepest: 4, failedPages: [], complete: true }]);
  });

  it('walks the whole column when no crawl of it ever completed', async () => {
    const { summary, fetched } = await crawl(stored(), { completed: false, frontier: 0, resumeTo: 1, failedPages: [] });
    expect(fetched).toEqual(gap());
    expect(summary.listPages).toBe(LIST_PAGES);
  });

  it('stops at the first known page after a completed crawl', async () => {
    const { summary, fetched } = await crawl(stored(), { completed: true, frontier: LIST_PAGES, resumeTo: 0, failedPages: [] });
    expect(fetched).toEqual([]);
    expect(summary.listPages).toBe(1);
  });
});
