import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/** Schema history. Append new migrations; never edit one that has shipped. */
const migrations: Record<string, Migration> = {
  '0001_core': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('synced_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('last_crawl_at', 'timestamptz')
        .addColumn('last_crawl_status', 'text')
        .addColumn('last_crawl_summary', 'jsonb')
        .execute();

      await db.schema
        .createTable('articles')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('published_at', 'timestamptz')
        .addColumn('region', 'text')
        .addColumn('raw_hash', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('clean_text', 'text', (c) => c.notNull())
        .addColumn('relevant', 'boolean', (c) => c.notNull())
        .addColumn('relevance', 'jsonb', (c) => c.notNull())
        .addColumn('duplicate_of', 'integer', (c) => c.references('articles.id').onDelete('set null'))
        .addColumn('fetched_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('articles_fetched_at').on('articles').column('fetched_at').execute();
      await db.schema.createIndex('articles_content_hash').on('articles').column('content_hash').execute();

      await db.schema
        .createTable('figures')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('tier', 'smallint', (c) => c.notNull())
        .addColumn('region', 'text')
        .addColumn('period', 'text')
        .addColumn('indicator', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('basis', 'text')
        .addColumn('target', 'boolean', (c) => c.notNull())
        .addColumn('quote', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('figures_article_id').on('figures').column('article_id').execute();

      await db.schema
        .createTable('subscribers')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text')
        .addColumn('regions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
        .addColumn('keywords', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
        .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();

      await db.schema
        .createTable('deliveries')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('period_start', 'timestamptz', (c) => c.notNull())
        .addColumn('period_end', 'timestamptz', (c) => c.notNull())
        .addColumn('article_count', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('transport', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text')
        .addColumn('location', 'text')
        .addColumn('error', 'text')
        .execute();
      await db.schema.createIndex('deliveries_subscriber').on('deliveries').columns(['subscriber_id', 'period_end']).execute();

      await db.schema
        .createTable('crawl_runs')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('started_at', 'timestamptz', (c) => c.notNull())
        .addColumn('finished_at', 'timestamptz')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('summary', 'jsonb')
        .execute();
      await db.schema.createIndex('crawl_runs_source').on('crawl_runs').columns(['source_id', 'started_at']).execute();
    },
  },
  '0002_stories': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('stories')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('primary_article_id', 'integer')
        .addColumn('first_seen_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addColumn('revised_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('stories_first_seen_at').on('stories').column('first_seen_at').execute();
      await db.schema.createIndex('stories_revised_at').on('stories').column('revised_at').execute();

      await db.schema
        .alterTable('articles')
        .addColumn('story_id', 'integer', (c) => c.references('stories.id').onDelete('set null'))
        .addColumn('dedup_length', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('mirror', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('revised_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('articles_story_id').on('articles').column('story_id').execute();
      await db.schema
        .alterTable('stories')
        .addForeignKeyConstraint('stories_primary_article_fk', ['primary_article_id'], 'articles', ['id'], (c) => c.onDelete('set null'))
        .execute();

      // LSH band keys of each article's MinHash signature. The primary key's index answers
      // "which articles share one of these keys" in O(log n) per key.
      await db.schema
        .createTable('article_bands')
        .addColumn('band', 'bigint', (c) => c.notNull())
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('article_bands_pk', ['band', 'article_id'])
        .execute();
      await db.schema.createIndex('article_bands_article').on('article_bands').column('article_id').execute();

      await db.schema.createIndex('figures_key').on('figures').columns(['indicator', 'region', 'period']).execute();

      // Articles stored before stories existed: one story per text, joined as duplicate_of said.
      await sql`insert into stories (id, primary_article_id, first_seen_at, updated_at)
        select id, id, fetched_at, updated_at from articles where duplicate_of is null`.execute(db);
      await sql`update articles set story_id = coalesce(duplicate_of, id)`.execute(db);
      await sql`select setval(pg_get_serial_sequence('stories', 'id'), coalesce((select max(id) from stories), 0) + 1, false)`.execute(db);
    },
  },
  '0003_http_cache': {
    async up(db: Kysely<unknown>) {
      // ETag / Last-Modified of list pages, sent back on re-crawls so an unchanged page costs a 304.
      await db.schema
        .createTable('http_cache')
        .addColumn('url', 'text', (c) => c.primaryKey())
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .execute();
    },
  },
  '0004_dedup_text': {
    async up(db: Kysely<unknown>) {
      // What deduplication compares, kept so candidates need not be normalised again on every lookup.
      await db.schema.alterTable('articles').addColumn('dedup_text', 'text').addColumn('dedup_numbers', 'text').execute();
    },
  },
  '0005_crawl_progress': {
    async up(db: Kysely<unknown>) {
      // How far crawls of each list column got: an early stop on a page of known articles is
      // trusted only below pages an unfinished crawl may have left gaps on.
      await db.schema
        .createTable('crawl_progress')
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('list_url', 'text', (c) => c.notNull())
        .addColumn('completed', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('frontier', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('resume_to', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_pages', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('crawl_progress_pk', ['source_id', 'list_url'])
        .execute();
      // Pages that failed for good (404/410, oversized, not a page): not fetched again before retry_at.
      await db.schema
        .createTable('page_failures')
        .addColumn('url', 'text', (c) => c.primaryKey())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('failed_at', 'timestamptz', (c) => c.notNull())
        .addColumn('retry_at', 'timestamptz', (c) => c.notNull())
        .execute();
    },
  },
  '0006_subscriptions': {
    async up(db: Kysely<unknown>) {
      // Subscriber preferences and double opt-in. Rows from before this migration were added by the
      // operator, so they count as confirmed.
      await db.schema
        .alterTable('subscribers')
        .addColumn('sources', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
        .addColumn('frequency', 'text', (c) => c.notNull().defaultTo('daily'))
        .addColumn('hour', 'smallint', (c) => c.notNull().defaultTo(8))
        .addColumn('weekday', 'smallint', (c) => c.notNull().defaultTo(1))
        .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
        .addColumn('lang', 'text', (c) => c.notNull().defaultTo('zh'))
        .addColumn('confirmed_at', 'timestamptz')
        .addColumn('confirm_sent_at', 'timestamptz')
        .addColumn('confirm_sends', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('unsubscribed_at', 'timestamptz')
        .addColumn('rejected_at', 'timestamptz')
        .addColumn('rejection', 'text')
        .execute();
      await sql`update subscribers set confirmed_at = created_at`.execute(db);

      // One delivery per subscriber and digest period: the claim that makes sending exactly-once.
      await db.schema
        .alterTable('deliveries')
        .addColumn('period_key', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('claimed_by', 'text')
        .addColumn('lease_until', 'timestamptz')
        .addColumn('sent_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('deliveries_period').on('deliveries').columns(['subscriber_id', 'period_key']).unique().execute();
    },
  },
  '0007_twin_lookup': {
    async up(db: Kysely<unknown>) {
      // An embedded database never gathers statistics (PGlite has no autovacuum), and without them
      // PostgreSQL answered "the earliest article with this text" by walking the primary key and
      // filtering every row. With the id in the index the lookup is one index descent whatever
      // the planner knows.
      await db.schema.createIndex('articles_content_hash_id').on('articles').columns(['content_hash', 'id']).execute();
      await db.schema.dropIndex('articles_content_hash').execute();
    },
  },
  '0008_cascade_per_statement': {
    async up(db: Kysely<unknown>) {
      // Every saved article writes some twenty band keys and its figures, and a foreign key checks
      // each of those rows against its article: about a sixth of the cost of saving an article on
      // the embedded database. The store writes them in the same statement as their article, so
      // the check can never fail there; what the keys still did was delete an article's rows with
      // it, which one trigger per DELETE statement now does.
      await sql`alter table figures drop constraint figures_article_id_fkey`.execute(db);
      await sql`alter table article_bands drop constraint article_bands_article_id_fkey`.execute(db);
      await sql`
        create function articles_delete_children() returns trigger language plpgsql as $$
        begin
          delete from figures where article_id in (select id from gone);
          delete from article_bands where article_id in (select id from gone);
          return null;
        end $$`.execute(db);
      await sql`
        create trigger articles_delete_children after delete on articles
        referencing old table as gone for each statement execute function articles_delete_children()`.execute(db);
    },
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
