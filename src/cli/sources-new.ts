import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { browserCrawler } from '../crawl/browser-crawler.ts';
import { politeGet } from '../crawl/polite-fetch.ts';
import { robotsFor } from '../crawl/robots.ts';
import { isPdf } from '../crawl/static-crawler.ts';
import { decodeBody } from '../fetch/decode.ts';
import { draftSource, type DraftIo, type DraftPage } from '../sources/draft.ts';
import { PolitenessSchema, type Politeness } from '../sources/schema.ts';
import { UserError } from './errors.ts';
import { formatSourceTest, testSource } from './sources-test.ts';

interface NewOptions {
  region: string;
  id?: string;
  name?: string;
  out?: string;
  force?: boolean;
  test?: boolean;
}

/** `sources new URL --region R`: writes a draft selectors file for a list page. */
export function registerSourcesNew(sources: Command): void {
  sources
    .command('new')
    .description('fetch a list page and write a draft selectors file for it (list selectors, pagination, CMS preset where proven)')
    .argument('<url>', 'the list (column) page')
    .requiredOption('--region <region>', 'the city or province the site reports on, e.g. 大连市')
    .option('--id <id>', 'source id and file name (default: from the page title, in pinyin)')
    .option('--name <name>', 'display name (default: the site and column names from the page)')
    .option('--out <dir>', 'folder to write to (default: the selectors folder)')
    .option('--force', 'overwrite an existing file')
    .option('--test', 'then test the draft at once and print what it would store (as `sources test`)')
    .action(async (url: string, opts: NewOptions) => {
      const config = loadConfig();
      if (!/^https?:\/\//i.test(url)) throw new UserError(`expected an http(s) URL, not "${url}"`);
      const draft = await draftSource(url, { region: opts.region, id: opts.id, name: opts.name }, siteIo(config.userAgent, PolitenessSchema.parse({})));
      const file = path.join(opts.out ?? config.selectorsDir, `${draft.id}.yaml`);
      if (!opts.force && (await fs.stat(file).then(() => true, () => false))) throw new UserError(`${file} exists: pass --force to overwrite it or --id to pick another name`);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, draft.yaml);
      process.stdout.write(`wrote ${file}:\n${draft.notes.map((n) => `  ${n}\n`).join('')}`);
      if (!opts.test) {
        process.stdout.write(`check it with: npx indwatch sources test ${file}\n`);
        if (!draft.list && !draft.preset) process.exitCode = 1;
        return;
      }
      const result = await testSource(draft.source, { userAgent: config.userAgent, articles: 3, pages: 1 });
      process.stdout.write(`\n${formatSourceTest(draft.source, result)}\n`);
      if (!result.ok) process.exitCode = 1;
    });
}

/** Fetches as the crawler does (robots.txt, politeness, charset sniffing) and renders in Debian's Chromium. */
function siteIo(userAgent: string, politeness: Politeness): DraftIo {
  const allowed = async (url: string) => {
    const robots = await robotsFor(url, { userAgent, politeness });
    if (robots.problem) throw new UserError(`${new URL(url).origin}: ${robots.problem}`);
    if (!robots.isAllowed(url)) throw new UserError(`robots.txt of ${new URL(url).origin} forbids ${url}`);
    return robots;
  };
  return {
    async fetch(url: string): Promise<DraftPage> {
      const robots = await allowed(url);
      const res = await politeGet(url, { userAgent, politeness, crawlDelaySecs: robots.crawlDelaySecs });
      if (res.status >= 400) {
        const hint = res.status === 412 || res.status === 403 ? ' (the site blocks this client or sets a cookie by script)' : '';
        throw new UserError(`${url} answered HTTP ${res.status}${hint}`);
      }
      const contentType = res.headers['content-type'];
      const type = Array.isArray(contentType) ? contentType[0] : contentType;
      return { url: res.url, html: isPdf(type, res.body) ? null : decodeBody(res.body, { contentType: type }).text };
    },
    async render(url: string): Promise<string> {
      await allowed(url);
      return renderPage(url, userAgent, politeness);
    },
  };
}

/** The DOM of a page once its scripts have fetched and drawn what they draw (network idle). */
async function renderPage(url: string, userAgent: string, politeness: Politeness): Promise<string> {
  let html: string | null = null;
  let failure: Error | null = null;
  const crawler = browserCrawler({
    userAgent,
    politeness: { ...politeness, retries: 0 },
    encoding: 'auto',
    waitFor: () => null,
    handle: async (ctx) => {
      await ctx.page.waitForLoadState('networkidle', { timeout: politeness.timeoutSecs * 1000 }).catch(() => undefined);
      html = await ctx.page.content();
    },
    failed: (_url, error) => {
      failure = error;
    },
  });
  await crawler.run([{ url, uniqueKey: url }]);
  await crawler.teardown();
  if (html === null) throw new UserError(`${url} could not be rendered in Chromium: ${(failure as Error | null)?.message ?? 'no page'}`);
  return html;
}
