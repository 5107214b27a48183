import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCrawlResult } from '../../src/cli/crawl-report.ts';
import { crawlSourceInline } from '../../src/crawl/crawl-source.ts';
import { openDb, type Db } from '../../src/db/connect.ts';
import { fixtureSource, UA } from '../fixtures/crawl-helpers.ts';
import { html, startSite, type FixtureSite } from '../fixtures/http-site.ts';
import { runCli, sandbox } from '../helpers/cli.ts';

const TEXTS = [
  '1至2月，青川市规模以上工业增加值同比增长7.5%，增速居全省第二位。全市工业用电量增长9.1%，制造业投资增长14%。',
  '一季度，青川市完成工业投资126亿元，同比增长11.2%，其中技术改造投资增长18.6%，新开工亿元以上项目23个。',
  '上半年，青川市高新技术产业增加值增长12.4%，占规模以上工业增加值比重达到41.3%，新增高新技术企业56家。',
  '前三季度，青川市规模以上工业企业实现营业收入2860亿元，同比增长8.8%，利润总额增长6.1%，亏损面收窄。',
];
const titles = ['前两月工业经济开局良好', '一季度工业投资较快增长', '上半年高新技术产业稳步发展', '前三季度工业企业效益改善'];
const article = (i: number) => html(titles[i], `<h1>${titles[i]}</h1><div class="info">2026-03-0${i + 1}</div><div id="zoom"><p>${TEXTS[i]}</p></div>`);
const entry = (href: string, title: string, day: number) => `<li><a href="${href}">${title}</a><span>2026-03-0${day}</span></li>`;

let site: FixtureSite;
let db: Db;

beforeAll(async () => {
  site = await startSite({
    '/robots.txt': { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' },
    // Page 1: two articles, a link to another column, an attachment and an article the site lost (404).
    '/col/index.html': {
      body: html(
        '工作动态',
        `<ul class="list">${entry('/art/1.html', titles[0], 1)}${entry('/art/2.html', titles[1], 2)}${entry('/col/col200/index.html', '政策解读', 3)}${entry('/files/plan.docx', '附件：实施方案', 4)}${entry('/art/9.html', '已删除的文章', 5)}</ul>`,
      ),
    },
    // Page 2 is the last: page 3 answers 404, as real sites do past the end of a column.
    '/col/index_2.html': { body: html('工作动态', `<ul class="list">${entry('/art/3.html', titles[2], 6)}${entry('/art/4.html', titles[3], 7)}</ul>`) },
    ...Object.fromEntries([0, 1, 2, 3].map((i) => [`/art/${i + 1}.html`, { body: article(i) }])),
    // The same four reports on a news site that mirrors them.
    '/mirror/list.html': { body: html('资讯', `<ul class="list">${[0, 1, 2, 3].map((i) => entry(`/mirror/${i + 1}.html`, titles[i], i + 1)).join('')}</ul>`) },
    ...Object.fromEntries([0, 1, 2, 3].map((i) => [`/mirror/${i + 1}.html`, { body: article(i) }])),
  });
  db = await openDb({});
}, 120_000);
afterAll(async () => {
  await site.close();
  await db.destroy();
});

const bureau = () =>
  fixtureSource({
    id: 'qc-bureau',
    region: '青川市',
    list: { urls: [`${site.url}/col/index.html`], item: 'ul.list li', date: 'span', pagePattern: 'index_{n}.html', maxPages: 10 },
    article: { title: 'h1', date: '.info', body: '#zoom', pdf: false },
  });
const opts = { userAgent: UA, pageRetryDays: 7, allowAddresses: ['127.0.0.1'] };

describe('crawl reports that tell the truth', { timeout: 300_000 }, () => {
  it('ends pagination at the 404 past the last page, counts links that are not articles, and remembers a lost page until its retry time', async () => {
    const first = await crawlSourceInline(db, bureau(), opts);
    expect(first).toMatchObject({ status: 'ok', errors: [], listPages: 2, stored: 4, notArticles: 2 });
    expect(first.skipped).toEqual([{ url: `${site.url}/art/9.html`, reason: 'not-found', message: 'HTTP 404' }]);
    const report = formatCrawlResult(first);
    expect(report).toMatch(/^qc-bureau: OK/);
    expect(report).toContain('2 links not to articles (other columns, attachments) skipped');
    expect(report).toContain(`skipped: 1 page that failed for good\n    ${site.url}/art/9.html: HTTP 404 (not-found; not fetched again until its retry time)`);
    expect(site.hits.get('/col/col200/index.html')).toBeUndefined();
    expect(site.hits.get('/files/plan.docx')).toBeUndefined();

    const second = await crawlSourceInline(db, bureau(), opts);
    expect(second).toMatchObject({ status: 'ok', errors: [], skipped: [], skippedEarlier: 1, stored: 0 });
    expect(site.hits.get('/art/9.html')).toBe(1);
    expect(formatCrawlResult(second)).toContain('nothing new since the last crawl');

    // Once its retry time has come, the lost page is tried again (and remembered again).
    await db.updateTable('page_failures').set({ retry_at: new Date(Date.now() - 1000) }).execute();
    const third = await crawlSourceInline(db, bureau(), opts);
    expect(third).toMatchObject({ status: 'ok', errors: [], skippedEarlier: 0, skipped: [expect.objectContaining({ reason: 'not-found' })] });
    expect(site.hits.get('/art/9.html')).toBe(2);
  });

  it('shows each new article with its figures and the region each carries', async () => {
    const rows = await db.selectFrom('figures').select('region').execute();
    expect(rows.length).toBeGreaterThan(0);
    const fresh = await openDb({});
    try {
      const report = formatCrawlResult(await crawlSourceInline(fresh, bureau(), opts));
      expect(report).toContain(`key figures by article:\n    ${titles[0]}\n      `);
      const figureLines = report.split('\n').filter((l) => l.startsWith('      '));
      expect(figureLines.length).toBeGreaterThan(0);
      for (const line of figureLines) expect(line).toMatch(/ \[(青川市|no region)\]$/);
    } finally {
      await fresh.destroy();
    }
  });

  it('says a mirror whose articles all joined known stories brought nothing new, without claiming nothing was found', async () => {
    const mirror = fixtureSource({ id: 'qc-mirror', region: '青川市', list: { urls: [`${site.url}/mirror/list.html`], item: 'ul.list li', date: 'span' }, article: { title: 'h1', date: '.info', body: '#zoom' } });
    const result = await crawlSourceInline(db, mirror, opts);
    expect(result).toMatchObject({ status: 'ok', stored: 0, duplicates: 4, joinedStories: 4 });
    const report = formatCrawlResult(result);
    expect(report).toContain('4 articles, all already known from other sources (joined 4 stories)');
    expect(report).not.toContain('nothing new since the last crawl');
  });

  it('skips a download behind a news link (not a web page) as failed for good, stores nothing of it and does not fetch it again', async () => {
    const junk = Buffer.alloc(2_000_000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + (i >> 8)) & 0xff;
    const downloads = await startSite({
      '/robots.txt': { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' },
      '/col/index.html': { body: html('统计数据', `<ul class="list">${entry('/art/1.html', titles[0], 1)}${entry('/data/2026', '2026年全市统计数据（数据包）', 2)}</ul>`) },
      '/art/1.html': { body: article(0) },
      '/data/2026': { type: 'application/octet-stream', body: junk },
    });
    const fresh = await openDb({});
    try {
      const source = fixtureSource({ id: 'qc-data', region: '青川市', list: { urls: [`${downloads.url}/col/index.html`], item: 'ul.list li', date: 'span' }, article: { title: 'h1', date: '.info', body: '#zoom', pdf: false } });
      const first = await crawlSourceInline(fresh, source, opts);
      expect(first).toMatchObject({ status: 'ok', errors: [], stored: 1 });
      expect(first.skipped).toEqual([{ url: `${downloads.url}/data/2026`, reason: 'not-a-page', message: 'served application/octet-stream, neither a web page nor a PDF' }]);
      expect(await fresh.selectFrom('articles').select('url').execute()).toEqual([{ url: `${downloads.url}/art/1.html` }]);

      const second = await crawlSourceInline(fresh, source, opts);
      expect(second).toMatchObject({ status: 'ok', errors: [], skipped: [], skippedEarlier: 1 });
      expect(downloads.hits.get('/data/2026')).toBe(1);
    } finally {
      await fresh.destroy();
      await downloads.close();
    }
  });

  it('`sources test` exits 0 when it read articles, even with a lost page among them, and 1 when it read none', async () => {
    const box = await sandbox();
    try {
      const good = path.join(box.dir, 'good.yaml');
      await fs.writeFile(
        good,
        `id: good\nname: 青川\nregion: 青川市\nlist:\n  urls: ["${site.url}/col/index.html"]\n  item: ul.list li\n  date: span\narticle:\n  title: h1\n  date: .info\n  body: "#zoom"\npoliteness:\n  perMinute: 6000\n`,
      );
      const ok = await runCli(['sources', 'test', good, '--articles', '5'], { env: box.env, timeoutMs: 120_000 });
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/^ok: the source yields articles/m);
      expect(ok.stdout).not.toContain('FAILED');

      const bad = path.join(box.dir, 'bad.yaml');
      await fs.writeFile(bad, (await fs.readFile(good, 'utf8')).replace('id: good', 'id: bad').replace('ul.list li', 'div.nothing li'));
      const failed = await runCli(['sources', 'test', bad], { env: box.env, timeoutMs: 120_000 });
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain('problem: list.item "div.nothing li" matched nothing');
      expect(failed.stdout).toContain('FAILED: the source would store nothing as it is');
    } finally {
      await box.cleanup();
    }
  });
});
