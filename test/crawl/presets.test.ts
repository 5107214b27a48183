import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSourceFile } from '../../src/sources/load.ts';
import { crawlCollect, fixtureSource } from '../fixtures/crawl-helpers.ts';
import { html, startSite, type FixtureSite } from '../fixtures/http-site.ts';
import { sourcesNew } from '../sources/run-sources-new.ts';

const TEXT = '今年前两个月，全市规模以上工业增加值同比增长百分之五点八，高技术制造业增加值增长百分之十二点三，工业投资增长百分之九。';

let site: FixtureSite;
// Drafts keep the default politeness; tests crawl them without waiting between requests.
const QUICK = { perMinute: 6000, concurrency: 2, timeoutSecs: 30, maxBytes: 5_000_000, retries: 2, backoffSecs: 0.05 };
let dir: string;
const plainList = (title: string, links: string[]) =>
  html(title, `<div class="newslist"><ul>${links.map((href, i) => `<li><a href="${href}">工业经济运行情况简报第${i + 1}期</a><span>2026-03-0${i + 1}</span></li>`).join('')}</ul></div>`);
const plainArticle = (i: number) =>
  html(`工业经济运行情况简报第${i}期`, `<div class="article"><h1>工业经济运行情况简报第${i}期</h1><p class="info">发布时间：2026-03-0${i}</p><div class="content"><p>${TEXT}</p><p>第${i}期。</p></div></div>`);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-presets-'));
  const records = [1, 2]
    .map((i) => `<record><![CDATA[<li><a href="/art/2026/3/${i}/art_200_${i}.html" title="经济运行简报第${i}期">经济运行简报第${i}期</a><span class="bt-data-time">2026-03-0${i}</span></li>]]></record>`)
    .join('\n');
  site = await startSite({
    '/robots.txt': { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' },
    // Hanweb keeps a column's entries as <record> blocks inside a script the page fills in.
    '/col/col200/index.html': {
      body: html('经济运行', `<div id="238990"><script type="text/xml"><datastore><nextgroup><![CDATA[]]></nextgroup><recordset>${records}</recordset></datastore></script></div>`),
    },
    ...Object.fromEntries(
      [1, 2].map((i) => [
        `/art/2026/3/${i}/art_200_${i}.html`,
        {
          body: html(
            `经济运行简报第${i}期`,
            `<div class="main"><h1>经济运行简报第${i}期</h1><div id="zoom"><p>${TEXT}</p></div><div class="bt_link">打印本页</div></div>`,
            `<meta charset="utf-8"><meta name="ArticleTitle" content="经济运行简报第${i}期"><meta name="PubDate" content="2026-03-0${i} 10:15">`,
          ),
        },
      ]),
    ),
    // A Hanweb-style URL with nothing of Hanweb on the page, and TRS-style article URLs on a site that is not TRS.
    '/col/col300/index.html': { body: plainList('统计信息', ['/col/col300/a1.html', '/col/col300/a2.html', '/col/col300/a3.html']) },
    '/trslike/index.html': { body: plainList('通知公告', ['./202603/t20260301_1.html', './202603/t20260302_2.html', './202603/t20260303_3.html']) },
    ...Object.fromEntries([1, 2, 3].flatMap((i) => [[`/col/col300/a${i}.html`, { body: plainArticle(i) }], [`/trslike/202603/t2026030${i}_${i}.html`, { body: plainArticle(i) }]])),
    '/news/index.html': { body: html('新闻', '<div class="newslist"><p><a href="/news/a1.html">工业投资保持较快增长</a> 2026年3月9日</p></div>') },
    '/news/a1.html': {
      body: html(
        '工业投资保持较快增长_新闻中心',
        `<div class="nav"><a href="/">首页</a><a href="/news/">新闻</a></div><div class="article"><h1>工业投资保持较快增长</h1><div class="meta">发布时间：2026-03-09 08:00 来源：市统计局</div><div class="content"><p>${TEXT}</p><p>全市新开工项目三十五个，同比增加六个，计划总投资二百八十亿元。</p></div></div><div class="footer">版权所有</div>`,
      ),
    },
  });
});
afterAll(async () => {
  await site.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('presets and generic extraction', () => {
  it('crawls a Hanweb column from its <record> blocks with only the list URL, region and preset', async () => {
    const source = fixtureSource({ preset: 'hanweb', list: { urls: [`${site.url}/col/col200/index.html`] } });
    const { summary, articles, pages } = await crawlCollect(source);
    expect(summary.errors).toEqual([]);
    expect(articles.map((a) => [new URL(a.url).pathname, a.title, a.publishedAt])).toEqual([
      ['/art/2026/3/1/art_200_1.html', '经济运行简报第1期', '2026-03-01T02:15:00.000Z'],
      ['/art/2026/3/2/art_200_2.html', '经济运行简报第2期', '2026-03-02T02:15:00.000Z'],
    ]);
    expect(articles[0].text).toBe(TEXT);
    const listPage = pages.find((p) => p.kind === 'list');
    expect(listPage?.kind === 'list' && listPage.items.map((i) => i.dateText)).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('extracts title, date and text generically when the source gives no article selectors', async () => {
    const source = fixtureSource({ list: { urls: [`${site.url}/news/index.html`], item: '.newslist p' } });
    const { articles, pages } = await crawlCollect(source);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title: '工业投资保持较快增长', publishedAt: '2026-03-09T00:00:00.000Z' });
    expect(articles[0].text).toBe(`${TEXT}\n全市新开工项目三十五个，同比增加六个，计划总投资二百八十亿元。`);
    const list = pages.find((p) => p.kind === 'list');
    expect(list?.kind === 'list' && list.items[0].dateText).toBe('2026年3月9日');
  });

  it('sources new claims a preset on the marks of its CMS, after its article selectors read a sample article', async () => {
    const { file, printed } = await sourcesNew([`${site.url}/col/col200/index.html`, '--region', '示例市', '--out', dir]);
    const yaml = await fs.readFile(file!, 'utf8');
    expect(yaml).toContain('preset: hanweb');
    expect(yaml).not.toContain('item:');
    expect(printed).toContain(`entries in <record><![CDATA[…]]> blocks; its article.body "#zoom" read`);
    const { articles } = await crawlCollect({ ...(await loadSourceFile(file!)), politeness: QUICK });
    expect(articles.map((a) => a.text)).toEqual([TEXT, TEXT]);
  });

  it('sources new claims no preset on a URL alone, nor when the preset cannot read the articles', async () => {
    const byUrl = await sourcesNew([`${site.url}/col/col300/index.html`, '--region', '示例市', '--out', dir]);
    expect(await fs.readFile(byUrl.file!, 'utf8')).not.toContain('preset:');
    const trsLike = await sourcesNew([`${site.url}/trslike/index.html`, '--region', '示例市', '--out', dir]);
    expect(await fs.readFile(trsLike.file!, 'utf8')).not.toContain('preset:');
    expect(trsLike.printed).toContain(`Looks like trs (links to YYYYMM/tYYYYMMDD_NNN.html), but its article.body ".TRS_Editor, .TRS_UEDITOR" found nothing on ${site.url}/trslike/202603/t20260301_1.html: preset not used.`);
    const { articles } = await crawlCollect({ ...(await loadSourceFile(trsLike.file!)), politeness: QUICK });
    expect(articles).toHaveLength(3);
  });
});
