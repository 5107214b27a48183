import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

/** One crawl of a source as the operator's pages show it. */
export interface CrawlRunRow {
  id: number;
  sourceId: string;
  startedAt: Date;
  finishedAt: Date | null;
  status: string;
  /** The run's summary (a `CrawlResult` once finished); null while it runs. */
  summary: Record<string, unknown> | null;
}

/** Runs started since `since`, newest first, at most `perSource` of each source. */
export async function recentRuns(db: Db, since: Date, perSource: number): Promise<CrawlRunRow[]> {
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('crawl_runs')
        .select(['id', 'source_id', 'started_at', 'finished_at', 'status', 'summary'])
        .select(sql<number>`row_number() over (partition by source_id order by id desc)`.as('n'))
        .where('started_at', '>=', since)
        .as('r'),
    )
    .selectAll()
    .where('n', '<=', perSource)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toRun);
}

/** A source's latest runs, newest first. */
export async function runsOf(db: Db, sourceId: string, limit: number): Promise<CrawlRunRow[]> {
  const rows = await db
    .selectFrom('crawl_runs')
    .select(['id', 'source_id', 'started_at', 'finished_at', 'status', 'summary'])
    .where('source_id', '=', sourceId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRun);
}

/** A stored article as a source's page lists it. */
export interface SourceArticle {
  id: number;
  url: string;
  title: string;
  publishedAt: Date | null;
  fetchedAt: Date;
  relevant: boolean;
  storyId: number | null;
  figures: number;
}

/** The source's latest stored articles, newest first. */
export async function recentArticlesOf(db: Db, sourceId: string, limit: number): Promise<SourceArticle[]> {
  const rows = await db
    .selectFrom('articles as a')
    .select(['a.id', 'a.url', 'a.title', 'a.published_at', 'a.fetched_at', 'a.relevant', 'a.story_id'])
    .select((eb) => eb.selectFrom('figures as f').whereRef('f.article_id', '=', 'a.id').select((e) => e.fn.countAll<number>().as('c')).as('figures'))
    .where('a.source_id', '=', sourceId)
    .orderBy(sql`coalesce(a.published_at, a.fetched_at)`, 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    title: r.title,
    publishedAt: r.published_at,
    fetchedAt: r.fetched_at,
    relevant: r.relevant,
    storyId: r.story_id,
    figures: Number(r.figures ?? 0),
  }));
}

function toRun(r: { id: number; source_id: string; started_at: Date; finished_at: Date | null; status: string; summary: unknown }): CrawlRunRow {
  const summary = typeof r.summary === 'string' ? (JSON.parse(r.summary) as Record<string, unknown>) : (r.summary as Record<string, unknown> | null);
  return { id: r.id, sourceId: r.source_id, startedAt: r.started_at, finishedAt: r.finished_at, status: r.status, summary };
}
