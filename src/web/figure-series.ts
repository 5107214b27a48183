import { reconcileFigures } from '../dedup/figure-agreement.ts';
import type { SeriesPoint } from '../store/figures.ts';

/** A value of the measure in one region and period, with every report that states it. */
export interface ExplorerValue {
  region: string;
  period: string;
  value: number;
  unit: string;
  basis: string | null;
  /** Reports stating this value, the earliest fetched first. */
  reports: { articleId: number; storyId: number | null; url: string; title: string; sourceName: string; publishedAt: Date | null }[];
  /** Another source states a different value for the same region, period and basis. */
  conflict: boolean;
}

export interface ExplorerSeries {
  region: string;
  values: ExplorerValue[];
}

/**
 * The stated values of one measure grouped per region: each distinct value once (a story
 * copied by three sites is one point with three reports), conflicting values marked by the
 * digest's rule (figure-agreement.ts: places that contradict each other).
 */
export function explorerSeries(regions: string[], points: SeriesPoint[]): ExplorerSeries[] {
  const { conflicts } = reconcileFigures(points.map((p) => ({ ...p, indicator: '', kind: '', target: false })));
  return regions.map((region) => {
    const values: ExplorerValue[] = [];
    for (const p of points.filter((x) => x.region === region)) {
      let v = values.find((x) => x.period === p.period && x.unit === p.unit && x.basis === p.basis && x.value === p.value);
      if (!v) {
        v = { region, period: p.period, value: p.value, unit: p.unit, basis: p.basis, reports: [], conflict: false };
        values.push(v);
      }
      if (!v.reports.some((r) => r.articleId === p.articleId)) {
        v.reports.push({ articleId: p.articleId, storyId: p.storyId, url: p.url, title: p.title, sourceName: p.sourceName, publishedAt: p.publishedAt });
      }
    }
    for (const v of values) {
      v.conflict = conflicts.some((c) => c.region === region && c.period === v.period && c.values.some((x) => x.unit === v.unit && x.value === v.value));
    }
    values.sort((a, b) => comparePeriods(a.period, b.period) || a.value - b.value);
    return { region, values };
  });
}

/**
 * Period keys (`2026`, `2026-10`, `2026-01~2026-09`) in time order: by the month they end, a
 * longer span (the cumulative 1–9月) before the month alone, then as text.
 */
export function comparePeriods(a: string, b: string): number {
  const end = (p: string) => { const last = p.split('~').pop()!; return /^\d{4}$/.test(last) ? `${last}-12` : last; };
  return end(a).localeCompare(end(b)) || b.length - a.length || a.localeCompare(b);
}
