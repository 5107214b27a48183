import type { Figure } from '../figures/types.ts';

/** A figure and where it was reported. */
export type PlacedFigure = Pick<Figure, 'indicator' | 'value' | 'unit' | 'period' | 'region' | 'basis' | 'target'> & {
  kind: string;
  articleId: number;
  sourceName: string;
  url: string;
};

export interface FigureConflict {
  indicator: string;
  kind: string;
  period: string | null;
  region: string | null;
  target: boolean;
  /** Each value stated, with the places that state it. */
  values: { value: number; unit: string; places: { sourceName: string; url: string }[] }[];
}

/** Two figures speak of the same thing when all of these agree. */
export function figureKey(f: Pick<PlacedFigure, 'indicator' | 'kind' | 'period' | 'region' | 'basis' | 'target'>): string {
  return [f.indicator, f.kind, f.period ?? '', f.region ?? '', f.basis ?? '', f.target ? 'target' : 'actual'].join('\u0001');
}

function sameValue(a: { value: number; unit: string }, b: { value: number; unit: string }): boolean {
  return a.unit === b.unit && Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
}

/**
 * The figures of several places, each fact once (the first place that states it wins), and the
 * facts on which places disagree. Different values within one article are different facts (a
 * sub-sector, another table row); only places that contradict each other are a conflict.
 */
export function reconcileFigures<T extends PlacedFigure>(figures: T[]): { kept: T[]; conflicts: FigureConflict[] } {
  const kept: T[] = [];
  const byKey = new Map<string, T[]>();
  for (const f of figures) {
    const k = figureKey(f);
    const same = byKey.get(k) ?? [];
    if (!same.some((g) => sameValue(f, g))) kept.push(f);
    byKey.set(k, [...same, f]);
  }
  const conflicts: FigureConflict[] = [];
  for (const group of byKey.values()) {
    const values: FigureConflict['values'] = [];
    for (const f of group) {
      let v = values.find((x) => sameValue(x, f));
      if (!v) values.push((v = { value: f.value, unit: f.unit, places: [] }));
      if (!v.places.some((p) => p.url === f.url)) v.places.push({ sourceName: f.sourceName, url: f.url });
    }
    if (values.length < 2) continue;
    // Places that disagree: some value is stated by a place that does not state the other.
    const urlsOf = (v: FigureConflict['values'][number]) => new Set(v.places.map((p) => p.url));
    const disagree = values.some((a, i) => values.some((b, j) => i !== j && [...urlsOf(a)].some((u) => !urlsOf(b).has(u)) && [...urlsOf(b)].some((u) => !urlsOf(a).has(u))));
    if (!disagree) continue;
    const f = group[0];
    conflicts.push({ indicator: f.indicator, kind: f.kind, period: f.period, region: f.region, target: f.target, values });
  }
  return { kept, conflicts };
}
