import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { CheerioCrawler, type CheerioCrawlerOptions, type CheerioCrawlingContext, type Configuration, type Request } from '@crawlee/cheerio';
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

type FetchResponse = IncomingMessage & { fetched: PoliteResponse };

export function isPdf(contentType: string | undefined, body: Buffer): boolean {
  return /application\/(x-)?pdf/i.test(contentType ?? '') || body.subarray(0, 5).toString('latin1') === '%PDF-';
}

/**
 * A CheerioCrawler that fetches with `politeGet` (robots-aware politeness, timeouts, backoff,
 * Retry-After, size cap, conditional requests) instead of got-scraping, and decodes bodies with
 * `decodeBody`: crawlee reads the charset from the HTTP header alone, which garbles GBK pages
 * that declare theirs only in `<meta>`. Handlers get `page` on the context and parse it themselves,
 * so no page is parsed twice.
 */
export class FetchingCheerioCrawler extends CheerioCrawler {
  constructor(
    private readonly fetchPage: (request: Request) => Promise<PoliteResponse>,
    private readonly encoding: string,
    options: CheerioCrawlerOptions,
    config: Configuration,
  ) {
    super(options, config);
  }

  protected override async _requestFunction({ request }: { request: Request }): Promise<FetchResponse> {
    const fetched = await this.fetchPage(request);
    return Object.assign(Readable.from([]), {
      statusCode: fetched.status,
      headers: fetched.headers,
      url: fetched.url,
      fetched,
    }) as unknown as FetchResponse;
  }

  protected override async _parseResponse(_request: Request, responseStream: IncomingMessage, _ctx: CheerioCrawlingContext) {
    const { fetched } = responseStream as FetchResponse;
    const contentType = fetched.headers['content-type'];
    const pdf = fetched.status < 300 && isPdf(contentType, fetched.body);
    const page: FetchedPage = {
      url: fetched.url,
      status: fetched.status,
      headers: fetched.headers,
      html: pdf ? null : decodeBody(fetched.body, { contentType, override: this.encoding }).text,
      pdf: pdf ? fetched.body : null,
      truncated: fetched.truncated,
      rendered: false,
    };
    return {
      body: page.html ?? fetched.body,
      page,
      response: responseStream,
      contentType: { type: pdf ? 'application/pdf' : 'text/html', encoding: 'utf-8' as BufferEncoding },
      enqueueLinks: async () => ({ processedRequests: [], unprocessedRequests: [] }),
    } as never;
  }
}

/** The page a FetchingCheerioCrawler put on the context. */
export function pageOf(ctx: CheerioCrawlingContext): FetchedPage {
  return (ctx as unknown as { page: FetchedPage }).page;
}
