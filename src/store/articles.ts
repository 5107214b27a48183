import type { Db } from '../db/connect.ts';
import type { Figure, Relevance } from '../figures/types.ts';

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
}

/** What storing an article did: `new`, `updated` (text changed), `unchanged`, or `duplicate` of another URL's text. */
export type SaveStatus = 'new' | 'updated' | 'unchanged' | 'duplicate';

export interface SaveResult {
  status: SaveStatus;
  articleId: number;
  duplicateOf: number | null;
}

/** The subset of `urls` already stored. */
export async function knownUrls(db: Db, urls: string[]): Promise<Set<string>> {
  if (!urls.length) return new Set();
  const rows = await db.selectFrom('articles').select('url').where('url', 'in', urls).execute();
  return new Set(rows.map((r) => r.url));
}

/** Stores an article and its figures once per canonical URL; a re-crawl of an unchanged page writes nothing. */
export async function saveArticle(db: Db, a: ArticleRecord, figures: Figure[]): Promise<SaveResult> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('articles')
      .select(['id', 'content_hash', 'duplicate_of'])
      .where('url', '=', a.url)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.content_hash === a.contentHash) {
      return { status: 'unchanged', articleId: existing.id, duplicateOf: existing.duplicate_of };
    }
    const twin = await trx
      .selectFrom('articles')
      .select('id')
      .where('content_hash', '=', a.contentHash)
      .where('url', '!=', a.url)
      .orderBy('id')
      .executeTakeFirst();
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
      duplicate_of: twin?.id ?? null,
      fetched_at: a.fetchedAt,
      updated_at: a.fetchedAt,
    };
    let articleId: number;
    if (existing) {
      const { fetched_at: _keepFirstFetch, ...changes } = row;
      await trx.updateTable('articles').set(changes).where('id', '=', existing.id).execute();
      await trx.deleteFrom('figures').where('article_id', '=', existing.id).execute();
      articleId = existing.id;
    } else {
      articleId = (await trx.insertInto('articles').values(row).returning('id').executeTakeFirstOrThrow()).id;
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
    const status: SaveStatus = twin ? 'duplicate' : existing ? 'updated' : 'new';
    return { status, articleId, duplicateOf: twin?.id ?? null };
  });
}
