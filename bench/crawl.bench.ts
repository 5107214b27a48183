/**
 * Crawl throughput: `node --import tsx bench/crawl.bench.ts [--json]`.
 * Against a local site of 500 articles (served from a child process), in one run: the whole
 * pipeline (fetch, decode, normalise, extract, dedupe, store into in-memory PGlite), a bare
 * crawlee CheerioCrawler fetching and parsing the same pages, and a plain HTTP client with the
 * same concurrency (each path warmed by one untimed crawl first); then 50 script-rendered pages
 * through Chromium.
 * `--pipeline` runs only the baselines and the pipeline rows (PGlite and PostgreSQL side by side).
 * `--rounds N` (default 3): the bare crawler, the crawl alone and the pipelines run N times, interleaved, and each
 * row is the median; a ratio is the median of the rounds' ratios. On a shared machine the speed
 * of everything drifts by a third within a minute, and one crawl of each measured at different
 * moments compared the drift more than the code.
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
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Math.max(1, Number(process.argv[roundsArg + 1]) || 1) : 3;
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

const crawlOnlyRun = () => measure(async () => {
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

// The same crawl storing into a PostgreSQL server (a throwaway database each round), when one is reachable.
const pgAdmin = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = async (q: string) => {
  const c = new pg.Client({ connectionString: pgAdmin });
  await c.connect();
  await c.query(q).finally(() => c.end());
};
let pgReachable = true;
async function pipelineOnPostgres(round: number): Promise<Figure | null> {
  if (!pgReachable) return null;
  const pgName = `indwatch_bench_${process.pid}_${round}`;
  try {
    await admin(`create database ${pgName}`);
  } catch (err) {
    pgReachable = false;
    process.stderr.write(`PostgreSQL pipeline skipped: ${(err as Error).message}\n`);
    return null;
  }
  const url = new URL(pgAdmin);
  url.pathname = `/${pgName}`;
  try {
    return await pipelineOn(await openDb({ databaseUrl: url.toString() }));
  } finally {
    await admin(`drop database ${pgName}`);
  }
}

if (!pipelineOnly) await crawlOnlyRun();
const rounds: { bare: Figure; crawlOnly: Figure | null; pipeline: Figure; pipelinePg: Figure | null }[] = [];
for (let r = 0; r < ROUNDS; r++) {
  rounds.push({ bare: await measure(bareCrawl), crawlOnly: pipelineOnly ? null : await crawlOnlyRun(), pipeline: await pipelineOn(await openDb({})), pipelinePg: await pipelineOnPostgres(r) });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
/** The round whose pages per second is the median of the row. */
const medianFigure = (figures: Figure[]) => figures.find((f) => f.pagesPerSecond === median(figures.map((x) => x.pagesPerSecond)))!;
const bare = medianFigure(rounds.map((r) => r.bare));
const crawlOnly = pipelineOnly ? null : medianFigure(rounds.map((r) => r.crawlOnly!));
const pipeline = medianFigure(rounds.map((r) => r.pipeline));
const pipelinePg = pgReachable ? medianFigure(rounds.map((r) => r.pipelinePg!)) : null;
const ratios = (of: (r: (typeof rounds)[number]) => Figure | null) => rounds.map((r) => round(of(r)!.pagesPerSecond / r.bare.pagesPerSecond));

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
  crawlOnlyVsBare: crawlOnly && median(ratios((r) => r.crawlOnly)),
  rounds: ROUNDS,
  pipelineVsBare: median(ratios((r) => r.pipeline)),
  pipelineVsBareRounds: ratios((r) => r.pipeline),
  pipelinePostgresVsBare: pipelinePg && median(ratios((r) => r.pipelinePg)),
  pipelinePostgresVsBareRounds: pipelinePg && ratios((r) => r.pipelinePg),
  pipelineVsPlain: round(pipeline.pagesPerSecond / plain.pagesPerSecond),
  bareVsPlain: round(bare.pagesPerSecond / plain.pagesPerSecond),
  browser,
};
if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
else {
  const row = (name: string, f: Figure) => `${name.padEnd(22)} ${String(f.pages).padStart(4)} pages  ${f.pagesPerSecond.toFixed(1).padStart(7)} pages/s  ${f.cpuMsPerPage.toFixed(2).padStart(6)} CPU ms/page`;
  process.stdout.write(
    [
      `crawl of ${ARTICLES} articles + ${listPages} list pages, concurrency ${CONCURRENCY}, after one untimed crawl through each path; bare and pipelines: median of ${ROUNDS} interleaved rounds`,
      row('plain HTTP client', plain),
      row('bare CheerioCrawler', bare),
      ...(crawlOnly ? [row('indwatch crawl only', crawlOnly)] : []),
      row('pipeline, PGlite', pipeline),
      ...(pipelinePg ? [row('pipeline, PostgreSQL', pipelinePg)] : []),
      `vs bare CheerioCrawler: ${crawlOnly ? `crawl only ${results.crawlOnlyVsBare}, ` : ''}pipeline on PGlite ${results.pipelineVsBare} (rounds ${results.pipelineVsBareRounds.join(' ')})${pipelinePg ? `, on PostgreSQL ${results.pipelinePostgresVsBare} (rounds ${results.pipelinePostgresVsBareRounds!.join(' ')})` : ''}`,
      `pipeline (PGlite) / plain HTTP: ${results.pipelineVsPlain}   bare / plain: ${results.bareVsPlain}`,
      ...(browser ? [`${row('browser (Chromium)', browser)}  peak RSS ${browser.peakRssMb} MB (node + Chromium)`] : []),
    ].join('\n') + '\n',
  );
}
