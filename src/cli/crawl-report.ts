import type { CrawlResult } from '../crawl/crawl-result.ts';

/** A crawl's summary as people read it. */
export function formatCrawlResult(r: CrawlResult): string {
  const lines = [
    `${r.sourceId}: ${r.status.toUpperCase()} — ${r.listPages} list page${r.listPages === 1 ? '' : 's'} and ${r.articlePages} article page${r.articlePages === 1 ? '' : 's'} fetched`,
    `  new articles: ${r.stored}${r.notReports ? ` (${r.notReports} ${r.notReports === 1 ? 'is not an industrial report' : 'are not industrial reports'}: kept, not mailed)` : ''}; updated: ${r.updated}; revised versions: ${r.revised}; unchanged: ${r.unchanged}`,
    `  duplicates skipped: ${r.duplicates} stories already found elsewhere, ${r.alreadySeen} links already stored${r.filteredOut ? `, ${r.filteredOut} left out by keyword filters` : ''}`,
    `  key figures extracted: ${r.figures}`,
    ...politenessLine(r),
    `  errors: ${r.errors.length}`,
    ...r.errors.map((e) => `    ${e.url}: ${e.message}`),
    ...r.warnings.map((w) => `  warning: ${w}`),
  ];
  if (!r.stored && !r.updated && !r.revised && !r.errors.length) lines.push('  nothing new since the last crawl');
  return lines.join('\n');
}

export function crawlProgress(p: { listPages?: number; articlePages?: number; processed?: number; queued?: number }): string {
  return `crawling: ${p.listPages ?? 0} list pages, ${p.articlePages ?? 0} articles fetched${p.processed !== undefined ? `, ${p.processed} processed` : ''}`;
}

function politenessLine(r: CrawlResult): string[] {
  const parts = [
    r.notModified ? `${r.notModified} list page${r.notModified === 1 ? '' : 's'} unchanged (HTTP 304)` : '',
    r.robotsBlocked ? `${r.robotsBlocked} link${r.robotsBlocked === 1 ? '' : 's'} forbidden by robots.txt, not fetched` : '',
    r.oversized ? `${r.oversized} page${r.oversized === 1 ? '' : 's'} cut off at the size limit` : '',
    r.rendered ? `${r.rendered} page${r.rendered === 1 ? '' : 's'} rendered in Chromium` : '',
  ].filter(Boolean);
  return parts.length ? [`  ${parts.join('; ')}`] : [];
}
