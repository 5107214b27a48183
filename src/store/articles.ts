import { sql, type RawBuilder, type Transaction } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { embeddedThread, isSingleSession, type Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { GroupCommit } from './group-commit.ts';
import { dedupFeatures, type DedupFeatures } from '../dedup/features.ts';
import { MIRROR_TRADITIONAL_SHARE } from '../dedup/thresholds.ts';
import type { Figure, Relevance } from '../figures/types.ts';
import { choosePrimary } from '../dedup/primary.ts';
import { bandArray, bestMatch, candidatesQuery, comparedCandidates, lockStories, nextPlace, openStory, refreshStory, twinQuery } from './stories.ts';

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

/** Articles one transaction stores at most: enough to amortise it, few enough to hold the story lock briefly. */
const MAX_BATCH = 32;
const writers = new WeakMap<Db, GroupCommit<{ a: ArticleRecord; figures: Figure[] }, SaveResult>>();

/**
 * Stores an article and its figures once per canonical URL and files it under its story: the
 * story of a stored article with the same normalised text or a confirmed near duplicate, else a
 * new one. A re-crawl of an unchanged page writes nothing.
 *
 * A new article costs two statements (one lookup, one write; one more to rank the places of a
 * story it joins), made while the story lock is held, so their number bounds how many articles a
 * second the store takes. Articles saved while another transaction runs share the next one (group
 * commit): its BEGIN, lock and COMMIT are paid once for all of them. On an embedded database all
 * of it runs on the database's own thread (src/store/thread-calls.ts), one message each way.
 */
export function saveArticle(db: Db, a: ArticleRecord, figures: Figure[]): Promise<SaveResult> {
  const thread = embeddedThread(db);
  return thread ? thread.call('saveArticle', [a, figures]) : saveArticleHere(db, a, figures);
}

/** `saveArticle` on this thread, whatever the database; an embedded database's thread runs it for its owner. */
export function saveArticleHere(db: Db, a: ArticleRecord, figures: Figure[]): Promise<SaveResult> {
  let writer = writers.get(db);
  if (!writer) {
    writer = new GroupCommit(db, { maxBatch: MAX_BATCH, begin: isSingleSession(db) ? undefined : lockStories, each: (trx, item) => saveIn(trx, item.a, item.figures) });
    writers.set(db, writer);
  }
  return writer.run({ a, figures });
}

/** One article's lookup and write, inside a transaction that holds the story lock. */
async function saveIn(trx: Transaction<Database>, a: ArticleRecord, figures: Figure[]): Promise<SaveResult> {
  const features = a.dedup ?? dedupFeatures(a.cleanText);
  const seen = await trx
    .selectNoFrom([
      jsonObjectFrom(
        trx.selectFrom('articles').select(['id', 'content_hash', 'duplicate_of', 'story_id']).where('url', '=', a.url).forUpdate(),
      ).as('page'),
      jsonObjectFrom(twinQuery(trx, features.contentHash)).as('twin'),
      jsonArrayFrom(candidatesQuery(trx, features.bands)).as('candidates'),
    ])
    .executeTakeFirstOrThrow();
  const existing = seen.page;
  if (existing?.content_hash === a.contentHash && existing.story_id !== null) {
    return { status: 'unchanged', articleId: existing.id, storyId: existing.story_id, duplicateOf: existing.duplicate_of };
  }
  const mirror = features.traditionalShare >= MIRROR_TRADITIONAL_SHARE;
  const row = articleRow(a, features, mirror);
  if (existing) {
    // The same page with new text is a revision of its story, wherever the story was first seen.
    const storyId = existing.story_id ?? (await openStory(trx, a.fetchedAt));
    await sql`
      with page as (
        update articles set ${sql.join(Object.entries(row).filter(([k]) => k !== 'fetched_at').map(([k, v]) => sql`${sql.ref(k)} = ${v}`))},
          story_id = ${storyId}::int, revised_at = ${a.fetchedAt}::timestamptz
        where id = ${existing.id}::int
      ),
      old_figures as (delete from figures where article_id = ${existing.id}::int),
      old_bands as (delete from article_bands where article_id = ${existing.id}::int and band <> all(${bandArray(features.bands)})),
      new_bands as (insert into article_bands (band, article_id) select unnest(${bandArray(features.bands)}), ${existing.id}::int on conflict do nothing)
      ${insertFigures(sql`${existing.id}::int`, figures)}
      select 1`.execute(trx);
    await refreshStory(trx, storyId, a.fetchedAt, true);
    return { status: 'updated', articleId: existing.id, storyId, duplicateOf: existing.duplicate_of };
  }
  const candidates = seen.twin ? [] : await comparedCandidates(trx, [...seen.candidates].sort((x, y) => y.shared - x.shared || x.id - y.id));
  const match = bestMatch(features, seen.twin, candidates);
  const revision = match !== null && match.sourceId === a.sourceId && match.similarity.verdict !== 'identical';
  const status: SaveStatus = match ? (revision ? 'revised' : 'duplicate') : 'new';
  let ids: RawBuilder<unknown>;
  if (match) {
    // A later place may take over as the story's primary: ranked with the places already stored.
    const next = await nextPlace(trx, match.storyId);
    const primary = choosePrimary([...next.places, { id: next.articleId, url: a.url, mirror, length: features.text.length, publishedAt: a.publishedAt, fetchedAt: a.fetchedAt }]);
    ids = sql`
      ids as (select ${next.articleId}::int as article_id, ${match.storyId}::int as story_id),
      story as (
        update stories set primary_article_id = ${primary.id}::int, updated_at = ${a.fetchedAt}::timestamptz
          ${revision ? sql`, revised_at = ${a.fetchedAt}::timestamptz` : sql``}
        where id = ${match.storyId}::int
      )`;
  } else {
    // A story's first article is its primary. Both rows go in in one statement: the foreign keys are checked at its end.
    ids = sql`
      ids as materialized (
        select nextval(pg_get_serial_sequence('articles', 'id'))::int as article_id, nextval(pg_get_serial_sequence('stories', 'id'))::int as story_id
      ),
      story as (
        insert into stories (id, primary_article_id, first_seen_at, updated_at)
        select story_id, article_id, ${a.fetchedAt}::timestamptz, ${a.fetchedAt}::timestamptz from ids
      )`;
  }
  const written = await sql<{ article_id: number; story_id: number }>`
    with ${ids},
    article as (
      insert into articles (id, story_id, duplicate_of, revised_at, ${sql.join(Object.keys(row).map((k) => sql.ref(k)))})
      select ids.article_id, ids.story_id, ${match?.articleId ?? null}::int, ${revision ? a.fetchedAt : null}::timestamptz, ${sql.join(Object.values(row))}
      from ids
    ),
    bands as (insert into article_bands (band, article_id) select unnest(${bandArray(features.bands)}), article_id from ids)
    ${insertFigures(sql`(select article_id from ids)`, figures)}
    select article_id, story_id from ids`.execute(trx);
  const { article_id: articleId, story_id: storyId } = written.rows[0];
  return { status, articleId, storyId, duplicateOf: match?.articleId ?? null };
}

/** The article's columns, each a typed parameter, in the order of `Object.keys`. */
function articleRow(a: ArticleRecord, features: DedupFeatures, mirror: boolean): Record<string, RawBuilder<unknown>> {
  return {
    source_id: sql`${a.sourceId}::text`,
    url: sql`${a.url}::text`,
    title: sql`${a.title}::text`,
    published_at: sql`${a.publishedAt}::timestamptz`,
    region: sql`${a.region}::text`,
    raw_hash: sql`${a.rawHash}::text`,
    content_hash: sql`${a.contentHash}::text`,
    clean_text: sql`${a.cleanText}::text`,
    relevant: sql`${a.relevance.relevant}::boolean`,
    relevance: sql`${JSON.stringify({ score: a.relevance.score, reasons: a.relevance.reasons })}::jsonb`,
    dedup_length: sql`${features.text.length}::int`,
    dedup_text: sql`${features.text}::text`,
    dedup_numbers: sql`${[...features.numbers].join(' ')}::text`,
    mirror: sql`${mirror}::boolean`,
    fetched_at: sql`${a.fetchedAt}::timestamptz`,
    updated_at: sql`${a.fetchedAt}::timestamptz`,
  };
}

/** `, figures as (insert …)`: the figures of the article `articleId` names, as one JSON parameter; nothing when there are none. */
function insertFigures(articleId: RawBuilder<unknown>, figures: Figure[]): RawBuilder<unknown> {
  if (!figures.length) return sql``;
  const rows = figures.map((f) => ({
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
  }));
  return sql`, new_figures as (
    insert into figures (article_id, tier, region, period, indicator, kind, value, unit, basis, target, quote)
    select ${articleId}, f.tier, f.region, f.period, f.indicator, f.kind, f.value, f.unit, f.basis, f.target, f.quote
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as f(tier smallint, region text, period text, indicator text, kind text, value double precision, unit text, basis text, target boolean, quote text)
  )`;
}
