import { describe, expect, it } from 'vitest';
import type { Digest } from '../../src/digest/collect.ts';
import { formatValue, renderDigest } from '../../src/digest/render.ts';

const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';

function digest(): Digest {
  return {
    since: new Date('2026-11-01T00:00:00+08:00'),
    until: new Date('2026-11-08T00:00:00+08:00'),
    notReports: 1,
    entries: [
      {
        articleId: 1,
        title: `前三季度工业增长${hostile}`,
        url: 'http://gxj.example.cn/art/1.html?a=1&b="2"',
        sourceName: `滨海市工信局${hostile}`,
        region: '滨海市',
        publishedAt: new Date('2026-10-28T01:30:00Z'),
        figures: [
          { tier: 1, indicator: `规模以上工业增加值${hostile}`, kind: 'growth', value: 8.6, unit: '%', period: '2026-01~2026-09', region: '滨海市', basis: '同比', target: false, quote: hostile },
          { tier: 1, indicator: '工业投资', kind: 'gap', value: -1.2, unit: '百分点', period: null, region: '滨海市', basis: '全省', target: false, quote: '' },
        ],
        alsoAt: [{ url: 'http://mirror.example.com/1?x=<b>', sourceName: `镜像站${hostile}` }],
      },
      {
        articleId: 2,
        title: '省级专精特新企业',
        url: 'http://gxj.example.cn/art/2.html',
        sourceName: '示例省工信厅',
        region: '示例省',
        publishedAt: null,
        figures: [],
        alsoAt: [],
      },
    ],
  };
}

describe('digest rendering', () => {
  it('escapes every scraped value in the HTML part', () => {
    const { html } = renderDigest(digest());
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('href="http://mirror.example.com/1?x=&lt;b&gt;"');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('href="http://gxj.example.cn/art/1.html?a=1&amp;b=&quot;2&quot;"');
  });

  it('links only to http(s) addresses', () => {
    const d = digest();
    d.entries[0].url = 'javascript:alert(1)';
    const { html } = renderDigest(d);
    expect(html).not.toContain('javascript:');
  });

  it('groups reports by region with their figures and other places they appeared', () => {
    const { subject, text, html } = renderDigest(digest());
    expect(subject).toBe('indwatch digest 2026-11-01 – 2026-11-08: 2 reports');
    expect(text.indexOf('== 滨海市 ==')).toBeLessThan(text.indexOf('== 示例省 =='));
    expect(text).toContain('+8.6% 2026-01~2026-09 · 同比');
    expect(text).toContain('工业投资: -1.2 个百分点 比全省');
    expect(text).toContain('Also reported by: 镜像站');
    expect(html).toContain('1 other page crawled and left out (not industrial reports)');
  });

  it('formats each kind of figure as an analyst writes it', () => {
    expect(formatValue({ kind: 'growth', value: -4.5, unit: '%', target: false })).toBe('-4.5%');
    expect(formatValue({ kind: 'share', value: 60, unit: '%', target: false })).toBe('60%');
    expect(formatValue({ kind: 'rank', value: 1, unit: '位', target: false })).toBe('第1位');
    expect(formatValue({ kind: 'amount', value: 2344, unit: '亿元', target: false })).toBe('2344亿元');
    expect(formatValue({ kind: 'amount', value: 600, unit: '家', target: true })).toBe('目标 600家');
    expect(formatValue({ kind: 'gap', value: 2.1, unit: '百分点', target: false })).toBe('+2.1 个百分点');
  });
});
