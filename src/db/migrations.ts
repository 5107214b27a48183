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
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
