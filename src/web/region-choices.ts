import { regionNames } from '../digest/preferences.ts';
import { gazetteer, type Division } from '../regions/gazetteer.ts';
import type { SourceRegistry } from '../sources/registry.ts';

/** A province and the regions of the sources inside it, as a form offers them. */
export interface ProvinceChoice {
  province: string;
  /** The province's cities (and counties) that sources report on, or all its cities when a source covers the whole province. */
  members: string[];
}

export interface RegionChoices {
  provinces: ProvinceChoice[];
  /** Source regions the gazetteer does not know (`全国`, a demo city): offered as they are, in filters only. */
  other: string[];
}

/**
 * The regions a subscriber can follow, derived from the sources' regions: grouped by province,
 * so a province can be picked whole or city by city. A source covering a whole province offers
 * each of its prefectures.
 */
export function regionChoices(sources: SourceRegistry): RegionChoices {
  const g = gazetteer();
  const byProvince = new Map<string, Set<string>>();
  const other = new Set<string>();
  for (const { region } of sources.all()) {
    const d = g.resolve(region);
    if (!d) {
      other.add(region);
      continue;
    }
    const province = g.lineage(d).at(-1)!;
    const members = byProvince.get(province.name) ?? new Set<string>();
    if (d.level === 'province') for (const p of prefecturesOf(d)) members.add(p.name);
    else members.add(d.name);
    byProvince.set(province.name, members);
  }
  const provinces = [...byProvince].map(([province, members]) => ({ province, members: [...members].sort(byCode) })).sort((a, b) => byCode(a.province, b.province));
  return { provinces, other: [...other].sort() };
}

/** Every name an article's region may carry inside the region a filter names (a province includes its cities); the name itself when the gazetteer does not know it. */
export function regionFilterNames(region: string): string[] {
  return gazetteer().resolve(region) ? regionNames([region]) : [region];
}

function prefecturesOf(province: Division): Division[] {
  return gazetteer()
    .all()
    .filter((d) => d.level === 'prefecture' && d.parent === province);
}

function byCode(a: string, b: string): number {
  const code = (n: string) => gazetteer().resolve(n)?.code ?? n;
  return code(a).localeCompare(code(b));
}
