import type { Db } from '../db/connect.ts';
import { dedupFeatures, type DedupFeatures } from '../dedup/features.ts';
import { MIRROR_TRADITIONAL_SHARE } from '../dedup/thresholds.ts';
import type { Figure, Relevance } from '../figures/types.ts';
import { findStory, insertBands, lockStories, openStory, refreshStory, replaceBands, setPrimary } from './stories.ts';

export interface ArticleRecord {
  sourceId: string;
  url: string;
  title: string;
  publishedAt: Date | null;
  region: string | null;
  rawHash: string;
  contentHash: string;
  cleanText: string;
  relevance: Relevance;
  fetchedAt: Date;
  /** What deduplication reads from `cleanText`; computed here when not given. */
  dedup?: DedupFeatures;
}

/**
 * What storing an article did: `new` story, `updated` (the page's text changed; its story is
 * marked revised), `unchanged`, `duplicate` (another place of a stored story), or `revised`
 * (a new URL of the same source carrying a revised version of a stored story).
 */
export type SaveStatus = 'new' | 'updated' | 'unchanged' | 'duplicate' | 'revised';

export interface SaveResult {
  status: SaveStatus;
  articleId: number;
  storyId: number;
  /** The stored article this one was found to repeat. */
  duplicateOf: number | null;
}

/** The subset of `urls` already stored. */
export async function knownUrls(db: Db, urls: string[]): Promise<Set<string>> {
  if (!urls.length) return new Set();
  const rows = await db.selectFrom('articles').select('url').where('url', 'in', urls).execute();
  return new Set(rows.map((r) => r.url));
}

/**
 * Stores an article and its figures once per canonical URL and files it under its story: the
 * story of a stored article with the same normalised text or a confirmed near duplicate, else a
 * new one. A re-crawl of an unchanged page writes nothing.
 */
export async function saveArticle(db: Db, a: ArticleRecord, figures: Figure[]): Promise<SaveResult> {
  const features = a.dedup ?? dedupFeatures(a.cleanText);
  return db.transaction().execute(async (trx) => {
    await lockStories(trx);
    const existing = await trx
      .selectFrom('articles')
      .select(['id', 'content_hash', 'duplicate_of', 'story_id'])
      .where('url', '=', a.url)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.content_hash === a.contentHash && existing.story_id !== null) {
      return { status: 'unchanged', articleId: existing.id, storyId: existing.story_id, duplicateOf: existing.duplicate_of };
    }
    const row = {
      source_id: a.sourceId,
      url: a.url,
      title: a.title,
      published_at: a.publishedAt,
      region: a.region,
      raw_hash: a.rawHash,
      content_hash: a.contentHash,
      clean_text: a.cleanText,
      relevant: a.relevance.relevant,
      relevance: JSON.stringify({ score: a.relevance.score, reasons: a.relevance.reasons }),
      dedup_length: features.text.length,
      dedup_text: features.text,
      dedup_numbers: [...features.numbers].join(' '),
      mirror: features.traditionalShare >= MIRROR_TRADITIONAL_SHARE,
      fetched_at: a.fetchedAt,
      updated_at: a.fetchedAt,
    };

    let articleId: number;
    let storyId: number;
    let duplicateOf: number | null;
    let status: SaveStatus;
    if (existing) {
      // The same page with new text is a revision of its story, wherever the story was first seen.
      articleId = existing.id;
      storyId = existing.story_id ?? (await openStory(trx, a.fetchedAt));
      const { fetched_at: _keepFirstFetch, ...changes } = row;
      await trx
        .updateTable('articles')
        .set({ ...changes, story_id: storyId, revised_at: a.fetchedAt })
        .where('id', '=', articleId)
        .execute();
      await trx.deleteFrom('figures').where('article_id', '=', articleId).execute();
      await replaceBands(trx, articleId, features.bands);
      await refreshStory(trx, storyId, a.fetchedAt, true);
      duplicateOf = existing.duplicate_of;
      status = 'updated';
    } else {
      // Looked up before the insert, so the article goes in with its story in one statement.
      const match = await findStory(trx, features);
      const revision = match !== null && match.sourceId === a.sourceId && match.similarity.verdict !== 'identical';
      status = match ? (revision ? 'revised' : 'duplicate') : 'new';
      storyId = match?.storyId ?? (await openStory(trx, a.fetchedAt));
      duplicateOf = match?.articleId ?? null;
      articleId = (
        await trx
          .insertInto('articles')
          .values({ ...row, story_id: storyId, duplicate_of: duplicateOf, revised_at: revision ? a.fetchedAt : null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await insertBands(trx, articleId, features.bands);
      // A story's first article is its primary; a later place may take over from it.
      if (match) await refreshStory(trx, storyId, a.fetchedAt, revision);
      else await setPrimary(trx, storyId, articleId);
    }
    if (figures.length) {
      await trx
        .insertInto('figures')
        .values(
          figures.map((f) => ({
            article_id: articleId,
            tier: f.tier,
            region: f.region,
            period: f.period,
            indicator: f.indicator,
            kind: f.kind,
            value: f.value,
            unit: f.unit,
            basis: f.basis,
            target: f.target,
            quote: f.quote,
          })),
        )
        .execute();
    }
    return { status, articleId, storyId, duplicateOf };
  });
}
