import { spawn } from 'node:child_process';
import path from 'node:path';
import { CheerioCrawler, Configuration } from '@crawlee/cheerio';
import { SourceCrawler } from '../src/crawl/source-crawler.ts';
import { SourceSchema } from '../src/sources/schema.ts';
import { ARTICLES, PER_PAGE } from '../test/fixtures/bench-site.ts';
const root = path.resolve(import.meta.dirname, '..');
const site = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/fixtures/bench-site.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve) => site.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
const listPages = Math.ceil(ARTICLES / PER_PAGE);
const urls = [...Array.from({ length: listPages }, (_, n) => `${base}/list/${n === 0 ? 'index' : `index_${n + 1}`}.html`), ...Array.from({ length: ARTICLES }, (_, i) => `${base}/art/${i + 1}.html`)];
const time = async (f: () => Promise<number>) => { const t = performance.now(); const n = await f(); return n / ((performance.now() - t) / 1000); };
for (let round = 0; round < 2; round++) {
  const bare = await time(async () => { let n = 0; const c = new CheerioCrawler({ maxConcurrency: 8, requestHandler: async ({ $ }) => void ($('title').text() && n++) }, new Configuration({ persistStorage: false })); await c.run(urls); await c.teardown(); return n; });
  const only = await time(async () => { const r = await new SourceCrawler({ source: SourceSchema.parse({ id: 'b', name: 'b', region: '示例市', list: { urls: [`${base}/list/index.html`], item: 'ul.list li', date: 'span.date', pagePattern: 'index_{n}.html', maxPages: listPages }, article: { title: 'h1', date: '.info', body: '#zoom' }, politeness: { perMinute: 60000, concurrency: 8 } }), userAgent: 'b', isKnown: async () => new Set(), onArticle: async () => {} }).run(); return r.listPages + r.articlePages; });
  console.log(JSON.stringify({ bare: Math.round(bare), crawlOnly: Math.round(only), ratio: Math.round((only / bare) * 100) / 100 }));
}
site.kill();
