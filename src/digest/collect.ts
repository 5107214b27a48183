import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { figureKey, reconcileFigures, type FigureConflict } from '../dedup/figure-agreement.ts';
import type { Figure } from '../figures/types.ts';
import { placedFigureOf, placedFigures, type PlacedFigureRow } from '../store/figures.ts';
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
  /** The opening of the primary article's text, for a two-line lead. */
  lead: string;
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
  /** The headline figures of the period beside the previous value held for each. */
  glance: GlanceRow[];
}

/** One headline figure of the digest and the value indwatch held before for the same measure. */
export interface GlanceRow {
  region: string;
  figure: DigestFigure;
  /** Same region, indicator, kind and basis, in the matching earlier period. */
  previous: { period: string; value: number; unit: string } | null;
  direction: 'up' | 'down' | 'same' | null;
  /** Sources disagree on this figure. */
  conflict: boolean;
}

export interface DigestFilter {
  since: Date;
  until: Date;
  /** Only these regions; all when empty. */
  regions?: string[];
  /** Only stories whose title or text contains one of these; all when empty. */
  keywords?: string[];
  /** Only stories with a place from one of these sources; all when empty. */
  sources?: string[];
}

type FigureRow = PlacedFigureRow;

/**
 * The stories first seen in a period, and those revised in it, one entry per story with every
 * place it appeared, newest first. A story is in when any of its places is a report that
 * passes the filter.
 */
export async function collectDigest(db: Db, filter: DigestFilter): Promise<Digest> {
  const { since, until } = filter;
  const words = filter.keywords ?? [];
  const regions = filter.regions ?? [];
  const sources = filter.sources ?? [];
  const rows = await storiesWithPrimary(db)
    .select(sql<string>`left(p.clean_text, 240)`.as('lead'))
    .where((eb) =>
      eb.or([
        eb.and([eb('stories.first_seen_at', '>=', since), eb('stories.first_seen_at', '<', until)]),
        eb.and([eb('stories.first_seen_at', '<', since), eb('stories.revised_at', '>=', since), eb('stories.revised_at', '<', until)]),
      ]),
    )
    .where(({ exists, selectFrom }) => {
      let places = selectFrom('articles as a').select('a.id').whereRef('a.story_id', '=', 'stories.id').where('a.relevant', '=', true);
      if (regions.length) places = places.where('a.region', 'in', regions);
      if (sources.length) places = places.where('a.source_id', 'in', sources);
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

  const entries = rows.map((r): DigestEntry => {
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
        lead: r.lead,
        figures: kept
          .sort((a, b) => a.tier - b.tier)
          .map(({ tier, indicator, kind, value, unit, period, region, basis, target, quote }) => ({
            tier, indicator, kind, value, unit, period, region, basis, target, quote,
          })),
        alsoAt: (places.get(r.story_id) ?? []).filter((p) => p.articleId !== r.id).map((p) => ({ url: p.url, sourceName: p.sourceName })),
        revised: r.first_seen_at < since,
        conflicts: mergeConflicts([...conflicts, ...across]),
      };
  });
  return { since, until, notReports: Number(count), entries, glance: await glance(db, entries, until) };
}

/** Headline figures shown per region at the top of the digest. */
const GLANCE_PER_REGION = 4;

/**
 * "Figures at a glance": per region, the first tier-1 figures of the digest (stated values,
 * not targets), each beside the latest value held for the matching earlier period.
 */
async function glance(db: Db, entries: DigestEntry[], until: Date): Promise<GlanceRow[]> {
  const picked = new Map<string, GlanceRow[]>();
  for (const e of entries) {
    for (const f of e.figures) {
      const region = f.region ?? e.region;
      if (f.tier !== 1 || f.target || !region || !f.period) continue;
      const rows = picked.get(region) ?? [];
      if (rows.length >= GLANCE_PER_REGION || rows.some((g) => g.figure.indicator === f.indicator && g.figure.kind === f.kind)) continue;
      const conflict = (e.conflicts ?? []).some((c) => c.indicator === f.indicator && c.period === f.period && (c.region ?? region) === region);
      rows.push({ region, figure: f, previous: null, direction: null, conflict });
      picked.set(region, rows);
    }
  }
  const rows = [...picked.values()].flat();
  const wanted = rows.map((g) => ({ g, prev: previousPeriod(g.figure.period!) })).filter((x) => x.prev !== null);
  if (!wanted.length) return rows;
  const found = await db
    .selectFrom('figures')
    .innerJoin('articles', 'articles.id', 'figures.article_id')
    .select(['figures.region', 'figures.indicator', 'figures.kind', 'figures.basis', 'figures.period', 'figures.value', 'figures.unit'])
    .where('figures.target', '=', false)
    .where('articles.fetched_at', '<', until)
    .where((eb) =>
      eb.or(
        wanted.map(({ g, prev }) =>
          eb.and([eb('figures.region', '=', g.region), eb('figures.indicator', '=', g.figure.indicator), eb('figures.kind', '=', g.figure.kind), eb('figures.period', '=', prev!)]),
        ),
      ),
    )
    .orderBy('articles.fetched_at', 'desc')
    .execute();
  for (const { g, prev } of wanted) {
    const hit = found.find(
      (f) => f.region === g.region && f.indicator === g.figure.indicator && f.kind === g.figure.kind && f.period === prev && f.unit === g.figure.unit && (f.basis ?? null) === (g.figure.basis ?? null),
    );
    if (!hit) continue;
    g.previous = { period: hit.period!, value: hit.value, unit: hit.unit };
    g.direction = g.figure.value > hit.value ? 'up' : g.figure.value < hit.value ? 'down' : 'same';
  }
  return rows;
}

/**
 * The period a figure is compared with: the year before a year, the month before a month, the
 * cumulative months to the month before (1—9月 → 1—8月), a span the same length just before it.
 */
export function previousPeriod(period: string): string | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  let m = period.match(/^(\d{4})$/);
  if (m) return String(Number(m[1]) - 1);
  m = period.match(/^(\d{4})-(\d{2})$/);
  if (m) return Number(m[2]) === 1 ? `${Number(m[1]) - 1}-12` : `${m[1]}-${pad(Number(m[2]) - 1)}`;
  m = period.match(/^(\d{4})-(\d{2})~(\d{4})-(\d{2})$/);
  if (!m || m[1] !== m[3]) return null;
  const [y, a, b] = [m[1], Number(m[2]), Number(m[4])];
  if (a === 1) return b - 1 === 1 ? `${y}-01` : `${y}-01~${y}-${pad(b - 1)}`;
  const len = b - a + 1;
  if (a - len < 1) return null;
  return `${y}-${pad(a - len)}~${y}-${pad(b - len)}`;
}

async function storyFigures(db: Db, storyIds: number[]): Promise<FigureRow[]> {
  if (!storyIds.length) return [];
  const rows = await placedFigures(db).where('articles.story_id', 'in', storyIds).orderBy('articles.fetched_at').orderBy('figures.id').execute();
  return rows.map(placedFigureOf);
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
    .orderBy('articles.fetched_at')
    .orderBy('figures.id')
    .execute();
  return rows.map(placedFigureOf);
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
