import { BasicCrawler, Configuration, type BasicCrawlingContext } from '@crawlee/cheerio';
import { decodeBody } from '../fetch/decode.ts';
import type { PoliteResponse } from './polite-fetch.ts';

/** A response as the crawl's handlers see it, whichever crawler fetched it. */
export interface FetchedPage {
  /** The URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Decoded text of an HTML, XML or text page; null for a PDF. */
  html: string | null;
  /** The raw body of a PDF. */
  pdf: Uint8Array | null;
  truncated: boolean;
  rendered: boolean;
  /** For a rendered page, the text the server sent (decoded), which `html` is the browser's DOM of. */
  served?: string;
}

export function isPdf(contentType: string | undefined, body: Buffer): boolean {
  return /application\/(x-)?pdf/i.test(contentType ?? '') || body.subarray(0, 5).toString('latin1') === '%PDF-';
}

/** A fetched response read into a page: PDFs kept as bytes, everything else decoded to text. */
export function pageFromResponse(fetched: PoliteResponse, encoding: string): FetchedPage {
  const contentType = fetched.headers['content-type'];
  const pdf = fetched.status < 300 && isPdf(contentType, fetched.body);
  return {
    url: fetched.url,
    status: fetched.status,
    headers: fetched.headers,
    html: pdf ? null : decodeBody(fetched.body, { contentType, override: encoding }).text,
    pdf: pdf ? fetched.body : null,
    truncated: fetched.truncated,
    rendered: false,
  };
}

export interface StaticCrawlerOptions {
  /** Fetches one request's page (politeness, robots, conditional headers are the caller's). */
  fetch: (ctx: BasicCrawlingContext) => Promise<PoliteResponse>;
  /** How pages without a declared charset are decoded ('auto' sniffs). */
  encoding: string;
  concurrency: number;
  handle: (ctx: BasicCrawlingContext, page: FetchedPage) => Promise<void>;
  failed: (ctx: BasicCrawlingContext, error: Error) => void;
}

/**
 * The static path: a crawlee BasicCrawler (request queue, concurrency, handler timeouts) whose
 * handler fetches with `politeGet` and decodes with `decodeBody`. Crawlee's HTTP client is not
 * used: it reads the charset from the header alone, and the crawl needs its own politeness,
 * size cap and conditional requests. Pages are parsed by the handlers, once.
 */
export function staticCrawler(opts: StaticCrawlerOptions): BasicCrawler {
  return new BasicCrawler(
    {
      maxConcurrency: opts.concurrency,
      autoscaledPoolOptions: { desiredConcurrency: opts.concurrency, snapshotterOptions: { eventLoopSnapshotIntervalSecs: 5, clientSnapshotIntervalSecs: 5 } },
      // Retries and backoff live in politeGet; politeness in the host gate.
      maxRequestRetries: 0,
      requestHandlerTimeoutSecs: 24 * 3600,
      useSessionPool: false,
      statusMessageLoggingInterval: 24 * 3600,
      requestHandler: async (ctx) => opts.handle(ctx, pageFromResponse(await opts.fetch(ctx), opts.encoding)),
      failedRequestHandler: (ctx, error) => opts.failed(ctx, error),
    },
    new Configuration({ persistStorage: false, purgeOnStart: false, systemInfoIntervalMillis: 5000 }),
  );
}
