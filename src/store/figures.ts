import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { PlacedFigure } from '../dedup/figure-agreement.ts';

/** One stated value of a measure, with the report it came from. */
export interface SeriesPoint {
  region: string;
  period: string;
  value: number;
  unit: string;
  basis: string | null;
  articleId: number;
  storyId: number | null;
  url: string;
  title: string;
  sourceName: string;
  publishedAt: Date | null;
}

/** A measure a region's figures can be charted by: an indicator and its kind, with how often it is stated. */
export interface MeasureChoice {
  indicator: string;
  kind: string;
  count: number;
}

export interface FigureChoices {
  /** Regions with figures, the most stated first. */
  regions: string[];
  /** Indicator and kind pairs, the most stated first (at most `limit`). */
  measures: MeasureChoice[];
}

/** The regions and measures there are figures for: what the figures explorer offers to choose. */
export async function figureChoices(db: Db, limit = 300): Promise<FigureChoices> {
  const regions = await db
    .selectFrom('figures')
    .select(['region', (eb) => eb.fn.countAll<number>().as('n')])
    .where('region', 'is not', null)
    .where('period', 'is not', null)
    .where('target', '=', false)
    .groupBy('region')
    .orderBy('n', 'desc')
    .orderBy('region')
    .limit(limit)
    .execute();
  const measures = await db
    .selectFrom('figures')
    .select(['indicator', 'kind', sql<number>`count(*)::int`.as('count')])
    .where('period', 'is not', null)
    .where('target', '=', false)
    .groupBy(['indicator', 'kind'])
    .orderBy('count', 'desc')
    .orderBy('indicator')
    .orderBy('kind')
    .limit(limit)
    .execute();
  return { regions: regions.map((r) => r.region!), measures };
}

export interface SeriesRequest {
  /** Regions exactly as the figures name them. */
  regions: string[];
  indicator: string;
  kind: string;
}

/**
 * Every actual (not target) value stated for the measure in the regions, with its report,
 * ordered by region, period and value. Periods are the extractor's keys (`2026`, `2026-10`,
 * `2026-01~2026-09`), which sort in time order as text within one shape.
 */
export async function figureSeries(db: Db, request: SeriesRequest): Promise<SeriesPoint[]> {
  if (!request.regions.length) return [];
  const rows = await db
    .selectFrom('figures as f')
    .innerJoin('articles as a', 'a.id', 'f.article_id')
    .leftJoin('sources as s', 's.id', 'a.source_id')
    .select([
      'f.region',
      'f.period',
      'f.value',
      'f.unit',
      'f.basis',
      'a.id as article_id',
      'a.story_id',
      'a.url',
      'a.title',
      'a.source_id',
      's.name as source_name',
      'a.published_at',
    ])
    .where('f.region', 'in', request.regions)
    .where('f.indicator', '=', request.indicator)
    .where('f.kind', '=', request.kind)
    .where('f.target', '=', false)
    .where('f.period', 'is not', null)
    .orderBy('f.region')
    .orderBy('f.period')
    .orderBy('a.fetched_at')
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    region: r.region!,
    period: r.period!,
    value: r.value,
    unit: r.unit,
    basis: r.basis,
    articleId: r.article_id,
    storyId: r.story_id,
    url: r.url,
    title: r.title,
    sourceName: r.source_name ?? r.source_id,
    publishedAt: r.published_at,
  }));
}

/** A stored figure with the article, story and source that state it (what the digest and a story's page show). */
export type PlacedFigureRow = PlacedFigure & { tier: number; quote: string; storyId: number };

/** Figures with the article, story and source they were stated in; the caller filters and orders. */
export function placedFigures(db: Db) {
  return db
    .selectFrom('figures')
    .innerJoin('articles', 'articles.id', 'figures.article_id')
    .leftJoin('sources', 'sources.id', 'articles.source_id')
    .select([
      'figures.tier',
      'figures.indicator',
      'figures.kind',
      'figures.value',
      'figures.unit',
      'figures.period',
      'figures.region',
      'figures.basis',
      'figures.target',
      'figures.quote',
      'figures.article_id',
      'articles.story_id',
      'articles.url',
      'articles.source_id',
      'sources.name as source_name',
    ]);
}

type PlacedFigureSelection = Awaited<ReturnType<ReturnType<typeof placedFigures>['execute']>>[number];

/** A row of `placedFigures` as the digest and the pages use it; an article outside any story stands for its own. */
export function placedFigureOf(r: PlacedFigureSelection): PlacedFigureRow {
  return {
    tier: r.tier,
    indicator: r.indicator,
    kind: r.kind,
    value: r.value,
    unit: r.unit,
    period: r.period,
    region: r.region,
    basis: r.basis,
    target: r.target,
    quote: r.quote,
    articleId: r.article_id,
    storyId: r.story_id ?? -r.article_id,
    url: r.url,
    sourceName: r.source_name ?? r.source_id,
  };
}
