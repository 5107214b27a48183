import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processors } from '../../jobs/index.ts';
import { openApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { canonicalUrl } from '../../src/crawl/canonical-url.ts';
import { startWorkers, type Workers } from '../../src/queue/workers.ts';
import { buildServer } from '../../src/web/server.ts';
import { startDraftSite, type DraftSite } from '../fixtures/draft-sites/index.ts';
import { REPO, sandbox } from '../helpers/cli.ts';
import { dropPrefix } from '../helpers/redis.ts';

const PASSWORD = 'operator password for the browser test';
const SHOTS = path.join(REPO, 'test-artifacts', 'screenshots');
const WIDTHS = { phone: 375, desktop: 1280 } as const;

/** Screenshots of the page at phone and desktop width, for the report (test-artifacts/ is not committed). */
async function shoot(page: Page, name: string): Promise<void> {
  await fs.mkdir(SHOTS, { recursive: true });
  const original = page.viewportSize()!;
  for (const [label, width] of Object.entries(WIDTHS)) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

// The operator's path, in Debian's Chromium against a running service (HTTP server and workers):
// log in, add a source from a fixture site's list URL, test it, save it, crawl it, watch it finish.
describe('the operator adds a source and crawls it from the browser', { timeout: 600_000 }, () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  let app: App;
  let workers: Workers;
  let server: FastifyInstance;
  let base: string;
  let browser: Browser;
  let site: DraftSite;

  beforeAll(async () => {
    box = await sandbox();
    site = await startDraftSite('GBK city bureau (two columns)');
    const config = loadConfig({ ...box.env, INDWATCH_OPERATOR_PASSWORD: PASSWORD, INDWATCH_RATE_LIMIT: '100000', PORT: '0' });
    app = await openApp(config, { owner: true });
    workers = startWorkers(app.queues, processors(app));
    server = await buildServer(app);
    base = await server.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await workers?.close(5000);
    await app?.close();
    await dropPrefix(String(box?.env.INDWATCH_QUEUE_PREFIX));
    await site?.site.close();
    await box?.cleanup();
  });

  it('redirects to the login, adds the source through the page, saves it and follows its crawl to the summary', async () => {
    const page = await browser.newPage({ viewport: { width: WIDTHS.desktop, height: 900 } });
    const scriptErrors: string[] = [];
    page.on('pageerror', (err) => scriptErrors.push(err.message));
    // A refused script or style is a policy violation worth failing for; bull-board's web font is refused on purpose (offline).
    page.on('console', (msg) => msg.type() === 'error' && /Content Security Policy/.test(msg.text()) && !/fonts\.googleapis/.test(msg.text()) && scriptErrors.push(msg.text()));

    // Not logged in: every operator page leads to the login, and back after it.
    await page.goto(`${base}/admin/sources/new?lang=en`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await page.fill('input[name="password"]', 'a wrong guess');
    await page.click('form[action="/admin/login"] button[type="submit"]');
    await expect.poll(() => page.locator('p.error').textContent()).toContain('密码不对');
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('form[action="/admin/login"] button[type="submit"]');
    await page.waitForURL(`${base}/admin/sources/new?lang=en`);

    // Paste the list page and the region: the page drafts and tests, as `sources new --test`.
    const column = site.columns[0]!;
    await page.fill('input[name="url"]', `${site.site.url}${column.listPath}`);
    await page.fill('input[name="region"]', site.region);
    await page.click('form[action="/admin/sources/new"] button[type="submit"]');
    await page.waitForSelector('textarea[name="yaml"]', { timeout: 180_000 });
    expect(await page.getAttribute('[data-test-result]', 'data-test-result')).toBe('ok');
    const yaml = await page.inputValue('textarea[name="yaml"]');
    const id = /^id: (\S+)$/m.exec(yaml)![1]!;
    expect(id).toMatch(/^shili-/);
    // What it would store: list items with their dates, an article with title, date, lines and figures.
    const items = page.locator('.test-list ul.items li');
    expect(await items.count()).toBeGreaterThan(3);
    expect(await items.first().locator('.date').textContent()).toMatch(/^20\d\d-\d\d-\d\d/);
    expect(await page.locator('.test-article').count()).toBeGreaterThan(0);
    expect(await page.locator('.test-article h3').first().textContent()).not.toBe('');
    await shoot(page, 'add-source');

    // The operator edits the YAML (a local site may be fetched fast) and tests again.
    await page.fill('textarea[name="yaml"]', `${yaml.trimEnd()}\npoliteness:\n  perMinute: 240\n`);
    await page.click('form.draft-yaml button:not(.save)');
    await page.waitForSelector('[data-test-result="ok"]', { timeout: 120_000 });
    expect(await page.inputValue('textarea[name="yaml"]')).toContain('perMinute: 240');

    // Saved into the selectors folder and scheduled, without a restart.
    await page.click('form.draft-yaml button.save');
    await page.waitForURL(`${base}/admin/sources/${id}`);
    expect(await fs.readFile(path.join(String(box.env.INDWATCH_SELECTORS_DIR), `${id}.yaml`), 'utf8')).toContain('perMinute: 240');

    // Crawl now from the sources page: progress shows live, then the summary.
    await page.goto(`${base}/admin/sources?lang=en`);
    const row = page.locator(`tr[data-source="${id}"]`);
    expect(await row.locator('[data-cell="result"]').textContent()).toBe('never crawled');
    await row.locator('form[data-crawl] button').click();
    const box_ = row.locator('.crawl-progress');
    await expect.poll(() => box_.getAttribute('data-state'), { timeout: 60_000 }).toMatch(/^(active|waiting-children|completed)$/);
    await shoot(page, 'sources-during-crawl');
    await expect.poll(() => box_.getAttribute('data-state'), { timeout: 300_000, interval: 500 }).toBe('completed');
    const summary = await box_.locator('pre.crawl-summary').textContent();
    expect(summary).toContain(`${id}: OK`);
    expect(summary).toContain(`${column.articlePaths.length} article pages fetched`);
    expect(summary).toContain('errors: 0');
    // The row's result now says what the crawl did, as after a reload.
    expect(await row.locator('[data-cell="result"]').textContent()).toMatch(/^ok · 16 pages · \d+ new · 0 errors$/);
    await page.reload();
    expect(await row.locator('[data-cell="result"]').textContent()).toMatch(/^ok · 16 pages · \d+ new · 0 errors$/);
    await shoot(page, 'sources-after-crawl');

    // Every article of the column is stored, and the source's page lists them and the crawl.
    const stored = await app.db.selectFrom('articles').select('url').where('source_id', '=', id).execute();
    expect(stored.map((r) => r.url).sort()).toEqual(column.articlePaths.map((p) => canonicalUrl(`${site.site.url}${p}`)).sort());
    await page.goto(`${base}/admin/sources/${id}?lang=en`);
    expect(await page.locator('h2 + .table-wrap tbody tr').first().textContent()).toMatch(/ok · \d+ pages · \d+ new · 0 errors/);
    expect(await page.locator('table').nth(1).locator('tbody tr').count()).toBe(Math.min(30, column.articlePaths.length));
    await shoot(page, 'source-page');

    // bull-board, behind the same login.
    await page.goto(`${base}/admin/queues`);
    await page.getByText('article', { exact: true }).first().waitFor({ timeout: 30_000 });
    expect(await page.getByText('digest', { exact: true }).count()).toBeGreaterThan(0);
    await shoot(page, 'queues');
    expect(scriptErrors).toEqual([]);

    // Logged out, the pages lead to the login again.
    await page.goto(`${base}/admin/sources`);
    await page.click('form.logout button');
    await page.waitForURL(/\/admin\/login$/);
    await page.goto(`${base}/admin/subscribers`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await page.close();
  });
});
