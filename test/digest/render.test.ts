import fs from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import os from 'node:os';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previousPeriod, type Digest } from '../../src/digest/collect.ts';
import { createMailer } from '../../src/digest/mailer.ts';
import { formatValue, renderDigest } from '../../src/digest/render.ts';
import { REPO } from '../helpers/cli.ts';

const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
const links = { manage: 'https://indwatch.example/subscriptions/preferences?token=m.1&x=<>', unsubscribe: 'https://indwatch.example/subscriptions/unsubscribe?token=u.2' };

function digest(): Digest {
  const growth = { tier: 1, kind: 'growth', unit: '%', target: false, quote: '' };
  return {
    since: new Date('2026-11-25T00:00:00Z'),
    until: new Date('2026-12-02T00:00:00Z'),
    notReports: 1,
    glance: [
      {
        region: '滨海市',
        figure: { ...growth, indicator: '规模以上工业增加值', value: 8.6, period: '2026-01~2026-10', region: '滨海市', basis: '同比' },
        previous: { period: '2026-01~2026-09', value: 8.1, unit: '%' },
        direction: 'up',
        conflict: true,
      },
    ],
    entries: [
      {
        articleId: 1,
        title: `前10月工业增长${hostile}\nBcc: victim@example.com`,
        url: 'http://gxj.example.cn/art/1.html?a=1&b="2"',
        sourceName: `滨海市工信局${hostile}`,
        region: '滨海市',
        publishedAt: new Date('2026-11-28T01:30:00Z'),
        lead: `1—10月，全市规模以上工业增加值同比增长8.6%，比1—9月提高0.5个百分点；工业投资增长12.3%，其中技术改造投资增长15.1%，高技术制造业增加值占比达到${hostile}……`,
        figures: [
          { ...growth, indicator: `规模以上工业增加值${hostile}`, value: 8.6, period: '2026-01~2026-10', region: '滨海市', basis: '同比' },
          { ...growth, indicator: '工业投资', kind: 'gap', value: -1.2, unit: '百分点', period: null, region: '滨海市', basis: '全省' },
          { ...growth, tier: 2, indicator: '高技术制造业增加值', value: 15.1, period: '2026-01~2026-10', region: '滨海市', basis: '同比' },
        ],
        alsoAt: [{ url: 'http://mirror.example.com/1?x=<b>', sourceName: `镜像站${hostile}` }],
        conflicts: [{ indicator: '规模以上工业增加值', region: '滨海市', period: '2026-01~2026-10', kind: 'growth', values: [
          { value: 8.6, unit: '%', basis: '同比', places: [{ url: 'http://gxj.example.cn/art/1.html', sourceName: '滨海市工信局' }] },
          { value: 8.4, unit: '%', basis: '同比', places: [{ url: 'http://news.example.cn/2.html', sourceName: '滨海日报' }] },
        ] } as never],
      },
      {
        articleId: 2,
        title: '海州市新增省级专精特新中小企业46家，总数达到312家，居全省第三位',
        url: 'http://gxj.haizhou.example.cn/art/2.html',
        sourceName: '海州市工业和信息化局',
        region: '海州市',
        publishedAt: null,
        lead: '近日，省工业和信息化厅公布2026年度专精特新中小企业名单，我市46家企业入选。',
        figures: [{ ...growth, kind: 'amount', indicator: '省级专精特新中小企业', value: 312, unit: '家', period: '2026', region: '海州市', basis: null }],
        alsoAt: [],
      },
    ],
  };
}

describe('digest rendering', () => {
  it('names the places, the number of reports and the period in the subject, in the frame’s language', () => {
    expect(renderDigest(digest(), {}, links).subject).toBe('滨海市等2地 · 2篇工业报告 · 11月25日—12月2日');
    expect(renderDigest(digest(), { lang: 'en' }, links).subject).toBe('滨海市 and 1 more place · 2 industrial reports · Nov 25 – Dec 2');
  });

  it('escapes every scraped value in the HTML part and keeps the text part and subject to their lines', async () => {
    const { html, text, subject } = renderDigest(digest(), {}, links);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('href="http://mirror.example.com/1?x=&lt;b&gt;"');
    expect(text).not.toMatch(/^Bcc:/m);
    expect(subject).not.toMatch(/[\r\n]/);

    // Sent by the mailer and read back as a mail client reads it: one recipient, no Bcc, even when the subject carries scraped text.
    const outbox = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-render-'));
    const mailer = createMailer({ from: 'indwatch <a@indwatch.example>', outboxDir: outbox });
    const sent = await mailer.send({ to: 'reader@example.com', subject: `${digest().entries[0].title} · 1篇`, text, html });
    mailer.close();
    const mail = await simpleParser(await fs.readFile(sent.location));
    await fs.rm(outbox, { recursive: true });
    expect(mail.subject).toBe('前10月工业增长<script>alert("x")</script><img src=x onerror=alert(1)> Bcc: victim@example.com · 1篇');
    expect(mail.bcc).toBeUndefined();
    expect(mail.headerLines.filter((h) => h.key === 'bcc')).toEqual([]);
    expect(mail.text).toContain('* 前10月工业增长<script>alert("x")</script><img src=x onerror=alert(1)> Bcc: victim@example.com');
  });

  it('shows figures at a glance with the previous value and direction, each story with lead, table and "more" line', () => {
    const { text, html } = renderDigest(digest(), {}, links);
    expect(text).toContain('【数据一览】\n滨海市\n  规模以上工业增加值: +8.6% (2026-01~2026-10)  上期 +8.1% (2026-01~2026-09) ↑  ⚠ 来源不一致');
    expect(text).toContain('  - 工业投资: -1.2 个百分点 比全省');
    expect(text).toContain('  更多: 高技术制造业增加值 +15.1%');
    expect(text).toContain('  1—10月，全市规模以上工业增加值同比增长8.6%');
    expect(text).toContain('退订: https://indwatch.example/subscriptions/unsubscribe?token=u.2');
    expect(text.indexOf('== 滨海市 ==')).toBeLessThan(text.indexOf('== 海州市 =='));
    expect(html).toMatch(/<th[^>]*>指标<\/th><th[^>]*>时期<\/th><th[^>]*>数值<\/th><th[^>]*>基准<\/th>/);
    expect(html).toContain('href="https://indwatch.example/subscriptions/preferences?token=m.1&amp;x=&lt;&gt;"');
  });

  it('links only to http(s) addresses', () => {
    const d = digest();
    d.entries[0].url = 'javascript:alert(1)';
    expect(renderDigest(d).html).not.toContain('javascript:');
  });

  it('compares with the matching earlier period', () => {
    expect(previousPeriod('2026-01~2026-10')).toBe('2026-01~2026-09');
    expect(previousPeriod('2026-01~2026-02')).toBe('2026-01');
    expect(previousPeriod('2026-07~2026-09')).toBe('2026-04~2026-06');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026')).toBe('2025');
  });

  it('formats each kind of figure as an analyst writes it', () => {
    expect(formatValue({ kind: 'growth', value: -4.5, unit: '%', target: false })).toBe('-4.5%');
    expect(formatValue({ kind: 'rank', value: 1, unit: '位', target: false })).toBe('第1位');
    expect(formatValue({ kind: 'amount', value: 600, unit: '家', target: true })).toBe('目标 600家');
    expect(formatValue({ kind: 'gap', value: 2.1, unit: '百分点', target: false })).toBe('+2.1 个百分点');
  });

  describe('in a browser, as a person sees it', () => {
    let browser: Browser;
    const out = path.join(REPO, 'test-artifacts/digest');

    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      await fs.mkdir(out, { recursive: true });
    }, 60_000);
    afterAll(async () => browser?.close());

    it.each([
      ['phone', 375, 'zh'],
      ['desktop', 1280, 'zh'],
      ['phone-en', 375, 'en'],
    ] as const)('%s: the figure table is there and nothing is wider than the screen', async (name, width, lang) => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(renderDigest(digest(), { lang }, links).html);
      const heads = await page.locator('table.figs th').allTextContents();
      expect(heads).toEqual(expect.arrayContaining(lang === 'zh' ? ['指标', '时期', '数值', '基准'] : ['Indicator', 'Period', 'Value', 'Basis']));
      expect(await page.locator('table.figs td.num', { hasText: '+8.6%' }).first().isVisible()).toBe(true);
      const widest = await page.evaluate<number>('Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll("body *")].map((e) => e.getBoundingClientRect().right))');
      expect(widest).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
      await page.close();
    }, 60_000);
  });
});
