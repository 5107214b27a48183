import type { ProcessResult } from '../pipeline/process-article.ts';
import type { CrawlSummary } from './source-crawler.ts';

/** A crawl's summary once its articles have been processed. */
export interface CrawlResult extends CrawlSummary {
  stored: number;
  updated: number;
  /** New URLs carrying a revised version of a story their source published before. */
  revised: number;
  duplicates: number;
  unchanged: number;
  notReports: number;
  figures: number;
  status: 'ok' | 'warning' | 'error';
}

export function crawlResult(crawl: CrawlSummary, results: ProcessResult[], articleFailures: string[]): CrawlResult {
  const count = (status: ProcessResult['status']) => results.filter((r) => r.status === status).length;
  const errors = [...crawl.errors, ...articleFailures.map((message) => ({ url: '(article)', message }))];
  return {
    ...crawl,
    errors,
    stored: count('new'),
    updated: count('updated'),
    revised: count('revised'),
    duplicates: count('duplicate'),
    unchanged: count('unchanged'),
    notReports: results.filter((r) => !r.relevant).length,
    figures: results.reduce((n, r) => n + r.figures, 0),
    status: crawl.listPages === 0 && errors.length ? 'error' : errors.length || crawl.warnings.length ? 'warning' : 'ok',
  };
}
