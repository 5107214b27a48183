import { Configuration, PlaywrightCrawler, type PlaywrightCrawlingContext } from '@crawlee/playwright';
import { chromium } from 'playwright';
import { loadConfig } from '../config.ts';
import { decodeBody } from '../fetch/decode.ts';
import { AddressPolicy } from '../net/address-policy.ts';
import type { Politeness } from '../sources/schema.ts';
import type { FetchedPage } from './static-crawler.ts';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Pictures, fonts and media do not change what a list or article says.
const SKIPPED_RESOURCES = new Set(['image', 'font', 'media']);

export interface BrowserCrawlerOptions {
  userAgent: string;
  politeness: Politeness;
  encoding: string;
  /** Addresses the browser's requests (navigations, redirects, scripts, XHR) may reach; public ones only when absent. */
  addresses?: AddressPolicy;
  /** The selector the rendered page must show before it is read (the list's entries). */
  waitFor: (ctx: PlaywrightCrawlingContext) => string | null;
  handle: (ctx: PlaywrightCrawlingContext, page: FetchedPage) => Promise<void>;
  failed: (url: string, error: Error) => void;
}

async function reachable(addresses: AddressPolicy, url: string): Promise<boolean> {
  if (addresses.urlRefusal(url)) return false;
  try {
    await addresses.resolve(new URL(url).hostname);
    return true;
  } catch {
    return false;
  }
}

/**
 * A PlaywrightCrawler for script-rendered pages: one Chromium for the whole run, its pages
 * reused, closed when the run ends (or after 30 idle seconds).
 */
export function browserCrawler(opts: BrowserCrawlerOptions): PlaywrightCrawler {
  const { politeness } = opts;
  const addresses = opts.addresses ?? new AddressPolicy();
  return new PlaywrightCrawler(
    {
      launchContext: {
        launcher: chromium,
        userAgent: opts.userAgent,
        launchOptions: { executablePath: loadConfig().chromiumPath, args: CHROMIUM_ARGS, headless: true },
      },
      browserPoolOptions: { useFingerprints: false, closeInactiveBrowserAfterSecs: 30, maxOpenPagesPerBrowser: politeness.concurrency * 2 },
      headless: true,
      maxConcurrency: politeness.concurrency,
      maxRequestsPerMinute: Math.max(1, Math.floor(politeness.perMinute)),
      maxRequestRetries: politeness.retries,
      navigationTimeoutSecs: politeness.timeoutSecs,
      requestHandlerTimeoutSecs: politeness.timeoutSecs + 30,
      useSessionPool: false,
      persistCookiesPerSession: false,
      statusMessageLoggingInterval: 3600,
      preNavigationHooks: [
        async ({ page }, gotoOptions) => {
          if (gotoOptions) gotoOptions.waitUntil = 'domcontentloaded';
          await page.route('**/*', async (route) => {
            const request = route.request();
            if (SKIPPED_RESOURCES.has(request.resourceType())) return route.abort();
            // Chromium resolves names itself, so a name is checked by resolving it here first.
            const allowed = await reachable(addresses, request.url());
            return allowed ? route.continue() : route.abort('addressunreachable');
          });
        },
      ],
      requestHandler: async (ctx) => {
        const { page, response } = ctx;
        const status = response?.status() ?? 0;
        const selector = opts.waitFor(ctx);
        if (selector && status < 400) {
          await page.waitForSelector(selector, { timeout: politeness.timeoutSecs * 1000 }).catch(() => undefined);
        }
        // The browser decodes what it renders; the server's own bytes, where readable, are decoded
        // the same way as the static path's so both hash the same text.
        const raw = await response?.body().catch(() => null);
        const rendered = await page.content();
        const headers = response ? await response.allHeaders() : {};
        await opts.handle(ctx, {
          url: page.url(),
          status,
          headers,
          html: rendered,
          pdf: null,
          truncated: false,
          rendered: true,
          served: raw ? decodeBody(raw, { contentType: headers['content-type'], override: opts.encoding }).text : undefined,
        });
      },
      failedRequestHandler: ({ request }, error) => opts.failed(request.url, error),
    },
    new Configuration({ persistStorage: false, purgeOnStart: false }),
  );
}
