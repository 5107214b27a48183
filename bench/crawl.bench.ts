/**
 * Crawl throughput: `node --import tsx bench/crawl.bench.ts [--json]`.
 * Against a local site of 500 articles (served from a child process), in one run: the whole
 * pipeline (fetch, decode, normalise, extract, dedupe, store into in-memory PGlite), a bare
 * crawlee CheerioCrawler fetching and parsing the same pages, and a plain HTTP client with the
 * same concurrency (each path warmed by one untimed crawl first); then 50 script-rendered pages
 * through Chromium.
 * `--pipeline` runs only the baselines and the pipeline rows (PGlite and PostgreSQL side by side).
 */
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { CheerioCrawler, Configuration } from '@crawlee/cheerio';
import pg from 'pg';
import { crawlSourceInline } from '../src/crawl/crawl-source.ts';
import { SourceCrawler } from '../src/crawl/source-crawler.ts';
import { openDb, type Db } from '../src/db/connect.ts';
import { SourceSchema } from '../src/sources/schema.ts';
import { AddressPolicy } from '../src/net/address-policy.ts';
import { ARTICLES, PER_PAGE } from '../test/fixtures/bench-site.ts';

const CONCURRENCY = 8;
const json = process.argv.includes('--json');
const pipelineOnly = process.argv.includes('--pipeline');
const root = path.resolve(import.meta.dirname, '..');

const site = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/fixtures/bench-site.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve) => site.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
const listPages = Math.ceil(ARTICLES / PER_PAGE);
const urls = [
  ...Array.from({ length: listPages }, (_, n) => `${base}/list/${n === 0 ? 'index' : `index_${n + 1}`}.html`),
  ...Array.from({ length: ARTICLES }, (_, i) => `${base}/art/${i + 1}.html`),
];

interface Figure {
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  cpuMsPerPage: number;
  peakRssMb?: number;
}

async function measure(pages: () => Promise<number>): Promise<Figure> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const n = await pages();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { pages: n, seconds: round(seconds), pagesPerSecond: round(n / seconds), cpuMsPerPage: round((used.user + used.system) / 1000 / n) };
}

const round = (x: number) => Math.round(x * 100) / 100;

const source = (id: string, prefix: string, rendering: 'static' | 'browser', maxPages: number) =>
  SourceSchema.parse({
    id,
    name: id,
    region: '示例市',
    rendering,
    list: { urls: [`${base}/${prefix}/index.html`], item: 'ul.list li', date: 'span.date', pagePattern: 'index_{n}.html', maxPages },
    article: { title: 'h1', date: '.info', body: '#zoom' },
    politeness: { perMinute: 60_000, concurrency: CONCURRENCY },
  });

// One untimed crawl through each path first: a service crawls with its code compiled by the JIT
// and PostgreSQL's wasm compiled, and a first crawl in a fresh process would measure the compilers.
async function bareCrawl(): Promise<number> {
  let n = 0;
  const crawler = new CheerioCrawler(
    { maxConcurrency: CONCURRENCY, requestHandler: async ({ $ }) => void ($('title').text() && n++) },
    new Configuration({ persistStorage: false }),
  );
  await crawler.run(urls);
  await crawler.teardown();
  return n;
}
await bareCrawl();
await pipelineOn(await openDb({}));

const plain = await measure(async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const queue = [...urls];
  const get = (url: string) =>
    new Promise<void>((resolve, reject) => {
      http.get(url, { agent }, (res) => {
        res.on('data', () => undefined).on('end', resolve).on('error', reject);
      }).on('error', reject);
    });
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let url = queue.shift(); url; url = queue.shift()) await get(url);
  }));
  agent.destroy();
  return urls.length;
});

const bare = await measure(bareCrawl);

const crawlOnly = pipelineOnly ? null : await measure(async () => {
  const r = await new SourceCrawler({
    source: source('bench-crawl-only', 'list', 'static', listPages),
    userAgent: 'indwatch-bench/1',
    addresses: new AddressPolicy(['127.0.0.1']),
    isKnown: async () => new Set(),
    onArticle: async () => {},
  }).run();
  return r.listPages + r.articlePages;
});

async function pipelineOn(db: Db): Promise<Figure> {
  try {
    return await measure(async () => {
      const r = await crawlSourceInline(db, source('bench-static', 'list', 'static', listPages), { userAgent: 'indwatch-bench/1', pageRetryDays: 7, allowAddresses: ['127.0.0.1'] });
      if (r.stored !== ARTICLES) throw new Error(`stored ${r.stored} of ${ARTICLES}: ${JSON.stringify(r.errors.slice(0, 3))}`);
      return r.listPages + r.articlePages;
    });
  } finally {
    await db.destroy();
  }
}

const pipeline = await pipelineOn(await openDb({}));
// The same crawl storing into a PostgreSQL server (a throwaway database), when one is reachable.
const pgAdmin = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const pgName = `indwatch_bench_${process.pid}`;
const admin = async (q: string) => {
  const c = new pg.Client({ connectionString: pgAdmin });
  await c.connect();
  await c.query(q).finally(() => c.end());
};
let pipelinePg: Figure | null = null;
try {
  await admin(`create database ${pgName}`);
  const url = new URL(pgAdmin);
  url.pathname = `/${pgName}`;
  pipelinePg = await pipelineOn(await openDb({ databaseUrl: url.toString() }));
  await admin(`drop database ${pgName}`);
} catch (err) {
  process.stderr.write(`PostgreSQL pipeline skipped: ${(err as Error).message}\n`);
}

function treeRssMb(): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=']).toString().trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const tree = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows) if (tree.has(ppid) && !tree.has(pid) && pid !== site.pid) (tree.add(pid), (grew = true));
  }
  return rows.filter(([pid]) => tree.has(pid)).reduce((kb, [, , rss]) => kb + rss, 0) / 1024;
}

async function browserRow(): Promise<Figure> {
  const browserDb = await openDb({});
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb())), 250);
  const f = await measure(async () => {
    // Two list pages of 20 and one of 10 entries: 50 articles, all rendered by script.
    const s = source('bench-browser', 'js', 'browser', 3);
    const r = await crawlSourceInline(browserDb, { ...s, keywords: { include: [], exclude: [] } }, { userAgent: 'indwatch-bench/1', pageRetryDays: 7, allowAddresses: ['127.0.0.1'] });
    return Math.min(r.articlePages, 50) + r.listPages;
  });
  clearInterval(sampler);
  await browserDb.destroy();
  return { ...f, peakRssMb: Math.round(peak) };
}
const browser = pipelineOnly ? null : await browserRow();
site.kill();

const results = {
  concurrency: CONCURRENCY,
  plainHttp: plain,
  bareCheerioCrawler: bare,
  crawlOnly,
  pipeline,
  pipelinePostgres: pipelinePg,
  crawlOnlyVsBare: crawlOnly && round(crawlOnly.pagesPerSecond / bare.pagesPerSecond),
  pipelineVsBare: round(pipeline.pagesPerSecond / bare.pagesPerSecond),
  pipelinePostgresVsBare: pipelinePg && round(pipelinePg.pagesPerSecond / bare.pagesPerSecond),
  pipelineVsPlain: round(pipeline.pagesPerSecond / plain.pagesPerSecond),
  bareVsPlain: round(bare.pagesPerSecond / plain.pagesPerSecond),
  browser,
};
if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
else {
  const row = (name: string, f: Figure) => `${name.padEnd(22)} ${String(f.pages).padStart(4)} pages  ${f.pagesPerSecond.toFixed(1).padStart(7)} pages/s  ${f.cpuMsPerPage.toFixed(2).padStart(6)} CPU ms/page`;
  process.stdout.write(
    [
      `crawl of ${ARTICLES} articles + ${listPages} list pages, concurrency ${CONCURRENCY}, after one untimed crawl through each path`,
      row('plain HTTP client', plain),
      row('bare CheerioCrawler', bare),
      ...(crawlOnly ? [row('indwatch crawl only', crawlOnly)] : []),
      row('pipeline, PGlite', pipeline),
      ...(pipelinePg ? [row('pipeline, PostgreSQL', pipelinePg)] : []),
      `vs bare CheerioCrawler: ${crawlOnly ? `crawl only ${results.crawlOnlyVsBare}, ` : ''}pipeline on PGlite ${results.pipelineVsBare}${pipelinePg ? `, on PostgreSQL ${results.pipelinePostgresVsBare}` : ''}`,
      `pipeline (PGlite) / plain HTTP: ${results.pipelineVsPlain}   bare / plain: ${results.bareVsPlain}`,
      ...(browser ? [`${row('browser (Chromium)', browser)}  peak RSS ${browser.peakRssMb} MB (node + Chromium)`] : []),
    ].join('\n') + '\n',
  );
}
