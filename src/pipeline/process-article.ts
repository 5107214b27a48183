import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import { dedupFeatures } from '../dedup/features.ts';
import { classify } from '../figures/classify.ts';
import { extractFigures } from '../figures/extract.ts';
import { saveArticle, type SaveStatus } from '../store/articles.ts';

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

/** normalise → classify → extract → dedupe → store, for one article. */
export async function processArticle(db: Db, article: FetchedArticle): Promise<ProcessResult> {
  const ctx = { region: article.region, published: article.publishedAt };
  const relevance = classify(article.text, ctx);
  const figures = extractFigures(article.text, ctx);
  const dedup = dedupFeatures(article.text);
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
