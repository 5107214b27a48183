import { log as crawleeLog, LogLevel, NonRetryableError, type BasicCrawler, type Request, type RequestOptions } from '@crawlee/cheerio';
import { rawHash } from '../dedup/content-hash.ts';
import type { AddressPolicy } from '../net/address-policy.ts';
import { parseChineseDate } from '../parse/dates.ts';
import { sourceTimezone, type Politeness, type Source } from '../sources/schema.ts';
import type { ColumnOutcome, ColumnProgress } from '../store/crawl-progress.ts';
import type { HttpCacheStore, HttpValidators } from '../store/http-cache.ts';
import { articlePool } from '../workers/article-pool.ts';
import type { ArticleRead } from './article-page.ts';
import { browserCrawler } from './browser-crawler.ts';
import { canonicalUrl } from './canonical-url.ts';
import { conditionalHeaders } from './conditional.ts';
import type { FetchedArticle } from './fetched-article.ts';
import type { HostGate } from './host-gate.ts';
import { listPageUrl, parseListPage, type ListItem } from './list-page.ts';
import { PermanentPageError, type PermanentReason } from './page-errors.ts';
import { politeGet } from './polite-fetch.ts';
import { robotsFor, type RobotsRules } from './robots.ts';
import { staticCrawler, type FetchedPage } from './static-crawler.ts';

// Every failure is in the summary; crawlee's own log lines would only repeat them.
crawleeLog.setLevel(LogLevel.OFF);

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
  /** URLs robots.txt forbids: never fetched. */
  robotsBlocked: number;
  /** List pages the server said are unchanged since the last crawl (HTTP 304). */
  notModified: number;
  /** Pages cut off at the source's size limit. */
  oversized: number;
  /** Pages rendered in Chromium. */
  rendered: number;
  /** Links on list pages that are not articles (other columns, attachments the source does not read): never fetched. */
  notArticles: number;
  /** Pages that failed for good in this crawl: remembered, and not fetched again until their retry time. */
  skipped: SkippedPage[];
  /** Links remembered as failed for good by an earlier crawl, not fetched again yet. */
  skippedEarlier: number;
  /** How far each list column got. */
  columns: ColumnOutcome[];
  /** The crawl was stopped (shutdown) before it finished; `unstarted` pages were left for the next run. */
  interrupted: boolean;
  unstarted: number;
  errors: { url: string; message: string }[];
  /** Things a person should look at, such as a list page that yields no items (a site redesign). */
  warnings: string[];
}

export interface SkippedPage {
  url: string;
  reason: PermanentReason;
  message: string;
}

export interface CrawlProgress {
  listPages: number;
  articlePages: number;
  queued: number;
}

/** One page as `sources test` shows it. */
export type PageReport =
  | {
      kind: 'list';
      url: string;
      rendered: boolean;
      items: (ListItem & { published: Date | null })[];
      problems: string[];
    }
  | { kind: 'article'; url: string; rendered: boolean; read: ArticleRead };

export interface SourceCrawlerOptions {
  source: Source;
  userAgent: string;
  /** Which of these canonical URLs are stored already. */
  isKnown: (urls: string[]) => Promise<Set<string>>;
  /** Receives each new article as soon as it is fetched and cut out of its page. */
  onArticle: (article: FetchedArticle) => Promise<void>;
  onProgress?: (progress: CrawlProgress) => void;
  /** Receives every list and article page read, with what went wrong on it. */
  onPage?: (report: PageReport) => void;
  /** Where ETag/Last-Modified of list pages are kept between crawls; without it every fetch is unconditional. */
  httpCache?: HttpCacheStore;
  /**
   * What earlier crawls of each column (by first list URL) establish. A page of nothing but
   * known articles ends the walk only below where every earlier crawl finished; without this,
   * every column is walked to its end.
   */
  progress?: Map<string, ColumnProgress>;
  /** Told each list page read, before its articles are fetched (so a killed crawl leaves a trace). */
  onListPageRead?: (listUrl: string, page: number) => Promise<void>;
  /** Which of these canonical URLs failed for good earlier and are not due for a retry. */
  rememberedFailures?: (urls: string[]) => Promise<Set<string>>;
  /** Told each page that failed for good, to remember it. */
  onPermanentFailure?: (page: SkippedPage) => Promise<void>;
  /** Aborting stops taking new pages: pages not fetched yet are left, and the summary says `interrupted`. */
  signal?: AbortSignal;
  gate?: HostGate;
  /** Addresses pages may be fetched from (list, article, robots.txt, redirects, browser requests); public ones only when absent. */
  addresses?: AddressPolicy;
  /** Fetch at most this many articles (for trying a source out). */
  maxArticles?: number;
  maxConcurrency?: number;
  maxRequestsPerMinute?: number;
  requestTimeoutSecs?: number;
}

interface ListData {
  kind: 'list';
  firstUrl: string;
  page: number;
  /** Send the cached validators (not when resuming an unfinished crawl: the walk must see the page). */
  conditional?: boolean;
  /** This list needs the browser (rendering: browser, or auto after a static fetch found nothing). */
  browser?: boolean;
}
interface ArticleData {
  kind: 'article';
  listTitle: string;
  listDate: string | null;
  /** The column and list page that linked it. */
  firstUrl: string;
  page: number;
}
type PageData = ListData | ArticleData;
type Route = 'static' | 'browser';
/** What the crawl needs of a crawlee crawler, static or browser. */
type Crawler = Pick<BasicCrawler, 'stop' | 'teardown'> & { run(requests: RequestOptions[]): Promise<unknown> };
type AddRequests = (requests: RequestOptions[]) => Promise<unknown>;

const PDF_URL = /\.pdf(?:$|[?#])/i;
const ATTACHMENT_URL = /\.(?:docx?|xlsx?|pptx?|wps|et|dps|ofd|zip|rar|7z|gz|jpe?g|png|gif|bmp|tiff?|mp[34]|avi|flv|wmv|apk|exe)(?:$|[?#])/i;
/** Column and index pages another column's list links to: lists, not articles. */
const COLUMN_URL = /(?:\/|\/(?:index|list|default)(?:_\d+)?\.(?:s?html?|jsp|aspx?|php)|\/col\/col\d+\/(?:index\.html)?)(?:$|[?#])/i;

/** Thrown at a page the crawl no longer takes because it is stopping. */
class StoppingError extends Error {
  constructor() {
    super('the crawl is stopping');
    this.name = 'StoppingError';
  }
}

interface ColumnState {
  deepest: number;
  failedPages: Set<number>;
}

/**
 * Crawls one source: its list pages (following pagination) and the articles on them that are
 * not stored yet. Static pages go through a CheerioCrawler, script-rendered ones through a
 * PlaywrightCrawler; a request found by one that belongs to the other waits for the next round.
 * What has been seen lives in the database, so every run starts from empty in-memory queues.
 */
export class SourceCrawler {
  readonly #options: SourceCrawlerOptions;
  readonly #summary: CrawlSummary;
  readonly #politeness: Politeness;
  readonly #pending: Record<Route, RequestOptions[]> = { static: [], browser: [] };
  readonly #queued = new Set<string>();
  /** What each queued URL is, for failures reported by URL alone. */
  readonly #queuedData = new Map<string, PageData>();
  readonly #validators = new Map<string, HttpValidators>();
  readonly #robotsProblems = new Set<string>();
  readonly #columns = new Map<string, ColumnState>();
  /** Handlers still running: a stopped crawler returns without waiting for them. */
  readonly #inFlight = new Set<Promise<unknown>>();
  #running: Crawler | null = null;
  #articlesQueued = 0;
  /** Queued requests handled or failed: when the crawl stops, the others were never started. */
  #settled = 0;

  constructor(options: SourceCrawlerOptions) {
    this.#options = options;
    const p = options.source.politeness;
    this.#politeness = {
      ...p,
      concurrency: options.maxConcurrency ?? p.concurrency,
      perMinute: options.maxRequestsPerMinute ?? p.perMinute,
      timeoutSecs: options.requestTimeoutSecs ?? p.timeoutSecs,
    };
    this.#summary = {
      sourceId: options.source.id,
      listPages: 0,
      articlePages: 0,
      newArticles: 0,
      alreadySeen: 0,
      filteredOut: 0,
      robotsBlocked: 0,
      notModified: 0,
      oversized: 0,
      rendered: 0,
      notArticles: 0,
      skipped: [],
      skippedEarlier: 0,
      columns: [],
      interrupted: false,
      unstarted: 0,
      errors: [],
      warnings: [],
    };
    for (const url of options.source.list.urls) this.#columns.set(url, { deepest: 0, failedPages: new Set() });
  }

  get #stopping(): boolean {
    return this.#options.signal?.aborted ?? false;
  }

  async run(): Promise<CrawlSummary> {
    const { source, signal } = this.#options;
    const stop = () => this.#running?.stop('the crawl is stopping');
    signal?.addEventListener('abort', stop, { once: true });
    try {
      await this.#enqueue(
        null,
        null,
        source.list.urls.map((url) => ({
          url,
          uniqueKey: url,
          userData: { kind: 'list', firstUrl: url, page: 1, browser: source.rendering === 'browser', conditional: !this.#resuming(url) } satisfies ListData,
        })),
      );
      while ((this.#pending.static.length || this.#pending.browser.length) && !this.#stopping) {
        if (this.#pending.static.length) await this.#runStatic(this.#pending.static.splice(0));
        if (this.#pending.browser.length && !this.#stopping) await this.#runBrowser(this.#pending.browser.splice(0));
      }
    } finally {
      signal?.removeEventListener('abort', stop);
    }
    if (this.#stopping) {
      this.#summary.interrupted = true;
      this.#summary.unstarted = Math.max(0, this.#queued.size - this.#settled);
    }
    this.#summary.columns = [...this.#columns].map(([listUrl, c]) => ({
      listUrl,
      deepest: c.deepest,
      failedPages: [...c.failedPages].sort((a, b) => a - b),
      complete: !this.#summary.interrupted && !c.failedPages.size && c.deepest > 0 && !this.#robotsProblems.size,
    }));
    // Validators are kept only after a clean crawl: a list answered 304 next time is not read
    // again, so articles that failed this time would otherwise never be retried.
    if (this.#options.httpCache && !this.#summary.errors.length && !this.#summary.interrupted) {
      for (const [url, v] of this.#validators) await this.#options.httpCache.set(url, v);
    }
    return this.#summary;
  }

  /** The column's last crawl did not finish: walk it again down to where that one got. */
  #resuming(listUrl: string): boolean {
    const p = this.#options.progress?.get(listUrl);
    return !p || !p.completed || p.resumeTo > 0;
  }

  /** Whether a page of nothing but known articles, at `page` of the column, means everything older is known. */
  #trustsKnownPage(listUrl: string, page: number): boolean {
    const p = this.#options.progress?.get(listUrl);
    if (!this.#options.progress) return true;
    return !!p && p.completed && page > p.resumeTo;
  }

  async #runStatic(requests: RequestOptions[]): Promise<void> {
    const crawler = staticCrawler({
      fetch: ({ request }) => this.#fetch(request),
      encoding: this.#options.source.encoding,
      concurrency: this.#politeness.concurrency,
      handle: (ctx, page) => this.#handled(this.#handle(page, ctx.request, (r) => ctx.addRequests(r), 'static')),
      failed: ({ request }, error) => this.#fail(request, error),
    });
    await this.#runCrawler(crawler, requests);
  }

  async #runCrawler(crawler: Crawler, requests: RequestOptions[]): Promise<void> {
    this.#running = crawler;
    try {
      if (this.#stopping) return;
      await crawler.run(requests);
    } finally {
      this.#running = null;
      await Promise.allSettled([...this.#inFlight]);
      await crawler.teardown();
    }
  }

  #tracked<T>(work: Promise<T>): Promise<T> {
    this.#inFlight.add(work);
    return work.finally(() => this.#inFlight.delete(work));
  }

  /** A handled page; a failed one is counted by `#fail`. */
  async #handled(work: Promise<void>): Promise<void> {
    await this.#tracked(work);
    this.#settled++;
  }

  async #runBrowser(requests: RequestOptions[]): Promise<void> {
    const { source } = this.#options;
    const crawler = browserCrawler({
      userAgent: this.#options.userAgent,
      politeness: this.#politeness,
      encoding: source.encoding,
      addresses: this.#options.addresses,
      waitFor: ({ request }) => ((request.userData as PageData).kind === 'list' ? source.list.item : (source.article.body ?? null)),
      handle: async (ctx, page) => {
        this.#summary.rendered++;
        await this.#handled(this.#handle(page, ctx.request, (r) => ctx.addRequests(r), 'browser'));
      },
      failed: (url, error) => this.#fail({ url, userData: this.#queuedData.get(url) ?? {} }, error),
    });
    await this.#runCrawler(crawler, requests);
  }

  async #fetch(request: Request): Promise<Awaited<ReturnType<typeof politeGet>>> {
    if (this.#stopping) throw new StoppingError();
    const data = request.userData as PageData;
    const cached = data.kind === 'list' && data.conditional !== false && this.#options.httpCache ? await this.#options.httpCache.get(request.url) : null;
    const robots = await this.#robots(request.url);
    const res = await untilAborted(
      politeGet(request.url, {
        userAgent: this.#options.userAgent,
        politeness: this.#politeness,
        headers: conditionalHeaders(cached),
        gate: this.#options.gate,
        addresses: this.#options.addresses,
        crawlDelaySecs: robots.crawlDelaySecs,
      }),
      this.#options.signal,
    );
    if (data.kind === 'list' && res.status >= 200 && res.status < 300) {
      const etag = header(res.headers.etag);
      const lastModified = header(res.headers['last-modified']);
      if (etag || lastModified) this.#validators.set(request.url, { etag, lastModified });
    }
    return res;
  }

  async #handle(page: FetchedPage, request: Request, addRequests: AddRequests, route: Route): Promise<void> {
    if (this.#stopping) throw new StoppingError();
    const data = request.userData as PageData;
    if (page.status === 304 && data.kind === 'list') {
      this.#summary.notModified++;
      this.#reached(data);
      return;
    }
    // Past the last page of a numbered column the site answers 404: that is where the list ends.
    if (data.kind === 'list' && data.page > 1 && (page.status === 404 || page.status === 410)) return;
    if (data.kind === 'article' && (page.status === 404 || page.status === 410)) {
      throw new PermanentPageError(page.status === 404 ? 'not-found' : 'gone', `HTTP ${page.status}`);
    }
    if (page.status >= 400 || page.status === 304) {
      const hint = page.status === 412 || page.status === 403 ? ' (the site blocks this client or sets a cookie by script)' : '';
      throw new NonRetryableError(`HTTP ${page.status}${hint}`);
    }
    if (data.kind === 'article' && !page.pdf) {
      const type = notAPage(page);
      if (type) throw new PermanentPageError('not-a-page', `served ${type}, neither a web page nor a PDF`);
    }
    if (page.truncated) {
      this.#summary.oversized++;
      this.#summary.warnings.push(`${request.url} is larger than ${this.#politeness.maxBytes} bytes: only the first ${this.#politeness.maxBytes} were read`);
    }
    if (data.kind === 'list') await this.#handleList(page, request, data, addRequests, route);
    else await this.#handleArticle(page, request, data);
    this.#options.onProgress?.({
      listPages: this.#summary.listPages,
      articlePages: this.#summary.articlePages,
      queued: this.#summary.newArticles - this.#summary.articlePages,
    });
  }

  async #handleList(page: FetchedPage, request: Request, data: ListData, addRequests: AddRequests, route: Route): Promise<void> {
    const { source } = this.#options;
    const timezone = sourceTimezone(source);
    const parsed = parseListPage(page.html ?? '', page.url, source.list, timezone);
    if (!parsed.items.length && source.rendering === 'auto' && route === 'static') {
      // The entries may be drawn by script: try the page again in the browser.
      this.#pending.browser.push({ url: request.url, uniqueKey: `${request.uniqueKey}#browser`, userData: { ...data, browser: true } satisfies ListData });
      return;
    }
    this.#summary.listPages++;
    this.#reached(data);
    await this.#options.onListPageRead?.(data.firstUrl, data.page);
    const items = parsed.items.map((item) => ({ ...item, published: item.dateText ? parseChineseDate(item.dateText, { timezone }) : null }));
    const problems = listProblems(parsed.matched, items, source.list);
    this.#options.onPage?.({ kind: 'list', url: page.url, rendered: page.rendered, items, problems });
    if (!parsed.items.length) {
      this.#summary.warnings.push(`list page ${request.url}: ${problems[0]}: has the site changed?`);
      return;
    }
    const articles = parsed.items.filter((item) => !this.#notAnArticle(item.url));
    this.#summary.notArticles += parsed.items.length - articles.length;
    const wanted = articles.filter((item) => this.#passesKeywords(item));
    this.#summary.filteredOut += articles.length - wanted.length;
    const byUrl = new Map(wanted.map((item) => [canonicalUrl(item.url), item]));
    const known = await this.#options.isKnown([...byUrl.keys()]);
    this.#summary.alreadySeen += known.size;
    const failedEarlier = (await this.#options.rememberedFailures?.([...byUrl.keys()].filter((url) => !known.has(url)))) ?? new Set<string>();
    this.#summary.skippedEarlier += failedEarlier.size;
    let fresh = [...byUrl].filter(([url]) => !known.has(url) && !failedEarlier.has(url) && !this.#queued.has(url));
    if (this.#options.maxArticles !== undefined) fresh = fresh.slice(0, Math.max(0, this.#options.maxArticles - this.#articlesQueued));
    const added = await this.#enqueue(
      route,
      addRequests,
      fresh.map(([url, item]) => ({
        url: item.url,
        uniqueKey: url,
        userData: { kind: 'article', listTitle: item.title, listDate: item.dateText, firstUrl: data.firstUrl, page: data.page } satisfies ArticleData,
      })),
    );
    this.#articlesQueued += added;
    this.#summary.newArticles += added;
    // A page of nothing but stored articles means everything older is stored too, if every
    // earlier crawl that walked this deep finished: an unfinished one may have left a gap below.
    if (!fresh.length && known.size && this.#trustsKnownPage(data.firstUrl, data.page)) return;
    const nextPage = data.page + 1;
    if (nextPage > source.list.maxPages) return;
    const next = parsed.next ?? listPageUrl(source.list, data.firstUrl, nextPage);
    if (next) await this.#enqueue(route, addRequests, [{ url: next, uniqueKey: next, userData: { ...data, page: nextPage } satisfies ListData }]);
  }

  #reached(data: ListData): void {
    const column = this.#columns.get(data.firstUrl);
    if (column) column.deepest = Math.max(column.deepest, data.page);
  }

  /** Links the source does not read as articles: attachments it does not want, other columns' lists. */
  #notAnArticle(url: string): boolean {
    if (PDF_URL.test(url)) return !this.#options.source.article.pdf;
    if (ATTACHMENT_URL.test(url)) return true;
    const { pathname } = new URL(url);
    return COLUMN_URL.test(pathname) && !this.#options.source.list.urls.includes(url);
  }

  async #handleArticle(page: FetchedPage, request: Request, data: ArticleData): Promise<void> {
    const { source } = this.#options;
    this.#summary.articlePages++;
    const hint = { title: data.listTitle, dateText: data.listDate };
    const read = page.pdf ? await articlePool().readPdf(page.pdf, page.url, source, hint) : await articlePool().readHtml(page.html ?? '', page.url, source, hint);
    this.#options.onPage?.({ kind: 'article', url: page.url, rendered: page.rendered, read });
    if (!read.text) throw new NonRetryableError(read.problems[0] ?? 'no article text');
    if (this.#stopping) throw new StoppingError();
    await this.#options.onArticle({
      sourceId: source.id,
      region: source.region,
      url: canonicalUrl(request.loadedUrl ?? request.url),
      title: read.title,
      publishedAt: read.publishedAt?.toISOString() ?? null,
      text: read.text,
      rawHash: rawHash(page.served ?? page.html ?? Buffer.from(page.pdf!).toString('base64')),
      fetchedAt: new Date().toISOString(),
    });
  }

  /**
   * Queues requests not queued before and allowed by robots.txt: those for the running crawler
   * (`route`) at once, the others for the next round. Returns how many were queued.
   */
  async #enqueue(route: Route | null, addRequests: AddRequests | null, requests: RequestOptions[]): Promise<number> {
    const now: RequestOptions[] = [];
    let count = 0;
    for (const request of requests) {
      const key = request.uniqueKey ?? request.url;
      if (this.#queued.has(key)) continue;
      const robots = await this.#robots(request.url);
      if (!robots.isAllowed(request.url)) {
        if (!robots.problem) this.#summary.robotsBlocked++;
        continue;
      }
      this.#queued.add(key);
      this.#queuedData.set(request.url, request.userData as PageData);
      count++;
      const target = this.#route(request.url, request.userData as PageData);
      if (target === route && addRequests) now.push(request);
      else this.#pending[target].push(request);
    }
    if (now.length) await addRequests!(now);
    return count;
  }

  #route(url: string, data: PageData): Route {
    if (data.kind === 'list') return data.browser ? 'browser' : 'static';
    return this.#options.source.rendering === 'browser' && !PDF_URL.test(url) ? 'browser' : 'static';
  }

  async #robots(url: string): Promise<RobotsRules> {
    const rules = await robotsFor(url, { userAgent: this.#options.userAgent, politeness: this.#politeness, addresses: this.#options.addresses });
    const origin = new URL(url).origin;
    if (rules.problem && !this.#robotsProblems.has(origin)) {
      this.#robotsProblems.add(origin);
      // An unreachable site is an error of the crawl, not a page robots.txt forbids.
      this.#summary.errors.push({ url: origin, message: `${rules.problem}; nothing is fetched from it until it can be read` });
    }
    return rules;
  }

  #fail(request: Pick<Request, 'url' | 'userData'>, error: Error): void {
    const data = request.userData as PageData | Record<string, never>;
    if (!(error instanceof StoppingError)) this.#settled++;
    // Pages cut short by the stop are left for the next run, which resumes the column.
    if (error instanceof StoppingError || (this.#stopping && !(error instanceof PermanentPageError))) return;
    if (error instanceof PermanentPageError && data.kind === 'article') {
      const skipped: SkippedPage = { url: canonicalUrl(request.url), reason: error.reason, message: describeError(error) };
      this.#summary.skipped.push(skipped);
      this.#tracked(Promise.resolve(this.#options.onPermanentFailure?.(skipped))).catch((err: Error) =>
        this.#summary.errors.push({ url: request.url, message: `could not remember the failure: ${err.message}` }),
      );
      return;
    }
    if (data.kind) this.#columns.get(data.firstUrl)?.failedPages.add(data.page);
    this.#summary.errors.push({ url: request.url, message: describeError(error) });
  }

  #passesKeywords(item: ListItem): boolean {
    const { include, exclude } = this.#options.source.keywords;
    if (exclude.some((k) => item.title.includes(k))) return false;
    return !include.length || include.some((k) => item.title.includes(k));
  }
}

/**
 * What a fetched article is when it is neither a web page nor a PDF (an archive, a spreadsheet,
 * a binary download behind a news link), or null. The declared type decides; without one, bytes
 * that no text holds (NUL) do.
 */
function notAPage(page: FetchedPage): string | null {
  const declared = header(page.headers['content-type'])?.split(';')[0].trim().toLowerCase();
  if (declared) return /^(text\/|application\/(xhtml\+)?xml$|application\/xhtml)/.test(declared) ? null : declared;
  return page.html?.slice(0, 4096).includes('\u0000') ? 'binary data' : null;
}

/** What is wrong with a list page's selectors, worst first. */
function listProblems(matched: number, items: (ListItem & { published: Date | null })[], list: Source['list']): string[] {
  if (!matched) return [`list.item "${list.item}" matched nothing`];
  if (!items.length) return [`list.link "${list.link}" found no link in the ${matched} entries list.item matched`];
  const problems: string[] = [];
  const undated = items.filter((i) => !i.dateText).length;
  if (undated) problems.push(list.date ? `list.date "${list.date}" matched nothing in ${undated} of ${items.length} entries` : `no date found in ${undated} of ${items.length} entries`);
  const unparsed = items.filter((i) => i.dateText && !i.published);
  if (unparsed.length) problems.push(`${unparsed.length} of ${items.length} list dates unparsed, e.g. "${unparsed[0].dateText}"`);
  const untitled = items.filter((i) => !i.title).length;
  if (untitled) problems.push(`${untitled} of ${items.length} entries have no title`);
  return problems;
}

/** The promise's value, or a StoppingError as soon as the signal aborts (the request itself finishes unobserved). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new StoppingError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new StoppingError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function header(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function describeError(error: Error): string {
  return error.message.split('\n')[0].replace(/^Request failed[^:]*: /, '');
}
