import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import type { CrawlSummary, PageReport } from '../crawl/source-crawler.ts';
import { extractFigures } from '../figures/extract.ts';
import { AddressPolicy } from '../net/address-policy.ts';
import { formatInZone } from '../parse/dates.ts';
import { sourceTimezone, type Source } from '../sources/schema.ts';
import { figureLine } from './crawl-report.ts';
import { UserError } from './errors.ts';

export interface SourceTestResult {
  summary: CrawlSummary;
  pages: PageReport[];
  /** Whether the source would store articles as it is: it read at least one article's text. */
  ok: boolean;
}

/** Fetches a source's list page(s) and a few articles live, storing nothing. */
export async function testSource(source: Source, opts: { userAgent: string; articles: number; pages: number; allowAddresses: readonly string[] }): Promise<SourceTestResult> {
  const { SourceCrawler } = await import('../crawl/source-crawler.ts');
  const pages: PageReport[] = [];
  const summary = await new SourceCrawler({
    source: { ...source, list: { ...source.list, maxPages: Math.min(opts.pages, source.list.maxPages) } },
    userAgent: opts.userAgent,
    addresses: new AddressPolicy(opts.allowAddresses),
    isKnown: async () => new Set(),
    onArticle: async () => undefined,
    onPage: (p) => pages.push(p),
    maxArticles: opts.articles,
  }).run();
  const lists = pages.filter((p) => p.kind === 'list');
  const articles = pages.filter((p) => p.kind === 'article');
  const ok = lists.some((l) => l.items.length > 0) && articles.some((a) => a.read.text);
  return { summary, pages, ok };
}

/** What `sources test` prints: list items with dates, each article's title, date, first lines and key figures, and the problems. */
export function formatSourceTest(source: Source, result: SourceTestResult, lines = 5): string {
  const tz = sourceTimezone(source);
  const date = (d: Date | null) => (d ? formatInZone(d, tz) : 'no date         ');
  const out: string[] = [`${source.id} (${source.name}, ${source.region})${source.preset ? ` preset ${source.preset}` : ''}`];
  for (const p of result.pages) {
    if (p.kind === 'list') {
      out.push('', `list ${p.url}${p.rendered ? ' (rendered in Chromium)' : ''}: ${p.items.length} item${p.items.length === 1 ? '' : 's'}`);
      for (const item of p.items) out.push(`  ${date(item.published)}  ${item.title || '(no title)'}  ${item.url}`);
      for (const problem of p.problems) out.push(`  problem: ${problem}`);
      continue;
    }
    const { read } = p;
    out.push('', `article ${p.url}${p.rendered ? ' (rendered in Chromium)' : ''}`);
    out.push(`  title: ${read.title || '(none)'}`, `  date:  ${read.publishedAt ? `${formatInZone(read.publishedAt, tz)} (${tz})` : '(none)'}`, `  read by: ${read.via}`);
    const text = read.text.split('\n');
    out.push(`  text (${read.text.length} characters, ${text.length} paragraph${text.length === 1 ? '' : 's'}):`);
    for (const line of text.slice(0, lines)) out.push(`    ${line.length > 100 ? `${line.slice(0, 100)}…` : line}`);
    const figures = extractFigures(read.text, { region: source.region, published: read.publishedAt });
    out.push(`  key figures: ${figures.length}`);
    for (const f of figures.slice(0, 10)) out.push(`    ${figureLine(f)}: “${f.quote}”`);
    for (const problem of read.problems) out.push(`  problem: ${problem}`);
  }
  const s = result.summary;
  out.push('');
  for (const e of s.errors) out.push(`error: ${e.url}: ${e.message}`);
  for (const w of s.warnings) out.push(`warning: ${w}`);
  if (s.robotsBlocked) out.push(`robots.txt forbids ${s.robotsBlocked} of the links: they are never fetched`);
  for (const k of s.skipped) out.push(`skipped: ${k.url}: ${k.message} (${k.reason}: a crawl remembers it and does not fetch it again until its retry time)`);
  if (s.notArticles) out.push(`${s.notArticles} link${s.notArticles === 1 ? '' : 's'} on the list not to articles (other columns, attachments): skipped`);
  const problems = result.pages.reduce((n, p) => n + (p.kind === 'list' ? p.problems : p.read.problems).length, 0) + s.errors.length;
  if (!result.ok) out.push('FAILED: the source would store nothing as it is');
  else if (problems) out.push(`ok: the source yields articles (${problems} problem${problems === 1 ? '' : 's'} above worth a look)`);
  else out.push('ok: the source yields articles');
  return out.join('\n');
}

/** `sources test FILE|ID`. */
export function registerSourcesTest(sources: Command): void {
  sources
    .command('test')
    .description('fetch a source live and print what would be stored (nothing is stored)')
    .argument('<source>', 'a selectors file, or the id of a source in selectors/')
    .option('--articles <n>', 'articles to fetch', '3')
    .option('--pages <n>', 'list pages to read', '1')
    .option('--lines <n>', 'lines of each article text to show', '5')
    .option('--json', 'print the pages as JSON')
    .action(async (ref: string, opts: { articles: string; pages: string; lines: string; json?: boolean }) => {
      const config = loadConfig();
      const source = await resolveSource(ref, config.selectorsDir);
      const result = await testSource(source, { userAgent: config.userAgent, allowAddresses: config.allowAddresses, articles: positive(opts.articles, '--articles'), pages: positive(opts.pages, '--pages') });
      process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : `${formatSourceTest(source, result, positive(opts.lines, '--lines'))}\n`);
      if (!result.ok) process.exitCode = 1;
    });
}

async function resolveSource(ref: string, selectorsDir: string): Promise<Source> {
  const { loadSourceFile } = await import('../sources/load.ts');
  const { SourceRegistry } = await import('../sources/registry.ts');
  const isFile = await fs.stat(ref).then((s) => s.isFile(), () => false);
  if (isFile) return loadSourceFile(ref);
  const registry = await SourceRegistry.fromDir(selectorsDir);
  const source = registry.get(ref);
  if (!source) throw new UserError(`"${ref}" is neither a file nor a source in ${selectorsDir} (known: ${registry.all().map((s) => s.id).join(', ') || 'none'})`);
  return source;
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`${flag} expects a whole number of at least 1, not "${value}"`);
  return n;
}
