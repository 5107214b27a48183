import { sql, type RawBuilder, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { comparable, dedupFeatures, type Comparable, type DedupFeatures } from '../dedup/features.ts';
import { choosePrimary, type PlaceRank } from '../dedup/primary.ts';
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

/** A stored article sharing LSH band keys with a new one, offered as the same story. */
export interface Candidate {
  id: number;
  story_id: number;
  source_id: string;
  content_hash: string;
  /** Band keys shared with the new article. */
  shared: number;
}

/** A candidate with what comparing texts reads of it. */
export interface ComparedCandidate extends Candidate {
  comparable: Comparable;
}

/**
 * The stored article that is the same story as `f`, if any: first an article with the same
 * normalised text (`twin`), else the best near duplicate among the articles sharing an LSH band
 * key (`candidates`, the most shared first), confirmed by comparing the texts themselves.
 */
export function bestMatch(f: DedupFeatures, twin: Pick<Candidate, 'id' | 'story_id' | 'source_id'> | null, candidates: ComparedCandidate[]): StoryMatch | null {
  if (twin) return { articleId: twin.id, storyId: twin.story_id, sourceId: twin.source_id, similarity: compareFeatures(f, f) };
  let best: StoryMatch | null = null;
  for (const c of candidates) {
    const similarity = compareFeatures(f, c.comparable);
    if (similarity.verdict === 'different') continue;
    if (!best || similarity.jaccard > best.similarity.jaccard) {
      best = { articleId: c.id, storyId: c.story_id, sourceId: c.source_id, similarity };
    }
  }
  return best;
}

/** Stored articles as compared lately, by id and content hash (a changed text is a new key). */
const comparedLately = new Map<string, Comparable>();
/** Shingles the cache may hold in all: some tens of MB, whatever the length of the articles. */
const COMPARED_LATELY_SHINGLES = 1_000_000;
let cachedShingles = 0;

/**
 * The candidates' comparable features. Articles of one series share band keys, so the same stored
 * articles come back as candidates for many new ones: their texts are read, shingled and hashed
 * once, not at every lookup, which takes that work (and the texts' transfer) off the store's
 * critical section. Those not compared lately are read with one statement.
 */
export async function comparedCandidates(trx: Trx | Db, candidates: Candidate[]): Promise<ComparedCandidate[]> {
  const keyOf = (c: Pick<Candidate, 'id' | 'content_hash'>) => `${c.id}:${c.content_hash}`;
  const missing = candidates.filter((c) => !comparedLately.has(keyOf(c)));
  // Read here, whatever the cache evicts meanwhile for articles longer than it holds.
  const read = new Map<string, Comparable>();
  if (missing.length) {
    const rows = await trx
      .selectFrom('articles')
      .select([
        'id',
        'content_hash',
        'dedup_text',
        'dedup_numbers',
        // Only rows stored before dedup_text existed need their whole text.
        sql<string | null>`case when dedup_text is null then clean_text end`.as('clean_text'),
      ])
      .where('id', '=', sql<number>`any(${`{${missing.map((c) => c.id).join(',')}}`}::int[])`)
      .execute();
    for (const r of rows) {
      const features = r.dedup_text === null ? dedupFeatures(r.clean_text ?? '') : comparable(r.dedup_text, r.dedup_numbers?.split(' ').filter(Boolean) ?? [], r.content_hash);
      read.set(keyOf(r), features);
      remember(keyOf(r), features);
    }
  }
  const out: ComparedCandidate[] = [];
  for (const c of candidates) {
    const key = keyOf(c);
    const hit = comparedLately.get(key);
    if (hit) {
      // Refresh its place: the map's order is the eviction order.
      comparedLately.delete(key);
      comparedLately.set(key, hit);
    }
    const features = hit ?? read.get(key);
    if (features) out.push({ ...c, comparable: features });
  }
  return out;
}

function remember(key: string, features: Comparable): void {
  const old = comparedLately.get(key);
  if (old) cachedShingles -= old.shingles.size;
  comparedLately.set(key, features);
  cachedShingles += features.shingles.size;
  for (const [oldest, evicted] of comparedLately) {
    if (cachedShingles <= COMPARED_LATELY_SHINGLES || oldest === key) break;
    comparedLately.delete(oldest);
    cachedShingles -= evicted.shingles.size;
  }
}

/** LSH band keys as one PostgreSQL `bigint[]` parameter: one value however many keys, the same text for every driver. */
export function bandArray(bands: Iterable<string>): RawBuilder<string[]> {
  return sql<string[]>`${`{${[...new Set(bands)].join(',')}}`}::bigint[]`;
}

/** Articles sharing at least one band key with `bands`, the most shared first, up to MAX_CANDIDATES: one index lookup per key. */
export function candidatesQuery(trx: Trx | Db, bands: string[], excludeId?: number) {
  let keys = trx
    .selectFrom('article_bands')
    .select(['article_id', (eb) => eb.fn.countAll<number>().as('shared')])
    .where('band', '=', sql<string>`any(${bandArray(bands)})`);
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
      sql<number>`articles.story_id`.as('story_id'),
      'articles.source_id',
      'articles.content_hash',
      sql<number>`hits.shared::int`.as('shared'),
    ])
    .where('articles.story_id', 'is not', null)
    .orderBy('hits.shared', 'desc')
    .orderBy('articles.id');
}

/** Articles sharing at least one band key, the most shared first: an index lookup per key. */
export async function nearCandidates(trx: Trx | Db, bands: string[], excludeId?: number): Promise<Candidate[]> {
  if (!bands.length) return [];
  return candidatesQuery(trx, bands, excludeId).execute();
}

/** The earliest stored article with this normalised text, already filed under a story. */
export function twinQuery(trx: Trx | Db, contentHash: string) {
  return trx
    .selectFrom('articles')
    .select(['id', sql<number>`story_id`.as('story_id'), 'source_id'])
    .where('content_hash', '=', contentHash)
    .where('story_id', 'is not', null)
    .orderBy('id')
    .limit(1);
}

/** A story's places as choosing its primary article reads them. */
export async function placesOf(trx: Trx, storyId: number): Promise<PlaceRank[]> {
  const rows = await trx
    .selectFrom('articles')
    .select(['id', 'url', 'mirror', 'dedup_length', 'published_at', 'fetched_at'])
    .where('story_id', '=', storyId)
    .execute();
  return rows.map((p) => ({ id: p.id, url: p.url, mirror: p.mirror, length: p.dedup_length, publishedAt: p.published_at, fetchedAt: p.fetched_at }));
}

/** A new story; its primary article is set by refreshStory once the article is stored. */
export async function openStory(trx: Trx, at: Date): Promise<number> {
  const { id } = await trx.insertInto('stories').values({ first_seen_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** The id the next stored article takes, and the places of the story it joins, in one round trip. */
export async function nextPlace(trx: Trx, storyId: number): Promise<{ articleId: number; places: PlaceRank[] }> {
  const row = await trx
    .selectNoFrom([
      sql<number>`nextval(pg_get_serial_sequence('articles', 'id'))::int`.as('id'),
      jsonArrayFrom(
        trx.selectFrom('articles').select(['id', 'url', 'mirror', 'dedup_length', 'published_at', 'fetched_at']).where('story_id', '=', storyId),
      ).as('places'),
    ])
    .executeTakeFirstOrThrow();
  // Timestamps come through JSON as text.
  const date = (d: Date | string | null) => (d === null ? null : new Date(d));
  return {
    articleId: row.id,
    places: row.places.map((p) => ({ id: p.id, url: p.url, mirror: p.mirror, length: p.dedup_length, publishedAt: date(p.published_at), fetchedAt: date(p.fetched_at)! })),
  };
}

/** Re-reads a story's places and makes the best of them its primary article. */
export async function refreshStory(trx: Trx, storyId: number, at: Date, revised: boolean): Promise<void> {
  const places = await placesOf(trx, storyId);
  if (!places.length) return;
  await trx
    .updateTable('stories')
    .set({ primary_article_id: choosePrimary(places).id, updated_at: at, ...(revised ? { revised_at: at } : {}) })
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
  return withPlaces(db, rows);
}

/** Rows of `storiesWithPrimary` as summaries, each with the other places its story appeared. */
export async function withPlaces(db: Db, rows: StoryRow[]): Promise<StorySummary[]> {
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

/** A row of `storiesWithPrimary`: a story's primary article. */
export type StoryRow = Awaited<ReturnType<ReturnType<typeof storiesWithPrimary>['execute']>>[number];
