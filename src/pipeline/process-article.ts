import type { FetchedArticle } from '../crawl/fetched-article.ts';
import type { Db } from '../db/connect.ts';
import type { Figure } from '../figures/types.ts';
import { saveArticle, type SaveStatus } from '../store/articles.ts';
import { articlePool, type ArticlePool } from '../workers/article-pool.ts';

export { FetchedArticleSchema, type FetchedArticle } from '../crawl/fetched-article.ts';

export interface ProcessResult {
  url: string;
  status: SaveStatus;
  articleId: number;
  relevant: boolean;
  figures: number;
  /** The story the article is a place of (a duplicate joined an existing one). */
  storyId: number;
  title: string;
  /** The figures as a crawl summary shows them, with the region each carries. */
  keyFigures: Pick<Figure, 'indicator' | 'kind' | 'value' | 'unit' | 'period' | 'region'>[];
}

/**
 * normalise → classify → extract → dedupe → store, for one article. The CPU-bound stages run in
 * `pool`'s threads; an article too costly to read throws PermanentPageError ('too-costly').
 */
export async function processArticle(db: Db, article: FetchedArticle, pool: ArticlePool = articlePool()): Promise<ProcessResult> {
  const ctx = { region: article.region, published: article.publishedAt };
  const { figures, relevance, dedup } = await pool.analyse(article.text, ctx, article.url);
  const saved = await saveArticle(
    db,
    {
      sourceId: article.sourceId,
      url: article.url,
      title: article.title,
      publishedAt: article.publishedAt ? new Date(article.publishedAt) : null,
      region: article.region,
      rawHash: article.rawHash,
      contentHash: dedup.contentHash,
      cleanText: article.text,
      relevance,
      fetchedAt: new Date(article.fetchedAt),
      dedup,
    },
    figures,
  );
  return { url: article.url, status: saved.status, articleId: saved.articleId, relevant: relevance.relevant, figures: figures.length,
    storyId: saved.storyId,
    title: article.title,
    keyFigures: figures.map(({ indicator, kind, value, unit, period, region }) => ({ indicator, kind, value, unit, period, region })),
  };
}
