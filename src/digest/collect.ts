import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

export interface DigestFigure {
  tier: number;
  indicator: string;
  kind: string;
  value: number;
  unit: string;
  period: string | null;
  region: string | null;
  basis: string | null;
  target: boolean;
  quote: string;
}

export interface DigestEntry {
  articleId: number;
  title: string;
  url: string;
  sourceName: string;
  region: string | null;
  publishedAt: Date | null;
  figures: DigestFigure[];
  /** Other places the same text appeared. */
  alsoAt: { url: string; sourceName: string }[];
}

export interface Digest {
  since: Date;
  until: Date;
  entries: DigestEntry[];
  /** Pages crawled in the period that are not reports (kept, not mailed). */
  notReports: number;
}

export interface DigestFilter {
  since: Date;
  until: Date;
  /** Only these regions; all when empty. */
  regions?: string[];
  /** Only articles whose title or text contains one of these; all when empty. */
  keywords?: string[];
}

/** The reports fetched in a period, one entry per story, newest first, with their figures. */
export async function collectDigest(db: Db, filter: DigestFilter): Promise<Digest> {
  const inPeriod = db
    .selectFrom('articles')
    .where('fetched_at', '>=', filter.since)
    .where('fetched_at', '<', filter.until)
    .where('duplicate_of', 'is', null);
  let query = inPeriod
    .leftJoin('sources', 'sources.id', 'articles.source_id')
    .select(['articles.id', 'title', 'url', 'articles.region', 'published_at', 'source_id', 'sources.name as source_name'])
    .where('relevant', '=', true)
    .orderBy(sql`coalesce(published_at, fetched_at)`, 'desc')
    .orderBy('articles.id', 'desc');
  if (filter.regions?.length) query = query.where('articles.region', 'in', filter.regions);
  if (filter.keywords?.length) {
    const words = filter.keywords;
    query = query.where((eb) =>
      eb.or(words.flatMap((w) => [eb('title', 'like', `%${escapeLike(w)}%`), eb('clean_text', 'like', `%${escapeLike(w)}%`)])),
    );
  }
  const rows = await query.execute();
  const { count } = await inPeriod.where('relevant', '=', false).select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  const ids = rows.map((r) => r.id);
  const figures = ids.length
    ? await db.selectFrom('figures').selectAll().where('article_id', 'in', ids).orderBy('tier').orderBy('id').execute()
    : [];
  const twins = ids.length
    ? await db
        .selectFrom('articles')
        .leftJoin('sources', 'sources.id', 'articles.source_id')
        .select(['duplicate_of', 'url', 'source_id', 'sources.name as source_name'])
        .where('duplicate_of', 'in', ids)
        .execute()
    : [];
  return {
    since: filter.since,
    until: filter.until,
    notReports: Number(count),
    entries: rows.map((r) => ({
      articleId: r.id,
      title: r.title,
      url: r.url,
      sourceName: r.source_name ?? r.source_id,
      region: r.region,
      publishedAt: r.published_at,
      figures: figures
        .filter((f) => f.article_id === r.id)
        .map(({ tier, indicator, kind, value, unit, period, region, basis, target, quote }) => ({
          tier, indicator, kind, value, unit, period, region, basis, target, quote,
        })),
      alsoAt: twins.filter((t) => t.duplicate_of === r.id).map((t) => ({ url: t.url, sourceName: t.source_name ?? t.source_id })),
    })),
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
