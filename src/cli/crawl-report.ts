import type { CrawledArticle, CrawlResult } from '../crawl/crawl-result.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A crawl's summary as people read it. */
export function formatCrawlResult(r: CrawlResult): string {
  const lines = [
    `${r.sourceId}: ${r.status.toUpperCase()} — ${plural(r.listPages, 'list page')} and ${plural(r.articlePages, 'article page')} fetched`,
    ...(r.interruptedRuns
      ? [`  resumed ${r.interruptedRuns === 1 ? 'a crawl that was' : `${r.interruptedRuns} crawls that were`} interrupted before finishing: walked past stored articles to where ${r.interruptedRuns === 1 ? 'it' : 'they'} got`]
      : []),
    ...(r.interrupted ? [`  stopped before finishing: ${plural(r.unstarted, 'page')} left for the next run, which resumes from here`] : []),
    `  new articles: ${r.stored}${r.notReports ? ` (${r.notReports} ${r.notReports === 1 ? 'is not an industrial report' : 'are not industrial reports'}: kept, not mailed)` : ''}; updated: ${r.updated}; revised versions: ${r.revised}; unchanged: ${r.unchanged}`,
    `  duplicates skipped: ${r.duplicates} stories already found elsewhere, ${r.alreadySeen} links already stored${r.filteredOut ? `, ${r.filteredOut} left out by keyword filters` : ''}`,
    `  key figures extracted: ${r.figures}`,
    ...politenessLine(r),
    ...skippedLines(r),
    `  errors: ${r.errors.length}`,
    ...r.errors.map((e) => `    ${e.url}: ${e.message}`),
    ...r.warnings.map((w) => `  warning: ${w}`),
    ...articleLines(r.articles ?? []),
  ];
  const changed = r.stored + r.updated + r.revised;
  if (!changed && r.duplicates) {
    lines.push(`  ${plural(r.duplicates, 'article')}, all already known from other sources (joined ${plural(r.joinedStories, 'story', 'stories')})`);
  } else if (!changed && !r.errors.length && !r.interrupted) lines.push('  nothing new since the last crawl');
  return lines.join('\n');
}

export function crawlProgress(p: { listPages?: number; articlePages?: number; processed?: number; queued?: number }): string {
  return `crawling: ${p.listPages ?? 0} list pages, ${p.articlePages ?? 0} articles fetched${p.processed !== undefined ? `, ${p.processed} processed` : ''}`;
}

/** A figure as a line of the summary: what, how much, when, and the region it carries (or that it carries none). */
export function figureLine(f: CrawledArticle['figures'][number]): string {
  return `${f.indicator} ${f.kind} ${f.value}${f.unit}${f.period ? ` (${f.period})` : ''} [${f.region ?? 'no region'}]`;
}

function articleLines(articles: CrawledArticle[]): string[] {
  const withFigures = articles.filter((a) => a.figures.length);
  if (!withFigures.length) return [];
  return ['  key figures by article:', ...withFigures.flatMap((a) => [`    ${a.title || a.url}`, ...a.figures.map((f) => `      ${figureLine(f)}`)])];
}

function skippedLines(r: CrawlResult): string[] {
  const lines = (r.skipped ?? []).map((s) => `    ${s.url}: ${s.message} (${s.reason}; not fetched again until its retry time)`);
  if (lines.length) lines.unshift(`  skipped: ${plural(lines.length, 'page')} that failed for good`);
  return lines;
}

function politenessLine(r: CrawlResult): string[] {
  const parts = [
    r.notModified ? `${plural(r.notModified, 'list page')} unchanged (HTTP 304)` : '',
    r.robotsBlocked ? `${plural(r.robotsBlocked, 'link')} forbidden by robots.txt, not fetched` : '',
    r.oversized ? `${plural(r.oversized, 'page')} cut off at the size limit` : '',
    r.rendered ? `${plural(r.rendered, 'page')} rendered in Chromium` : '',
    r.notArticles ? `${plural(r.notArticles, 'link')} not to articles (other columns, attachments) skipped` : '',
    r.skippedEarlier ? `${plural(r.skippedEarlier, 'link')} that failed for good earlier not fetched again yet` : '',
  ].filter(Boolean);
  return parts.length ? [`  ${parts.join('; ')}`] : [];
}
