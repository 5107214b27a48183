import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

/** What earlier crawls of one list column establish. */
export interface ColumnProgress {
  /** A crawl of the column has completed at least once: everything it listed down to its stop is stored. */
  completed: boolean;
  /** Deepest list page walked by the last completed crawl. */
  frontier: number;
  /** Deepest list page an unfinished crawl since then read (or failed on); 0 when the last crawl completed. */
  resumeTo: number;
  failedPages: number[];
}

/** How one crawl of a column ended. */
export interface ColumnOutcome {
  listUrl: string;
  /** Every list page from 1 to where the crawl stopped was read and all their articles handed on. */
  complete: boolean;
  /** Deepest list page read. */
  deepest: number;
  failedPages: number[];
}

/** Progress of each of the source's columns, by first list URL. Columns never crawled are absent. */
export async function columnProgress(db: Db, sourceId: string): Promise<Map<string, ColumnProgress>> {
  const rows = await db.selectFrom('crawl_progress').selectAll().where('source_id', '=', sourceId).execute();
  return new Map(rows.map((r) => [r.list_url, { completed: r.completed, frontier: r.frontier, resumeTo: r.resume_to, failedPages: r.failed_pages }]));
}

/**
 * Notes that a running crawl has read list page `page`: should the crawl never finish, the next
 * one walks at least this deep before trusting a page of known articles.
 */
export async function markListPageRead(db: Db, sourceId: string, listUrl: string, page: number): Promise<void> {
  const now = new Date();
  await db
    .insertInto('crawl_progress')
    .values({ source_id: sourceId, list_url: listUrl, resume_to: page, updated_at: now })
    .onConflict((oc) => oc.columns(['source_id', 'list_url']).doUpdateSet({ resume_to: sql`greatest(crawl_progress.resume_to, excluded.resume_to)`, updated_at: now }))
    .execute();
}

/** Records how a crawl of each column ended: a complete one resets the resume depth, an unfinished one deepens it. */
export async function recordColumnOutcomes(db: Db, sourceId: string, outcomes: ColumnOutcome[]): Promise<void> {
  const now = new Date();
  for (const o of outcomes) {
    const failed = JSON.stringify(o.failedPages);
    if (o.complete) {
      await db
        .insertInto('crawl_progress')
        .values({ source_id: sourceId, list_url: o.listUrl, completed: true, frontier: o.deepest, resume_to: 0, failed_pages: '[]', updated_at: now })
        .onConflict((oc) => oc.columns(['source_id', 'list_url']).doUpdateSet({ completed: true, frontier: o.deepest, resume_to: 0, failed_pages: '[]', updated_at: now }))
        .execute();
      continue;
    }
    const reach = Math.max(o.deepest, ...o.failedPages);
    await db
      .insertInto('crawl_progress')
      .values({ source_id: sourceId, list_url: o.listUrl, resume_to: reach, failed_pages: failed, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['source_id', 'list_url']).doUpdateSet({ resume_to: sql`greatest(crawl_progress.resume_to, excluded.resume_to)`, failed_pages: failed, updated_at: now }),
      )
      .execute();
  }
}

/** A page remembered as failed for good. */
export interface RememberedFailure {
  url: string;
  reason: string;
  message: string;
  retryAt: Date;
}

/** Those of `urls` that failed for good and are not due for a retry yet. */
export async function rememberedFailures(db: Db, urls: string[], now = new Date()): Promise<Map<string, RememberedFailure>> {
  if (!urls.length) return new Map();
  const rows = await db.selectFrom('page_failures').select(['url', 'reason', 'message', 'retry_at']).where('url', 'in', urls).where('retry_at', '>', now).execute();
  return new Map(rows.map((r) => [r.url, { url: r.url, reason: r.reason, message: r.message, retryAt: r.retry_at }]));
}

export async function rememberFailure(db: Db, sourceId: string, failure: RememberedFailure, now = new Date()): Promise<void> {
  const values = { source_id: sourceId, reason: failure.reason, message: failure.message, failed_at: now, retry_at: failure.retryAt };
  await db
    .insertInto('page_failures')
    .values({ url: failure.url, ...values })
    .onConflict((oc) => oc.column('url').doUpdateSet(values))
    .execute();
}

/**
 * Marks runs left `running` by a process that died as `interrupted` (of one source, or of all with
 * null: only the embedded database's one owner knows no other process is crawling); returns how many.
 */
export async function markInterruptedRuns(db: Db, sourceId: string | null, before: Date): Promise<number> {
  let query = db.updateTable('crawl_runs').set({ status: 'interrupted', finished_at: before }).where('status', '=', 'running').where('started_at', '<', before);
  if (sourceId !== null) query = query.where('source_id', '=', sourceId);
  const rows = await query.returning('id').execute();
  return rows.length;
}

/** Statuses of the source's latest runs, newest first. */
export async function lastRunsOf(db: Db, sourceId: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('crawl_runs').select('status').where('source_id', '=', sourceId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => r.status);
}
