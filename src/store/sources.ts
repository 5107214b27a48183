import type { Db } from '../db/connect.ts';
import type { Source } from '../sources/schema.ts';

/** Records the sources of the selectors folder, so crawl state has somewhere to live. */
export async function syncSources(db: Db, sources: Source[]): Promise<void> {
  const now = new Date();
  for (const s of sources) {
    await db
      .insertInto('sources')
      .values({ id: s.id, name: s.name, region: s.region, synced_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: s.name, region: s.region, synced_at: now }))
      .execute();
  }
}

export interface CrawlState {
  id: string;
  lastCrawlAt: Date | null;
  lastCrawlStatus: string | null;
  lastCrawlSummary: Record<string, unknown> | null;
}

export async function crawlStates(db: Db): Promise<Map<string, CrawlState>> {
  const rows = await db.selectFrom('sources').select(['id', 'last_crawl_at', 'last_crawl_status', 'last_crawl_summary']).execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, lastCrawlAt: r.last_crawl_at, lastCrawlStatus: r.last_crawl_status, lastCrawlSummary: r.last_crawl_summary }]),
  );
}

export async function startCrawlRun(db: Db, source: Source): Promise<number> {
  await syncSources(db, [source]);
  const row = await db
    .insertInto('crawl_runs')
    .values({ source_id: source.id, started_at: new Date(), status: 'running' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishCrawlRun(db: Db, runId: number, sourceId: string, status: string, summary: object): Promise<void> {
  const now = new Date();
  const json = JSON.stringify(summary);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('crawl_runs').set({ finished_at: now, status, summary: json }).where('id', '=', runId).execute();
    await trx.updateTable('sources').set({ last_crawl_at: now, last_crawl_status: status, last_crawl_summary: json }).where('id', '=', sourceId).execute();
  });
}
