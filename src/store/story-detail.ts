import type { Db } from '../db/connect.ts';
import { reconcileFigures, type FigureConflict, type PlacedFigure } from '../dedup/figure-agreement.ts';
import { placedFigureOf, placedFigures } from './figures.ts';
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
  const rows = await placedFigures(db).where('articles.story_id', 'in', storyIds).orderBy('figures.tier').orderBy('articles.fetched_at').orderBy('figures.id').execute();
  const byStory = new Map<number, StoryFigure[]>();
  for (const row of rows) {
    const { storyId, ...figure } = placedFigureOf(row);
    const list = byStory.get(storyId) ?? [];
    list.push(figure);
    byStory.set(storyId, list);
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
