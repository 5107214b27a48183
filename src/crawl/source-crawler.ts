import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { CheerioCrawler, Configuration, log as crawleeLog, LogLevel, NonRetryableError, type CheerioCrawlingContext } from '@crawlee/cheerio';
import { rawHash } from '../dedup/content-hash.ts';
import { decodeBody } from '../fetch/decode.ts';
import { parseChineseDate } from '../parse/dates.ts';
import type { FetchedArticle } from '../pipeline/process-article.ts';
import type { Source } from '../sources/schema.ts';
import { parseArticlePage } from './article-page.ts';
import { canonicalUrl } from './canonical-url.ts';
import { listPageUrl, parseListPage, type ListItem } from './list-page.ts';

crawleeLog.setLevel(LogLevel.WARNING);

export interface CrawlSummary {
  sourceId: string;
  listPages: number;
  articlePages: number;
  /** Articles seen for the first time and handed to `onArticle`. */
  newArticles: number;
  /** Links already stored by an earlier crawl, not fetched again. */
  alreadySeen: number;
  /** Links left out by the source's keyword filters. */
  filteredOut: number;
  errors: { url: string; message: string }[];
  /** Things a person should look at, such as a list page that yields no items (a site redesign). */
  warnings: string[];
}

export interface CrawlProgress {
  listPages: number;
  articlePages: number;
  queued: number;
}

export interface SourceCrawlerOptions {
  source: Source;
  userAgent: string;
  /** Which of these canonical URLs are stored already. */
  isKnown: (urls: string[]) => Promise<Set<string>>;
  /** Receives each new article as soon as it is fetched and cut out of its page. */
  onArticle: (article: FetchedArticle) => Promise<void>;
  onProgress?: (progress: CrawlProgress) => void;
  maxConcurrency?: number;
  maxRequestsPerMinute?: number;
  requestTimeoutSecs?: number;
}

interface ListData {
  kind: 'list';
  firstUrl: string;
  page: number;
}
interface ArticleData {
  kind: 'article';
  listTitle: string;
  listDate: string | null;
}

/**
 * Crawls one source: its list pages (following pagination) and the articles on them that are
 * not stored yet. What has been seen lives in the database, so every run starts from an empty,
 * in-memory crawlee request queue.
 */
export class SourceCrawler {
  readonly #options: SourceCrawlerOptions;
  readonly #summary: CrawlSummary;

  constructor(options: SourceCrawlerOptions) {
    this.#options = options;
    this.#summary = {
      sourceId: options.source.id,
      listPages: 0,
      articlePages: 0,
      newArticles: 0,
      alreadySeen: 0,
      filteredOut: 0,
      errors: [],
      warnings: [],
    };
  }

  async run(): Promise<CrawlSummary> {
    const { source } = this.#options;
    const crawler = new DecodingCheerioCrawler(
      source.encoding,
      {
        maxConcurrency: this.#options.maxConcurrency ?? 4,
        maxRequestsPerMinute: this.#options.maxRequestsPerMinute ?? 120,
        maxRequestRetries: 2,
        navigationTimeoutSecs: this.#options.requestTimeoutSecs ?? 30,
        requestHandlerTimeoutSecs: 60,
        useSessionPool: false,
        persistCookiesPerSession: false,
        statusMessageLoggingInterval: 3600,
        preNavigationHooks: [
          (_ctx, gotOptions) => {
            gotOptions.headers = { ...gotOptions.headers, 'user-agent': this.#options.userAgent };
          },
        ],
        requestHandler: (ctx) => this.#handle(ctx),
        failedRequestHandler: ({ request }, error) => {
          this.#summary.errors.push({ url: request.url, message: describeError(error) });
        },
      },
      new Configuration({ persistStorage: false, purgeOnStart: false }),
    );
    await crawler.run(
      source.list.urls.map((url) => ({ url, uniqueKey: url, userData: { kind: 'list', firstUrl: url, page: 1 } satisfies ListData })),
    );
    await crawler.teardown();
    return this.#summary;
  }

  async #handle(ctx: CheerioCrawlingContext): Promise<void> {
    const status = ctx.response.statusCode ?? 0;
    if (status >= 400) {
      const hint = status === 412 || status === 403 ? ' (the site blocks this client or sets a cookie by script)' : '';
      throw new NonRetryableError(`HTTP ${status}${hint}`);
    }
    const data = ctx.request.userData as ListData | ArticleData;
    if (data.kind === 'list') await this.#handleList(ctx, data);
    else await this.#handleArticle(ctx, data);
    this.#options.onProgress?.({
      listPages: this.#summary.listPages,
      articlePages: this.#summary.articlePages,
      queued: this.#summary.newArticles - this.#summary.articlePages,
    });
  }

  async #handleList(ctx: CheerioCrawlingContext, data: ListData): Promise<void> {
    const { source } = this.#options;
    this.#summary.listPages++;
    const html = String(ctx.body);
    const page = parseListPage(html, ctx.request.loadedUrl ?? ctx.request.url, source.list);
    if (!page.items.length) {
      this.#summary.warnings.push(
        `list page ${ctx.request.url} yielded no items with selector "${source.list.item}": has the site changed?`,
      );
      return;
    }
    const wanted = page.items.filter((item) => this.#passesKeywords(item));
    this.#summary.filteredOut += page.items.length - wanted.length;
    const byUrl = new Map(wanted.map((item) => [canonicalUrl(item.url), item]));
    const known = await this.#options.isKnown([...byUrl.keys()]);
    this.#summary.alreadySeen += known.size;
    const fresh = [...byUrl].filter(([url]) => !known.has(url));
    this.#summary.newArticles += fresh.length;
    await ctx.addRequests(
      fresh.map(([url, item]) => ({
        url: item.url,
        uniqueKey: url,
        userData: { kind: 'article', listTitle: item.title, listDate: item.dateText } satisfies ArticleData,
      })),
    );
    // A page of nothing but stored articles means everything older is stored too.
    if (!fresh.length && known.size) return;
    const nextPage = data.page + 1;
    if (nextPage > source.list.maxPages) return;
    const next = page.next ?? listPageUrl(source.list, data.firstUrl, nextPage);
    if (next) {
      await ctx.addRequests([{ url: next, uniqueKey: next, userData: { kind: 'list', firstUrl: data.firstUrl, page: nextPage } satisfies ListData }]);
    }
  }

  async #handleArticle(ctx: CheerioCrawlingContext, data: ArticleData): Promise<void> {
    const { source } = this.#options;
    this.#summary.articlePages++;
    const html = String(ctx.body);
    const parsed = parseArticlePage(html, source.article);
    if (!parsed?.text) throw new NonRetryableError(`article body selector "${source.article.body}" matched nothing`);
    const dateText = parsed.dateText ?? data.listDate;
    const published = dateText ? parseChineseDate(dateText, { timezone: source.schedule.timezone }) : null;
    await this.#options.onArticle({
      sourceId: source.id,
      region: source.region,
      url: canonicalUrl(ctx.request.loadedUrl ?? ctx.request.url),
      title: parsed.title ?? data.listTitle,
      publishedAt: published?.toISOString() ?? null,
      text: parsed.text,
      rawHash: rawHash(html),
      fetchedAt: new Date().toISOString(),
    });
  }

  #passesKeywords(item: ListItem): boolean {
    const { include, exclude } = this.#options.source.keywords;
    if (exclude.some((k) => item.title.includes(k))) return false;
    return !include.length || include.some((k) => item.title.includes(k));
  }
}

/**
 * crawlee decodes bodies from the HTTP header alone, which garbles GBK pages that declare their
 * charset only in `<meta>`. This crawler keeps the raw bytes and decodes them itself.
 */
class DecodingCheerioCrawler extends CheerioCrawler {
  constructor(
    private readonly encoding: string,
    ...args: ConstructorParameters<typeof CheerioCrawler>
  ) {
    super(...args);
  }

  protected override _encodeResponse(_request: unknown, response: IncomingMessage, encoding: BufferEncoding) {
    return { response, encoding };
  }

  protected override async _parseHTML(response: IncomingMessage, isXml: boolean, ctx: CheerioCrawlingContext) {
    const bytes = await buffer(response);
    const { text } = decodeBody(bytes, { contentType: response.headers['content-type'], override: this.encoding });
    const decoded = Object.assign(Readable.from([Buffer.from(text)]), { headers: response.headers }) as unknown as IncomingMessage;
    return super._parseHTML(decoded, isXml, ctx);
  }
}

function describeError(error: Error): string {
  return error.message.split('\n')[0].replace(/^Request failed[^:]*: /, '');
}
