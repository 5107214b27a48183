/**
 * Where the pipeline's time goes per article: `node --import tsx bench/pipeline-profile.ts [pglite|postgres]`.
 * Crawls the 500-article bench site into a fresh database whose every query is logged, then prints
 * the queries per article and, per kind of statement, how many ran and how long they took, beside
 * the time spent reading articles (normalise, extract, classify, features) and the wall time.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { migrate, type Db } from '../src/db/connect.ts';
import { PGliteDialect } from '../src/db/pglite-dialect.ts';
import { PGliteThread } from '../src/db/pglite-thread.ts';
import type { Database } from '../src/db/schema.ts';
import { crawlSourceInline } from '../src/crawl/crawl-source.ts';
import { SourceSchema } from '../src/sources/schema.ts';
import { ARTICLES, PER_PAGE } from '../test/fixtures/bench-site.ts';

const backend = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const root = path.resolve(import.meta.dirname, '..');
const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const stats = new Map<string, { n: number; ms: number }>();
let logging = false;
const log = (e: LogEvent) => {
  if (!logging) return;
  const key = e.query.sql.replace(/\s+/g, ' ').replace(/\(\$\d+(, \$\d+)*\)/g, '(…)').slice(0, 90);
  const s = stats.get(key) ?? { n: 0, ms: 0 };
  s.n++;
  s.ms += e.queryDurationMillis;
  stats.set(key, s);
};

const admin = async (q: string) => {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(q).finally(() => c.end());
};
const pgName = `indwatch_profile_${process.pid}`;
let db: Db;
if (backend === 'postgres') {
  await admin(`create database ${pgName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${pgName}`;
  db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 10 }) }), log });
} else {
  db = new Kysely<Database>({ dialect: new PGliteDialect(await PGliteThread.open('memory://')), log });
}
await migrate(db);

const site = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/fixtures/bench-site.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve) => site.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
const listPages = Math.ceil(ARTICLES / PER_PAGE);
const source = SourceSchema.parse({
  id: 'bench-profile',
  name: 'bench-profile',
  region: '示例市',
  list: { urls: [`${base}/list/index.html`], item: 'ul.list li', date: 'span.date', pagePattern: 'index_{n}.html', maxPages: listPages },
  article: { title: 'h1', date: '.info', body: '#zoom' },
  politeness: { perMinute: 60_000, concurrency: 8 },
});

logging = true;
const start = performance.now();
const r = await crawlSourceInline(db, source, { userAgent: 'indwatch-bench/1', pageRetryDays: 7, allowAddresses: ['127.0.0.1'] });
const seconds = (performance.now() - start) / 1000;
logging = false;
site.kill();
await db.destroy();
if (backend === 'postgres') await admin(`drop database ${pgName} with (force)`);

const rows = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms);
const total = rows.reduce((t, [, s]) => ({ n: t.n + s.n, ms: t.ms + s.ms }), { n: 0, ms: 0 });
const n = r.stored + r.duplicates + r.revised + r.updated + r.unchanged;
console.log(`${backend}: ${n} articles stored (${r.stored} new) + ${r.listPages} list pages in ${seconds.toFixed(1)} s`);
console.log(`${total.n} queries, ${(total.n / n).toFixed(1)} per article; ${total.ms.toFixed(0)} ms in SQL, ${(total.ms / n).toFixed(2)} ms per article`);
for (const [sql, s] of rows) {
  console.log(`${String(s.n).padStart(6)} × ${(s.ms / s.n).toFixed(3).padStart(7)} ms = ${s.ms.toFixed(0).padStart(6)} ms  ${sql}`);
}
