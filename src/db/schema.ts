import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface SourcesTable {
  id: string;
  name: string;
  region: string;
  /** Last time the selectors file was loaded into the database. */
  synced_at: Timestamp;
  last_crawl_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  last_crawl_status: string | null;
  last_crawl_summary: Json<CrawlSummaryJson | null> | null;
}

export interface CrawlSummaryJson {
  [key: string]: unknown;
}

export interface ArticlesTable {
  id: Generated<number>;
  source_id: string;
  /** Canonical URL: fragment, tracking parameters and default ports dropped. */
  url: string;
  title: string;
  published_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  region: string | null;
  raw_hash: string;
  /** Hash of the normalised text: the same story under two URLs has the same one. */
  content_hash: string;
  clean_text: string;
  relevant: boolean;
  relevance: Json<{ score: number; reasons: string[] }>;
  /** Set when the same text was stored first under another URL. */
  duplicate_of: number | null;
  fetched_at: Timestamp;
  updated_at: Timestamp;
}

export interface FiguresTable {
  id: Generated<number>;
  article_id: number;
  tier: number;
  region: string | null;
  period: string | null;
  indicator: string;
  kind: string;
  value: number;
  unit: string;
  basis: string | null;
  target: boolean;
  quote: string;
}

export interface SubscribersTable {
  id: Generated<number>;
  email: string;
  name: string | null;
  /** Regions the subscriber follows; empty means all. */
  regions: Json<string[]>;
  keywords: Json<string[]>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface DeliveriesTable {
  id: Generated<number>;
  subscriber_id: number;
  created_at: CreatedAt;
  /** Articles fetched in [period_start, period_end) were considered for this digest. */
  period_start: Timestamp;
  period_end: Timestamp;
  article_count: number;
  status: 'sent' | 'failed';
  transport: string;
  message_id: string | null;
  location: string | null;
  error: string | null;
}

export interface CrawlRunsTable {
  id: Generated<number>;
  source_id: string;
  started_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  status: string;
  summary: Json<CrawlSummaryJson | null> | null;
}

export interface Database {
  sources: SourcesTable;
  articles: ArticlesTable;
  figures: FiguresTable;
  subscribers: SubscribersTable;
  deliveries: DeliveriesTable;
  crawl_runs: CrawlRunsTable;
}

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type FigureRow = Selectable<FiguresTable>;
export type SubscriberRow = Selectable<SubscribersTable>;
export type DeliveryRow = Selectable<DeliveriesTable>;
