import type { Db } from '../db/connect.ts';

/** What a server said identifies a page's version, sent back on the next crawl as a conditional request. */
export interface HttpValidators {
  etag: string | null;
  lastModified: string | null;
}

export interface HttpCacheStore {
  get(url: string): Promise<HttpValidators | null>;
  set(url: string, validators: HttpValidators): Promise<void>;
}

/** Validators kept in the `http_cache` table (migration 0003_http_cache). */
export function dbHttpCache(db: Db): HttpCacheStore {
  return {
    async get(url) {
      const row = await db.selectFrom('http_cache').select(['etag', 'last_modified']).where('url', '=', url).executeTakeFirst();
      return row ? { etag: row.etag, lastModified: row.last_modified } : null;
    },
    async set(url, v) {
      await db
        .insertInto('http_cache')
        .values({ url, etag: v.etag, last_modified: v.lastModified, updated_at: new Date() })
        .onConflict((oc) => oc.column('url').doUpdateSet({ etag: v.etag, last_modified: v.lastModified, updated_at: new Date() }))
        .execute();
    },
  };
}
