import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { storiesWithPrimary, withPlaces, type StorySummary } from './stories.ts';

/** What a client may narrow a listing to: the digest command's filters, plus sources. */
export interface BrowseFilter {
  /** Only rows first seen at or after this moment (articles: fetched; stories: first seen). */
  since?: Date;
  /** Only these regions; all when empty. */
  regions?: string[];
  /** Only rows whose title or text contains one of these; all when empty. */
  keywords?: string[];
  /** Only these source ids; all when empty. */
  sources?: string[];
}

/**
 * A position in a newest-first listing: the row's timestamp as the database prints it (so no
 * microseconds are lost on the way through JavaScript's milliseconds) and its id.
 */
export interface Cursor {
  at: string;
  id: number;
}

export interface PageRequest {
  /** Rows on the page. */
  limit: number;
  /** Rows strictly after this position; from the start when absent. */
  after?: Cursor;
}

export interface Page<T> {
  items: T[];
  /** Where the next page starts; absent on the last page. */
  next?: Cursor;
}

export interface ArticleListing {
  id: number;
  source_id: string;
  url: string;
  title: string;
  published_at: Date | null;
  region: string | null;
  relevant: boolean;
  story_id: number | null;
  fetched_at: Date;
}

/** Articles, newest fetched first, one page at a time. */
export async function browseArticles(db: Db, filter: BrowseFilter, page: PageRequest): Promise<Page<ArticleListing>> {
  let query = db
    .selectFrom('articles as a')
    .select(['a.id', 'a.source_id', 'a.url', 'a.title', 'a.published_at', 'a.region', 'a.relevant', 'a.story_id', 'a.fetched_at'])
    .select(sql<string>`a.fetched_at::text`.as('cursor_at'))
    .where((eb) => articleFilter(eb, filter))
    .orderBy('a.fetched_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit + 1);
  if (filter.since) query = query.where('a.fetched_at', '>=', filter.since);
  if (page.after) query = query.where(sql<boolean>`(a.fetched_at, a.id) < (${page.after.at}::timestamptz, ${page.after.id})`);
  const rows = await query.execute();
  return paged(rows, page.limit, (r) => ({ at: r.cursor_at, id: r.id }), ({ cursor_at: _, ...article }) => article);
}

/** Stories, newest first seen first, each with its primary article and other places, one page at a time. */
export async function browseStories(db: Db, filter: BrowseFilter, page: PageRequest): Promise<Page<StorySummary>> {
  let query = storiesWithPrimary(db)
    .select(sql<string>`stories.first_seen_at::text`.as('cursor_at'))
    .where(({ exists, selectFrom }) => exists(selectFrom('articles as a').select('a.id').whereRef('a.story_id', '=', 'stories.id').where((eb) => articleFilter(eb, filter))))
    .orderBy('stories.first_seen_at', 'desc')
    .orderBy('stories.id', 'desc')
    .limit(page.limit + 1);
  if (filter.since) query = query.where('stories.first_seen_at', '>=', filter.since);
  if (page.after) query = query.where(sql<boolean>`(stories.first_seen_at, stories.id) < (${page.after.at}::timestamptz, ${page.after.id})`);
  const rows = await query.execute();
  const result = paged(rows, page.limit, (r) => ({ at: r.cursor_at, id: r.story_id }), (r) => r);
  return { next: result.next, items: await withPlaces(db, result.items) };
}

/** The filter's conditions on an article aliased `a` (all true when the filter is empty). */
function articleFilter(eb: ExpressionBuilder<Database & { a: Database['articles'] }, 'a'>, filter: BrowseFilter) {
  const conditions = [];
  if (filter.regions?.length) conditions.push(eb('a.region', 'in', filter.regions));
  if (filter.sources?.length) conditions.push(eb('a.source_id', 'in', filter.sources));
  if (filter.keywords?.length) {
    conditions.push(eb.or(filter.keywords.flatMap((w) => [eb('a.title', 'like', `%${escapeLike(w)}%`), eb('a.clean_text', 'like', `%${escapeLike(w)}%`)])));
  }
  return eb.and(conditions);
}

/** `limit + 1` rows fetched: the extra one only says whether there is a next page. */
function paged<R, T>(rows: R[], limit: number, cursorOf: (r: R) => Cursor, item: (r: R) => T): Page<T> {
  const more = rows.length > limit;
  const kept = rows.slice(0, limit);
  return { items: kept.map(item), next: more ? cursorOf(kept[kept.length - 1]) : undefined };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
