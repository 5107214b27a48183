import { browserCrawler } from '../crawl/browser-crawler.ts';
import { politeGet } from '../crawl/polite-fetch.ts';
import { robotsFor } from '../crawl/robots.ts';
import { isPdf } from '../crawl/static-crawler.ts';
import { decodeBody } from '../fetch/decode.ts';
import type { AddressPolicy } from '../net/address-policy.ts';
import type { DraftIo, DraftPage } from '../sources/draft.ts';
import type { Politeness } from '../sources/schema.ts';
import { UserError } from './errors.ts';

/**
 * Fetches as the crawler does (robots.txt, politeness, charset sniffing, addresses the crawler may
 * reach: public ones only when `addresses` is absent) and renders in Debian's Chromium.
 */
export function siteIo(userAgent: string, politeness: Politeness, addresses?: AddressPolicy): DraftIo {
  const allowed = async (url: string) => {
    const robots = await robotsFor(url, { userAgent, politeness, addresses });
    if (robots.problem) throw new UserError(`${new URL(url).origin}: ${robots.problem}`);
    if (!robots.isAllowed(url)) throw new UserError(`robots.txt of ${new URL(url).origin} forbids ${url}`);
    return robots;
  };
  return {
    async fetch(url: string): Promise<DraftPage> {
      const robots = await allowed(url);
      const res = await politeGet(url, { userAgent, politeness, crawlDelaySecs: robots.crawlDelaySecs, addresses });
      if (res.status >= 400) {
        const hint = res.status === 412 || res.status === 403 ? ' (the site blocks this client or sets a cookie by script)' : '';
        throw new UserError(`${url} answered HTTP ${res.status}${hint}`);
      }
      const contentType = res.headers['content-type'];
      const type = Array.isArray(contentType) ? contentType[0] : contentType;
      return { url: res.url, html: isPdf(type, res.body) ? null : decodeBody(res.body, { contentType: type }).text };
    },
    async render(url: string): Promise<string> {
      await allowed(url);
      return renderPage(url, userAgent, politeness, addresses);
    },
  };
}

/** The DOM of a page once its scripts have fetched and drawn what they draw (network idle). */
async function renderPage(url: string, userAgent: string, politeness: Politeness, addresses: AddressPolicy | undefined): Promise<string> {
  let html: string | null = null;
  let failure: Error | null = null;
  const crawler = browserCrawler({
    userAgent,
    politeness: { ...politeness, retries: 0 },
    encoding: 'auto',
    addresses,
    waitFor: () => null,
    handle: async (ctx) => {
      await ctx.page.waitForLoadState('networkidle', { timeout: politeness.timeoutSecs * 1000 }).catch(() => undefined);
      html = await ctx.page.content();
    },
    failed: (_url, error) => {
      failure = error;
    },
  });
  await crawler.run([{ url, uniqueKey: url }]);
  await crawler.teardown();
  if (html === null) throw new UserError(`${url} could not be rendered in Chromium: ${(failure as Error | null)?.message ?? 'no page'}`);
  return html;
}
