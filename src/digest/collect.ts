import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { figureKey, reconcileFigures, type FigureConflict, type PlacedFigure } from '../dedup/figure-agreement.ts';
import type { Figure } from '../figures/types.ts';
import { storiesWithPrimary, storyPlaces } from '../store/stories.ts';

/** A stored figure: as extracted, with its tier and kind as the database gives them back. */
export type DigestFigure = Omit<Figure, 'tier' | 'kind'> & { tier: number; kind: string };

export interface DigestEntry {
  storyId?: number;
  /** The story's primary article, whose title and link the entry shows. */
  articleId: number;
  title: string;
  url: string;
  sourceName: string;
  region: string | null;
  publishedAt: Date | null;
  /** The figures of every place of the story, each stated value once. */
  figures: DigestFigure[];
  /** The other places the story appeared. */
  alsoAt: { url: string; sourceName: string }[];
  /** First sent in an earlier digest; here because a place of it was revised since. */
  revised?: boolean;
  /** Figures on which places of this story, or stories of the same region and period, disagree. */
  conflicts?: FigureConflict[];
}

export interface Digest {
  since: Date;
  until: Date;
  entries: DigestEntry[];
  /** Stories first seen in the period that are not reports (kept, not mailed). */
  notReports: number;
}

export interface DigestFilter {
  since: Date;
  until: Date;
  /** Only these regions; all when empty. */
  regions?: string[];
  /** Only stories whose title or text contains one of these; all when empty. */
  keywords?: string[];
}

type FigureRow = DigestFigure & PlacedFigure & { storyId: number };

/**
 * The stories first seen in a period, and those revised in it, one entry per story with every
 * place it appeared, newest first. A story is in when any of its places is a report that
 * passes the filter.
 */
export async function collectDigest(db: Db, filter: DigestFilter): Promise<Digest> {
  const { since, until } = filter;
  const words = filter.keywords ?? [];
  const regions = filter.regions ?? [];
  const rows = await storiesWithPrimary(db)
    .where((eb) =>
      eb.or([
        eb.and([eb('stories.first_seen_at', '>=', since), eb('stories.first_seen_at', '<', until)]),
        eb.and([eb('stories.first_seen_at', '<', since), eb('stories.revised_at', '>=', since), eb('stories.revised_at', '<', until)]),
      ]),
    )
    .where(({ exists, selectFrom }) => {
      let places = selectFrom('articles as a').select('a.id').whereRef('a.story_id', '=', 'stories.id').where('a.relevant', '=', true);
      if (regions.length) places = places.where('a.region', 'in', regions);
      if (words.length) {
        places = places.where((eb) =>
          eb.or(words.flatMap((w) => [eb('a.title', 'like', `%${escapeLike(w)}%`), eb('a.clean_text', 'like', `%${escapeLike(w)}%`)])),
        );
      }
      return exists(places);
    })
    .orderBy(sql`coalesce(p.published_at, p.fetched_at)`, 'desc')
    .orderBy('stories.id', 'desc')
    .execute();

  const { count } = await db
    .selectFrom('stories')
    .where('first_seen_at', '>=', since)
    .where('first_seen_at', '<', until)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('articles as a').select('a.id').whereRef('a.story_id', '=', 'stories.id').where('a.relevant', '=', true))),
    )
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();

  const storyIds = rows.map((r) => r.story_id);
  const places = await storyPlaces(db, storyIds);
  const figures = await storyFigures(db, storyIds);
  const related = await relatedFigures(db, figures);

  return {
    since,
    until,
    notReports: Number(count),
    entries: rows.map((r) => {
      const own = figures.filter((f) => f.storyId === r.story_id);
      // The primary article's figures come first, so the kept quote is the primary's own.
      own.sort((a, b) => Number(b.articleId === r.id) - Number(a.articleId === r.id));
      const { kept, conflicts } = reconcileFigures(own);
      const ownKeys = new Set(kept.map(figureKey));
      const elsewhere = related.filter((f) => f.storyId !== r.story_id && ownKeys.has(figureKey(f)));
      const across = reconcileFigures([...kept, ...elsewhere]).conflicts;
      return {
        storyId: r.story_id,
        articleId: r.id,
        title: r.title,
        url: r.url,
        sourceName: r.source_name ?? r.source_id,
        region: r.region,
        publishedAt: r.published_at,
        figures: kept
          .sort((a, b) => a.tier - b.tier)
          .map(({ tier, indicator, kind, value, unit, period, region, basis, target, quote }) => ({
            tier, indicator, kind, value, unit, period, region, basis, target, quote,
          })),
        alsoAt: (places.get(r.story_id) ?? []).filter((p) => p.articleId !== r.id).map((p) => ({ url: p.url, sourceName: p.sourceName })),
        revised: r.first_seen_at < since,
        conflicts: mergeConflicts([...conflicts, ...across]),
      };
    }),
  };
}

/** Figures with the article, story and source they were stated in. */
function placedFigures(db: Db) {
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
    ])
    .orderBy('articles.fetched_at')
    .orderBy('figures.id');
}

async function storyFigures(db: Db, storyIds: number[]): Promise<FigureRow[]> {
  if (!storyIds.length) return [];
  const rows = await placedFigures(db).where('articles.story_id', 'in', storyIds).execute();
  return rows.map(toFigure);
}

/** Figures of other stories about the same indicator, region and period: a conflict across stories. */
async function relatedFigures(db: Db, figures: FigureRow[]): Promise<FigureRow[]> {
  const keyed = figures.filter((f) => f.region !== null && f.period !== null);
  if (!keyed.length) return [];
  const storyIds = [...new Set(figures.map((f) => f.storyId))];
  const triples = [...new Map(keyed.map((f) => [`${f.indicator}\u0001${f.region}\u0001${f.period}`, f])).values()];
  const rows = await placedFigures(db)
    .where((eb) =>
      eb.or(triples.map((f) => eb.and([eb('figures.indicator', '=', f.indicator), eb('figures.region', '=', f.region), eb('figures.period', '=', f.period)]))),
    )
    .where('articles.story_id', 'not in', storyIds)
    .execute();
  return rows.map(toFigure);
}

type PlacedFigureRow = Awaited<ReturnType<ReturnType<typeof placedFigures>['execute']>>[number];

function toFigure(r: PlacedFigureRow): FigureRow {
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

/** A disagreement found both within the story and across stories is reported once, with every place. */
function mergeConflicts(conflicts: FigureConflict[]): FigureConflict[] {
  const out = new Map<string, FigureConflict>();
  for (const c of conflicts) {
    const k = figureKey({ ...c, basis: null });
    const seen = out.get(k);
    if (!seen) {
      out.set(k, { ...c, values: c.values.map((v) => ({ ...v, places: [...v.places] })) });
      continue;
    }
    for (const v of c.values) {
      const same = seen.values.find((x) => x.unit === v.unit && x.value === v.value);
      if (!same) seen.values.push({ ...v, places: [...v.places] });
      else for (const p of v.places) if (!same.places.some((q) => q.url === p.url)) same.places.push(p);
    }
  }
  return [...out.values()];
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
