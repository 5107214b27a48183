import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import { saveArticle, type SaveStatus } from '../store/articles.ts';
import { articlePool, type ArticlePool } from '../workers/article-pool.ts';

/** An article as the crawl hands it over: fetched and cut out of its page, not yet read. */
export const FetchedArticleSchema = z.object({
  sourceId: z.string(),
  region: z.string().nullable(),
  url: z.string().url(),
  title: z.string(),
  publishedAt: z.string().datetime({ offset: true }).nullable(),
  text: z.string(),
  rawHash: z.string(),
  fetchedAt: z.string().datetime({ offset: true }),
});
export type FetchedArticle = z.infer<typeof FetchedArticleSchema>;

export interface ProcessResult {
  url: string;
  status: SaveStatus;
  articleId: number;
  relevant: boolean;
  figures: number;
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
  return { url: article.url, status: saved.status, articleId: saved.articleId, relevant: relevance.relevant, figures: figures.length };
}
