import { z } from 'zod';

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
