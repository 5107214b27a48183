import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

/** Totals of one source's crawls, as /metrics exports them. */
export interface SourceCrawlTotals {
  sourceId: string;
  crawls: number;
  /** List and article pages fetched. */
  pages: number;
  errors: number;
  /** Crawls by their final status (ok, warning, error, interrupted, running). */
  byStatus: Record<string, number>;
}

/** Every source's crawl totals from the recorded runs' summaries. */
export async function crawlTotals(db: Db): Promise<SourceCrawlTotals[]> {
  const rows = await db
    .selectFrom('crawl_runs')
    .select(['source_id', 'status'])
    .select((eb) => eb.fn.countAll<number>().as('crawls'))
    .select(sql<number>`coalesce(sum(coalesce((summary->>'listPages')::int, 0) + coalesce((summary->>'articlePages')::int, 0)), 0)`.as('pages'))
    .select(sql<number>`coalesce(sum(case when jsonb_typeof(summary->'errors') = 'array' then jsonb_array_length(summary->'errors') else 0 end), 0)`.as('errors'))
    .groupBy(['source_id', 'status'])
    .execute();
  const bySource = new Map<string, SourceCrawlTotals>();
  for (const r of rows) {
    const t = bySource.get(r.source_id) ?? { sourceId: r.source_id, crawls: 0, pages: 0, errors: 0, byStatus: {} };
    t.crawls += Number(r.crawls);
    t.pages += Number(r.pages);
    t.errors += Number(r.errors);
    t.byStatus[r.status] = Number(r.crawls);
    bySource.set(r.source_id, t);
  }
  return [...bySource.values()];
}

/** Deliveries by status: `sent` are digests sent, `failed` the ones the SMTP server refused or never took. */
export async function deliveryTotals(db: Db): Promise<Record<string, number>> {
  const rows = await db.selectFrom('deliveries').select('status').select((eb) => eb.fn.countAll<number>().as('n')).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Attempts that failed on the SMTP server, over every delivery (a delivery retried three times before it went out counts two). */
export async function smtpFailures(db: Db): Promise<number> {
  const row = await db
    .selectFrom('deliveries')
    .select(sql<number>`coalesce(sum(case when status = 'sent' then greatest(attempts - 1, 0) else attempts end), 0)`.as('n'))
    .where('status', 'in', ['sent', 'failed', 'rejected', 'pending'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
