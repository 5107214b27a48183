import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import { featuresOfNormalised } from '../dedup/features.ts';
import { classifyNormalised } from '../figures/classify.ts';
import { extractFromNormalised } from '../figures/extract.ts';
import { normalise } from '../text/normalise.ts';
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
  const normalised = normalise(article.text);
  const figures = extractFromNormalised(normalised, ctx);
  const relevance = classifyNormalised(normalised, figures, ctx);
  const dedup = featuresOfNormalised(normalised);
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
