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
  /** The story this article is one place of. */
  story_id: number | null;
  /** Length of the text deduplication compares, to prefer the fuller version of a story. */
  dedup_length: Generated<number>;
  /** The text as deduplication compares it, and its telling numbers (space-separated); null on rows older than 0004. */
  dedup_text: string | null;
  dedup_numbers: string | null;
  /** Converted from traditional characters: a mirror's copy, never a story's primary. */
  mirror: Generated<boolean>;
  /** Set when the page's text changed after it was first stored, or it revises an earlier page of its source. */
  revised_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface StoriesTable {
  id: Generated<number>;
  /** The article shown for the story: official before mirror, fuller before shorter, earlier before later. */
  primary_article_id: number | null;
  first_seen_at: Timestamp;
  updated_at: Timestamp;
  /** Last time a place of the story was revised; a revised story is not sent as new again. */
  revised_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ArticleBandsTable {
  /** One LSH band key of the article's MinHash signature (src/dedup/minhash.ts). */
  band: string;
  article_id: number;
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
  /** Source ids the subscriber follows; empty means all. */
  sources: ColumnType<string[], string | undefined, string>;
  frequency: Generated<'daily' | 'weekly'>;
  /** Local hour (0–23) the digest goes out, in `timezone`. */
  hour: Generated<number>;
  /** Day of the week of a weekly digest: 1 Monday … 7 Sunday. */
  weekday: Generated<number>;
  timezone: Generated<string>;
  /** Language of the mail's frame; scraped text is never translated. */
  lang: Generated<'zh' | 'en'>;
  /** Null until the address confirmed the subscription (double opt-in); nothing is sent before. */
  confirmed_at: NullableTime;
  /** Last confirmation mail, and how many were sent: the per-address rate limit. */
  confirm_sent_at: NullableTime;
  confirm_sends: Generated<number>;
  unsubscribed_at: NullableTime;
  /** Last permanent SMTP rejection (5xx) of a digest to this address. */
  rejected_at: NullableTime;
  rejection: Generated<string | null>;
}

type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface DeliveriesTable {
  id: Generated<number>;
  subscriber_id: number;
  created_at: CreatedAt;
  /** Articles fetched in [period_start, period_end) were considered for this digest. */
  period_start: Timestamp;
  period_end: Timestamp;
  article_count: number;
  /**
   * `pending` claimed, not yet tried; `sending` an attempt holds it; `sent` accepted by the server;
   * `failed` temporary failure (retried); `rejected` permanent failure (5xx); `empty` nothing new.
   */
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'rejected' | 'empty';
  transport: string;
  message_id: string | null;
  location: string | null;
  error: string | null;
  /** The digest period (`daily:2026-12-02`, `weekly:2026-W49`); one delivery per subscriber and key. */
  period_key: Generated<string | null>;
  attempts: Generated<number>;
  /** The job that holds the current attempt, and until when, so a crashed attempt can be taken over. */
  claimed_by: Generated<string | null>;
  lease_until: NullableTime;
  sent_at: NullableTime;
}

export interface CrawlRunsTable {
  id: Generated<number>;
  source_id: string;
  started_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  status: string;
  summary: Json<CrawlSummaryJson | null> | null;
}

/** Conditional-request validators of a fetched page, keyed by its URL. */
export interface HttpCacheTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  updated_at: Timestamp;
}

export interface Database {
  sources: SourcesTable;
  articles: ArticlesTable;
  figures: FiguresTable;
  subscribers: SubscribersTable;
  deliveries: DeliveriesTable;
  crawl_runs: CrawlRunsTable;
  stories: StoriesTable;
  article_bands: ArticleBandsTable;
  http_cache: HttpCacheTable;
}

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
export type StoryRow = Selectable<StoriesTable>;
export type FigureRow = Selectable<FiguresTable>;
export type SubscriberRow = Selectable<SubscribersTable>;
export type DeliveryRow = Selectable<DeliveriesTable>;
