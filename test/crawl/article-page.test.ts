import { describe, expect, it } from 'vitest';
import { readArticleHtml } from '../../src/crawl/article-page.ts';
import { fixtureSource } from '../fixtures/crawl-helpers.ts';

const page = (info: string) => `<!doctype html><html><head><meta charset="utf-8"><title>临江市工业运行简报 - 临江市工信局</title></head>
<body><div class="nav"><a href="/">首页</a></div><h1>临江市工业运行简报</h1><div class="info">${info}</div>
<div id="zoom"><p>1-2月，临江市规模以上工业增加值同比增长6.1%，工业投资增长9.4%。</p><p>全市新开工亿元以上工业项目23个。</p></div>
<div class="footer">主办：临江市工业和信息化局</div></body></html>`;

describe('reading an article page with selectors', () => {
  const source = fixtureSource({
    list: { urls: ['http://127.0.0.1/list.html'], item: 'li' },
    article: { title: 'h1', date: 'meta[name=PubDate]', body: '#zoom' },
  });
  const hint = { title: '简报', dateText: '2025-03-11' };

  it('falls back to the date the page shows when the date selector finds nothing, and says so', () => {
    const read = readArticleHtml(page('发布时间：2025-03-11 09:30 来源：临江市工信局'), 'http://127.0.0.1/a.html', source, hint);
    expect(read.publishedAt?.toISOString()).toBe('2025-03-11T01:30:00.000Z');
    expect(read.problems).toContain('article.date "meta[name=PubDate]" matched nothing');
    expect(read.text.split('\n')).toHaveLength(2);
  });

  it('falls back to the list date when the page shows none', () => {
    const read = readArticleHtml(page('来源：临江市工信局'), 'http://127.0.0.1/a.html', source, hint);
    expect(read.publishedAt?.toISOString()).toBe('2025-03-10T16:00:00.000Z');
  });
});
