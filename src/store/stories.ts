import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { comparable, dedupFeatures, type DedupFeatures } from '../dedup/features.ts';
import { choosePrimary } from '../dedup/primary.ts';
import { compareFeatures, type Similarity } from '../dedup/similarity.ts';
import { MAX_CANDIDATES } from '../dedup/thresholds.ts';

type Trx = Transaction<Database>;

export interface StoryMatch {
  articleId: number;
  storyId: number;
  sourceId: string;
  similarity: Similarity;
}

/** Serialises story assignment: two copies of one story saved at once must not open two stories. */
export async function lockStories(trx: Trx): Promise<void> {
  await sql`select pg_advisory_xact_lock(7130911)`.execute(trx);
}

/**
 * The stored article that is the same story as `f`, if any: first an article with the same
 * normalised text, else the best near duplicate among the articles sharing an LSH band key,
 * confirmed by comparing the texts themselves.
 */
export async function findStory(trx: Trx | Db, f: DedupFeatures, excludeId?: number): Promise<StoryMatch | null> {
  let twins = trx
    .selectFrom('articles')
    .select(['id', 'story_id', 'source_id'])
    .where('content_hash', '=', f.contentHash)
    .where('story_id', 'is not', null);
  if (excludeId !== undefined) twins = twins.where('id', '!=', excludeId);
  const twin = await twins.orderBy('id').executeTakeFirst();
  if (twin) {
    return { articleId: twin.id, storyId: twin.story_id!, sourceId: twin.source_id, similarity: compareFeatures(f, f) };
  }
  const candidates = await nearCandidates(trx, f.bands, excludeId);
  let best: StoryMatch | null = null;
  for (const c of candidates) {
    const stored =
      c.dedup_text === null
        ? dedupFeatures(c.clean_text!)
        : comparable(c.dedup_text, c.dedup_numbers?.split(' ').filter(Boolean) ?? [], c.content_hash);
    const similarity = compareFeatures(f, stored);
    if (similarity.verdict === 'different') continue;
    if (!best || similarity.jaccard > best.similarity.jaccard) {
      best = { articleId: c.id, storyId: c.story_id!, sourceId: c.source_id, similarity };
    }
  }
  return best;
}

/** Articles sharing at least one band key, the most shared first: an index lookup per key. */
export async function nearCandidates(trx: Trx | Db, bands: string[], excludeId?: number) {
  if (!bands.length) return [];
  let keys = trx
    .selectFrom('article_bands')
    .select(['article_id', (eb) => eb.fn.countAll<string>().as('shared')])
    .where('band', 'in', bands);
  if (excludeId !== undefined) keys = keys.where('article_id', '!=', excludeId);
  const hits = keys
    .groupBy('article_id')
    .orderBy('shared', 'desc')
    .orderBy('article_id')
    .limit(MAX_CANDIDATES)
    .as('hits');
  return trx
    .selectFrom(hits)
    .innerJoin('articles', 'articles.id', 'hits.article_id')
    .select([
      'articles.id',
      'articles.story_id',
      'articles.source_id',
      'articles.content_hash',
      'articles.dedup_text',
      'articles.dedup_numbers',
      // Only rows stored before dedup_text existed need their whole text.
      sql<string | null>`case when articles.dedup_text is null then articles.clean_text end`.as('clean_text'),
    ])
    .where('articles.story_id', 'is not', null)
    .orderBy('hits.shared', 'desc')
    .execute();
}

export async function insertBands(trx: Trx, articleId: number, bands: string[]): Promise<void> {
  const unique = [...new Set(bands)];
  if (unique.length) await trx.insertInto('article_bands').values(unique.map((band) => ({ band, article_id: articleId }))).execute();
}

export async function replaceBands(trx: Trx, articleId: number, bands: string[]): Promise<void> {
  await trx.deleteFrom('article_bands').where('article_id', '=', articleId).execute();
  await insertBands(trx, articleId, bands);
}

/** A new story; its primary article is set once that article is stored. */
export async function openStory(trx: Trx, at: Date): Promise<number> {
  const { id } = await trx.insertInto('stories').values({ first_seen_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function setPrimary(trx: Trx, storyId: number, articleId: number): Promise<void> {
  await trx.updateTable('stories').set({ primary_article_id: articleId }).where('id', '=', storyId).execute();
}

/** Re-reads a story's places and makes the best of them its primary article. */
export async function refreshStory(trx: Trx, storyId: number, at: Date, revised: boolean): Promise<void> {
  const places = await trx
    .selectFrom('articles')
    .select(['id', 'url', 'mirror', 'dedup_length', 'published_at', 'fetched_at'])
    .where('story_id', '=', storyId)
    .execute();
  if (!places.length) return;
  const primary = choosePrimary(
    places.map((p) => ({ id: p.id, url: p.url, mirror: p.mirror, length: p.dedup_length, publishedAt: p.published_at, fetchedAt: p.fetched_at })),
  );
  await trx
    .updateTable('stories')
    .set({ primary_article_id: primary.id, updated_at: at, ...(revised ? { revised_at: at } : {}) })
    .where('id', '=', storyId)
    .execute();
}

export interface StoryPlace {
  articleId: number;
  url: string;
  title: string;
  sourceId: string;
  sourceName: string;
  primary: boolean;
  revised: boolean;
}

/** Every place a story appeared, its primary article first. */
export async function storyPlaces(db: Db, storyIds: number[]): Promise<Map<number, StoryPlace[]>> {
  const out = new Map<number, StoryPlace[]>();
  if (!storyIds.length) return out;
  const rows = await db
    .selectFrom('articles')
    .innerJoin('stories', 'stories.id', 'articles.story_id')
    .leftJoin('sources', 'sources.id', 'articles.source_id')
    .select([
      'articles.id',
      'articles.story_id',
      'articles.url',
      'articles.title',
      'articles.source_id',
      'sources.name as source_name',
      'articles.revised_at',
      'stories.primary_article_id',
    ])
    .where('articles.story_id', 'in', storyIds)
    .orderBy('articles.fetched_at')
    .orderBy('articles.id')
    .execute();
  for (const r of rows) {
    const place: StoryPlace = {
      articleId: r.id,
      url: r.url,
      title: r.title,
      sourceId: r.source_id,
      sourceName: r.source_name ?? r.source_id,
      primary: r.id === r.primary_article_id,
      revised: r.revised_at !== null,
    };
    const list = out.get(r.story_id!) ?? [];
    if (place.primary) list.unshift(place);
    else list.push(place);
    out.set(r.story_id!, list);
  }
  return out;
}

export interface StorySummary {
  storyId: number;
  articleId: number;
  title: string;
  url: string;
  sourceName: string;
  region: string | null;
  publishedAt: Date | null;
  firstSeenAt: Date;
  revisedAt: Date | null;
  /** The other places the story appeared. */
  alsoAt: { url: string; sourceName: string }[];
}

/** Stories, one row each with their primary article (`p`) and its source's name. */
export function storiesWithPrimary(db: Db) {
  return db
    .selectFrom('stories')
    .innerJoin('articles as p', 'p.id', 'stories.primary_article_id')
    .leftJoin('sources', 'sources.id', 'p.source_id')
    .select([
      'stories.id as story_id',
      'stories.first_seen_at',
      'stories.revised_at',
      'p.id',
      'p.title',
      'p.url',
      'p.region',
      'p.published_at',
      'p.source_id',
      'sources.name as source_name',
    ]);
}

/** The latest stories, one row each with their primary article and other places: what a web page lists. */
export async function listStories(db: Db, options: { limit: number; region?: string }): Promise<StorySummary[]> {
  let query = storiesWithPrimary(db)
    .orderBy('stories.first_seen_at', 'desc')
    .orderBy('stories.id', 'desc')
    .limit(options.limit);
  if (options.region) {
    const region = options.region;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('articles as a').select('a.id').whereRef('a.story_id', '=', 'stories.id').where('a.region', '=', region)),
    );
  }
  const rows = await query.execute();
  const places = await storyPlaces(db, rows.map((r) => r.story_id));
  return rows.map((r) => ({
    storyId: r.story_id,
    articleId: r.id,
    title: r.title,
    url: r.url,
    sourceName: r.source_name ?? r.source_id,
    region: r.region,
    publishedAt: r.published_at,
    firstSeenAt: r.first_seen_at,
    revisedAt: r.revised_at,
    alsoAt: (places.get(r.story_id) ?? []).filter((p) => p.articleId !== r.id).map((p) => ({ url: p.url, sourceName: p.sourceName })),
  }));
}
