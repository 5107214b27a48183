import { cleanSubject } from './indicator.ts';
import { COUNTRY, REGION_FIRST_CHARS, regionByMention, type RegionInfo } from './lexicon/regions.ts';

/** Words that stand for the document's own city or province. */
const OWN_CITY = /全市|我市|本市/g;
const OWN_PROVINCE = /(?<![高低快慢于占比较居列])(?:全省|我省|本省)(?![第前各首])/g;

/** Named regions in a text, longest name at each place. */
function* regionMentions(text: string): Generator<string> {
  // Most characters cannot start a name: test that first, then the table, longest first.
  for (let i = 0; i < text.length; i++) {
    const lens = REGION_FIRST_CHARS.get(text.charCodeAt(i));
    if (!lens) continue;
    for (const len of lens) {
      if (i + len > text.length) continue;
      const w = text.substr(i, len);
      if (regionByMention(w)) {
        yield w;
        i += len - 1;
        break;
      }
    }
  }
}

/**
 * The region a document reports on: the city named most often (全市/我市 count for it),
 * unless its province is named clearly more often.
 */
export function detectRegion(text: string): RegionInfo | null {
  const counts = new Map<string, { info: RegionInfo; n: number }>();
  for (const m of regionMentions(text)) {
    const info = regionByMention(m);
    if (!info) continue;
    const c = counts.get(info.name) ?? { info, n: 0 };
    c.n++;
    counts.set(info.name, c);
  }
  let city: { info: RegionInfo; n: number } | null = null;
  let province: { info: RegionInfo; n: number } | null = null;
  for (const c of counts.values()) {
    if (c.info.level === 'city' && (!city || c.n > city.n)) city = c;
    if (c.info.level === 'province' && (!province || c.n > province.n)) province = c;
  }
  const own = (text.match(OWN_CITY) ?? []).length;
  const ownProvince = (text.match(OWN_PROVINCE) ?? []).length;
  const cityScore = city ? city.n + own : 0;
  const provinceScore = province ? province.n + ownProvince : 0;
  if (city && cityScore * 2 >= provinceScore) return city.info;
  if (province) return province.info;
  if (city) return city.info;
  return unlistedCity(text);
}

/** A city missing from the table: the `XX市` the text names most often. */
function unlistedCity(text: string): RegionInfo | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(?<![全我本城各地省县副])([\u4e00-\u9fff]{2,3}市)(?!场)/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  let best: [string, number] | null = null;
  for (const e of counts) if (!best || e[1] > best[1]) best = e;
  return best && best[1] >= 2 ? { name: best[0], level: 'city', province: null } : null;
}

/** A region the context gives by name (`大连`, `大连市`, `辽宁省`). */
export function regionFromName(name: string | null | undefined): RegionInfo | null {
  if (!name) return null;
  return regionByMention(name) ?? regionByMention(name.replace(/(市|省)$/, '')) ?? { name, level: 'city', province: null };
}

const GENERIC_REGIONS = new Set(['全国', '国家', '全省', '我省', '本省', '全市', '我市', '本市']);
// A region named after these is compared with (`高于全国`, `占全省`), not the subject.
const COMPARED = /[高低快慢于占比较居列在与和对]/;
const NOT_SUBJECT_AFTER = /[级第前各首重]/;

function isRegionWord(w: string): boolean {
  return GENERIC_REGIONS.has(w) || regionByMention(w) !== undefined;
}

/** The region a figure is about, from the words before it in its clause. */
export function figureRegion(before: string, doc: RegionInfo | null): string | null {
  let last: string | null = null;
  let lastAt = -1;
  // Clauses are short: trying each start against the name table beats one huge regex.
  for (let i = 0; i < before.length; i++) {
    const lens = REGION_FIRST_CHARS.get(before.charCodeAt(i));
    if (!lens) continue;
    for (const len of lens) {
      if (i + len > before.length) continue;
      const w = before.substr(i, len);
      if (!isRegionWord(w)) continue;
      if (i > 0 && COMPARED.test(before[i - 1])) break;
      if (NOT_SUBJECT_AFTER.test(before.charAt(i + len))) break;
      // Only a region heading its clause is the subject; inside a phrase it names a firm or event.
      if (cleanSubject(before.slice(0, i))) break;
      last = w;
      lastAt = i;
      i += len - 1;
      break;
    }
  }
  if (!last) return doc?.name ?? null;
  if (last === '全国') return COUNTRY.name;
  if (last === '国家') return /首批|共有|共/.test(before.slice(lastAt)) ? COUNTRY.name : doc?.name ?? null;
  if (last === '全市' || last === '我市' || last === '本市') return doc?.name ?? null;
  if (last === '全省' || last === '我省' || last === '本省') return doc ? (doc.level === 'province' ? doc.name : doc.province ?? doc.name) : null;
  return regionByMention(last)?.name ?? doc?.name ?? null;
}
