import type { ProcessResult } from '../pipeline/process-article.ts';
import type { CrawlSummary } from './source-crawler.ts';

/** A crawl's summary as `crawlSource` returns it, before its articles are processed. */
export interface SourceCrawl extends CrawlSummary {
  /** Earlier runs of the source that never finished (killed, or stopped by a shutdown): this crawl resumed them. */
  interruptedRuns: number;
}

/** One new or changed article as the summary shows it. */
export interface CrawledArticle {
  url: string;
  title: string;
  status: ProcessResult['status'];
  figures: ProcessResult['keyFigures'];
}

/** A crawl's summary once its articles have been processed. */
export interface CrawlResult extends SourceCrawl {
  stored: number;
  updated: number;
  /** New URLs carrying a revised version of a story their source published before. */
  revised: number;
  /** Articles whose story was already known from another page (a mirror, a repost). */
  duplicates: number;
  /** Distinct stories the duplicates joined. */
  joinedStories: number;
  unchanged: number;
  notReports: number;
  figures: number;
  /** The articles processed, with their key figures (at most 10 each). */
  articles: CrawledArticle[];
  status: 'ok' | 'warning' | 'error' | 'interrupted';
}

const FIGURES_SHOWN = 10;

export function crawlResult(crawl: SourceCrawl, results: ProcessResult[], articleFailures: string[]): CrawlResult {
  const count = (status: ProcessResult['status']) => results.filter((r) => r.status === status).length;
  const errors = [...crawl.errors, ...articleFailures.map((message) => ({ url: '(article)', message }))];
  const duplicates = results.filter((r) => r.status === 'duplicate');
  return {
    ...crawl,
    errors,
    stored: count('new'),
    updated: count('updated'),
    revised: count('revised'),
    duplicates: duplicates.length,
    joinedStories: new Set(duplicates.map((r) => r.storyId)).size,
    unchanged: count('unchanged'),
    notReports: results.filter((r) => !r.relevant).length,
    figures: results.reduce((n, r) => n + r.figures, 0),
    articles: results
      .filter((r) => r.status !== 'unchanged')
      .map((r) => ({ url: r.url, title: r.title, status: r.status, figures: (r.keyFigures ?? []).slice(0, FIGURES_SHOWN) })),
    status: crawl.interrupted
      ? 'interrupted'
      : crawl.listPages === 0 && crawl.notModified === 0 && errors.length
        ? 'error'
        : errors.length || crawl.warnings.length
          ? 'warning'
          : 'ok',
  };
}
