import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSourceInline } from '../../src/crawl/crawl-source.ts';
import { startDemoSite, type DemoSite } from '../../src/demo/site.ts';
import { demoSource } from '../../src/demo/source.ts';
import { REPO } from '../helpers/cli.ts';
import { uniquePrefix } from '../helpers/redis.ts';
import { waitFor } from '../helpers/wait.ts';
import { startSmtp, type TestSmtp } from '../digest/smtp.ts';
import { HOSTILE_TITLE, publicServer, seedReports, type PublicServer } from '../fixtures/public-reports.ts';

const SHOTS = path.join(REPO, 'test-artifacts/screenshots');
const WIDTHS = { phone: 375, desktop: 1280 } as const;

/** A port nothing listens on now, so the service's public URL (and the mail's links) can name it before it starts. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** How far the page reaches to the right: wider than the screen means a reader must scroll sideways. */
const widest = (page: Page) => page.evaluate<number>('Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)');

// A reader in a real browser against the running service: subscribe, confirm from the mail,
// read the archive, explore the figures; at phone and desktop width.
describe('the subscriber side in Chromium', { timeout: 300_000 }, () => {
  let s: PublicServer;
  let smtp: TestSmtp;
  let site: DemoSite;
  let browser: Browser;
  let base: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    site = await startDemoSite();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    s = await publicServer(uniquePrefix(), { INDWATCH_PUBLIC_URL: base, SMTP_URL: smtp.url, MAIL_FROM: 'indwatch <digest@indwatch.example>' });
    s.ctx.sources.add(demoSource(site.url));
    const crawl = await crawlSourceInline(s.ctx.db, demoSource(site.url), { userAgent: 'indwatch-test', pageRetryDays: 7, allowAddresses: ['127.0.0.1'] });
    expect(crawl).toMatchObject({ status: 'ok', stored: 5 });
    await seedReports(s.ctx);
    await s.server.listen({ port, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await fs.mkdir(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await s?.close();
    await site?.close();
    await smtp?.close();
  });

  /** A fresh page at `width`; nothing but the service is reachable, and any alert() is recorded. */
  async function open(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
    await context.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return page;
  }

  it('subscribes from the page and confirms from the link in the mail that arrives', async () => {
    const page = await open(WIDTHS.desktop);
    await page.goto(`${base}/subscribe`);
    await expect.poll(() => page.title()).toContain('订阅工业报告摘要');

    // A mistake first: the form comes back naming it, with what was typed.
    await page.getByLabel('电子邮箱').fill('reader-at-example.com');
    await page.getByRole('checkbox', { name: '大连市', exact: true }).check();
    await page.getByRole('button', { name: '订阅' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('email: not a valid e-mail address');
    expect(await page.getByRole('checkbox', { name: '大连市', exact: true }).isChecked()).toBe(true);

    await page.getByLabel('电子邮箱').fill('reader@example.com');
    // The whole province includes its cities: they grey out (web/static/subscribe.js).
    await page.getByRole('checkbox', { name: '辽宁省 (全省)', exact: true }).check();
    expect(await page.getByRole('checkbox', { name: '大连市', exact: true }).isDisabled()).toBe(true);
    await page.getByLabel('关键词').fill('装备, 风电');
    // The weekday is asked only for a weekly digest.
    expect(await page.getByLabel('每周的哪一天').isVisible()).toBe(false);
    await page.getByRole('radio', { name: '每周' }).check();
    expect(await page.getByLabel('每周的哪一天').isVisible()).toBe(true);
    await page.getByLabel('发送时间').selectOption('7');
    await page.getByLabel('每周的哪一天').selectOption('5');
    await page.getByRole('button', { name: '订阅' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('请查收邮件');
    expect(await page.getByRole('status').textContent()).toContain('reader@example.com');

    await waitFor(() => smtp.inbox('reader@example.com').length === 1 || undefined, 30_000);
    const mail = smtp.inbox('reader@example.com')[0];
    const link = new RegExp(`${base.replace(/[.]/g, '\\.')}/subscriptions/confirm\\?token=[^\\s<>"]+`).exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();
    await page.goto(link!);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('订阅已确认');
    const row = await s.ctx.db.selectFrom('subscribers').selectAll().where('email', '=', 'reader@example.com').executeTakeFirstOrThrow();
    expect(row.confirmed_at).not.toBeNull();
    expect(row).toMatchObject({ regions: ['辽宁省'], keywords: ['装备', '风电'], frequency: 'weekly', hour: 7, weekday: 5 });

    // The confirmation page leads to the preferences, which show what was chosen.
    await page.getByRole('link', { name: '修改订阅设置' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('订阅设置');
    expect(await page.getByRole('radio', { name: '每周' }).isChecked()).toBe(true);
    await page.context().close();
  });

  it('refuses the subscribe form posted without its CSRF token', async () => {
    const page = await open(WIDTHS.desktop);
    await page.goto(`${base}/subscribe`);
    await page.getByLabel('电子邮箱').fill('forged@example.com');
    await page.locator('input[name="_csrf"]').evaluate((input) => input.remove());
    const [response] = await Promise.all([page.waitForResponse((r) => r.url() === `${base}/subscriptions`), page.getByRole('button', { name: '订阅' }).click()]);
    expect(response.status()).toBe(403);
    // Refused for the missing token, not for where it came from: the same form with its token is accepted (above).
    expect(await page.getByRole('alert').textContent()).toMatch(/csrf token/i);
    expect(await s.ctx.db.selectFrom('subscribers').select('id').where('email', '=', 'forged@example.com').executeTakeFirst()).toBeUndefined();
    await page.context().close();
  });

  it('shows a hostile title in the archive as text, and runs none of it', async () => {
    const page = await open(WIDTHS.desktop);
    await page.goto(`${base}/stories`);
    await expect.poll(() => page.getByRole('link', { name: HOSTILE_TITLE }).count()).toBe(1);
    expect(await page.locator('main script, main img').count()).toBe(0);
    await page.getByRole('link', { name: HOSTILE_TITLE }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator('table.figures td.num').allTextContents()).toEqual(expect.arrayContaining(['7.2%', '6.9%']));
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('draws the chosen figures as a chart with the expected points, two regions on one chart', async () => {
    const page = await open(WIDTHS.desktop);
    await page.goto(`${base}/figures`);
    const [region, compare] = [page.locator('select[name=region]').first(), page.locator('select[name=region]').nth(1)];
    await region.selectOption('大连市');
    await compare.selectOption('沈阳市');
    await page.locator('select[name=indicator]').selectOption('规模以上工业增加值');
    await page.locator('select[name=kind]').selectOption('growth');
    await page.getByRole('button', { name: '显示' }).click();
    await expect.poll(() => page.locator('svg.chart a.point').count()).toBe(4);
    const points = await page.locator('svg.chart a.point').evaluateAll((nodes) =>
      nodes.map((n) => ({ series: n.closest('g.series')!.getAttribute('data-series'), x: n.getAttribute('data-x'), y: Number(n.getAttribute('data-y')), conflict: n.classList.contains('conflict') })),
    );
    expect(points).toEqual([
      { series: '大连市', x: '2026-01~2026-08', y: 6.9, conflict: false },
      { series: '大连市', x: '2026-01~2026-09', y: 7.2, conflict: true },
      { series: '大连市', x: '2026-01~2026-09', y: 7.5, conflict: true },
      { series: '沈阳市', x: '2026-01~2026-09', y: 5.1, conflict: false },
    ]);
    // Every point is drawn inside the chart, the higher value above the lower.
    const chart = (await page.locator('svg.chart').boundingBox())!;
    const boxes = await page.locator('svg.chart a.point circle').evaluateAll((nodes) => nodes.map((n) => { const r = n.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width }; }));
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(chart.x);
      expect(b.x + b.width).toBeLessThanOrEqual(chart.x + chart.width);
    }
    expect(boxes[2].y).toBeLessThan(boxes[1].y);
    expect(await page.locator('table.figures tr.conflict').count()).toBe(2);
    await page.screenshot({ path: path.join(SHOTS, 'figures-desktop.png'), fullPage: true });

    // The crawled demo site's figures are there too.
    await page.goto(`${base}/figures?region=${encodeURIComponent('滨海市')}&indicator=${encodeURIComponent('规模以上工业增加值')}&kind=growth`);
    expect(await page.locator('svg.chart a.point').evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-y'))))).toContain(8.6);
    await page.context().close();
  });

  it.each(Object.entries(WIDTHS))('fits a %s screen without sideways scrolling (screenshots kept)', async (name, width) => {
    const page = await open(width);
    const pages = {
      subscribe: '/subscribe',
      stories: '/stories',
      figures: `/figures?region=${encodeURIComponent('大连市')}&region=${encodeURIComponent('沈阳市')}&indicator=${encodeURIComponent('规模以上工业增加值')}&kind=growth`,
      'figures-en': `/figures?region=${encodeURIComponent('大连市')}&region=${encodeURIComponent('沈阳市')}&indicator=${encodeURIComponent('规模以上工业增加值')}&kind=growth&lang=en`,
    };
    for (const [shot, url] of Object.entries(pages)) {
      await page.goto(`${base}${url}`);
      expect(await page.evaluate<number>('document.styleSheets.length')).toBe(1);
      expect(await widest(page), `${shot} at ${width} px`).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(SHOTS, `${shot}-${name}.png`), fullPage: true });
    }
    await page.context().close();
  });
});
