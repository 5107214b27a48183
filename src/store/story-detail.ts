import type { Db } from '../db/connect.ts';
import { reconcileFigures, type FigureConflict, type PlacedFigure } from '../dedup/figure-agreement.ts';
import { storiesWithPrimary, storyPlaces, withPlaces, type StoryPlace, type StorySummary } from './stories.ts';

/** A figure of a story, with the place that states it. */
export type StoryFigure = PlacedFigure & { tier: number; quote: string };

export interface StoryFigures {
  /** Each stated fact once, tier 1 first. */
  figures: StoryFigure[];
  /** Facts on which the story's places disagree. */
  conflicts: FigureConflict[];
}

/** The figures of every place of each story, reconciled per story (as the digest shows them). */
export async function storyFigures(db: Db, storyIds: number[]): Promise<Map<number, StoryFigures>> {
  const out = new Map<number, StoryFigures>();
  if (!storyIds.length) return out;
  const rows = await db
    .selectFrom('figures as f')
    .innerJoin('articles as a', 'a.id', 'f.article_id')
    .leftJoin('sources as s', 's.id', 'a.source_id')
    .select(['f.tier', 'f.indicator', 'f.kind', 'f.value', 'f.unit', 'f.period', 'f.region', 'f.basis', 'f.target', 'f.quote', 'a.id as article_id', 'a.story_id', 'a.url', 'a.source_id', 's.name as source_name'])
    .where('a.story_id', 'in', storyIds)
    .orderBy('f.tier')
    .orderBy('a.fetched_at')
    .orderBy('f.id')
    .execute();
  const byStory = new Map<number, StoryFigure[]>();
  for (const r of rows) {
    const list = byStory.get(r.story_id!) ?? [];
    list.push({
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
      url: r.url,
      sourceName: r.source_name ?? r.source_id,
    });
    byStory.set(r.story_id!, list);
  }
  for (const [id, figures] of byStory) {
    const { kept, conflicts } = reconcileFigures(figures);
    out.set(id, { figures: kept, conflicts });
  }
  return out;
}

export interface StoryDetail extends StorySummary, StoryFigures {
  /** Every place the story appeared, its primary article first. */
  places: StoryPlace[];
  /** The primary article's text. */
  text: string;
}

/** One story as its own page shows it; undefined when there is no such story. */
export async function storyDetail(db: Db, storyId: number): Promise<StoryDetail | undefined> {
  const row = await storiesWithPrimary(db).select('p.clean_text').where('stories.id', '=', storyId).executeTakeFirst();
  if (!row) return undefined;
  const { clean_text, ...summaryRow } = row;
  const [summary] = await withPlaces(db, [summaryRow]);
  const places = (await storyPlaces(db, [storyId])).get(storyId) ?? [];
  const figures = (await storyFigures(db, [storyId])).get(storyId) ?? { figures: [], conflicts: [] };
  return { ...summary, ...figures, places, text: clean_text };
}
