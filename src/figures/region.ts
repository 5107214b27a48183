import { gazetteer, type Division } from '../regions/gazetteer.ts';
import { cleanSubject } from './indicator.ts';
import { BARE_ZONE_WORDS, COUNTRY, LOCAL_SUFFIXES, NOT_DISTRICT_BEFORE, NOT_LOCAL_AFTER, OWN_LOCAL_WORDS, PROVINCES, REGION_FIRST_CHARS, REGION_CHAR_MARKS, regionByMention, WIRE_DATELINE, ZONE_ABBREVIATIONS, type RegionInfo } from './lexicon/regions.ts';

/** Words that stand for the document's own city or province. */
const OWN_CITY = /全市|我市|本市/g;
const OWN_PROVINCE = /(?<![高低快慢于占比较居列])(?:全省|我省|本省)(?![第前各首])/g;
const OWN_COUNTY = /(?<![高低快慢于占比较居列])(?:全县|我县|本县)(?![第前各首])/g;
const OWN_ZONE = new RegExp(`(?<![高低快慢于占比较居列])(?:全区|我区|本区|园区)(?![第前各首])|(?<![\\u4e00-\\u9fff])(?:${BARE_ZONE_WORDS.join('|')})(?![第前各首城域级委])`, 'g');
const HAN = /[\u4e00-\u9fff]/;
const LOCAL_SUFFIX_RE = new RegExp(LOCAL_SUFFIXES.join('|'), 'g');
// A district is named by two characters and 区 (`江宁区`, `南岗区`).
const DISTRICT_RE = /(?<=[\u4e00-\u9fff]{2})区/g;
const PROVINCE_BY_NAME = new Map(PROVINCES.map((p) => [p.name, p]));

/**
 * The county or development zone a text names most often. Chinese has no word breaks, so
 * each mention votes for every name of one to four characters before its ending; the
 * name with most votes wins (ties: the longest, `长兴县` over `兴县`).
 */
function localMention(text: string): { name: string; n: number; zone: boolean } | null {
  const votes = new Map<string, number>();
  // Districts only where the text speaks of 全区/我区: too many words end in 区.
  if (/全区|我区|本区/.test(text)) {
    for (const m of text.matchAll(DISTRICT_RE)) {
      if (NOT_LOCAL_AFTER.test(text.charAt(m.index + 1)) || NOT_DISTRICT_BEFORE.includes(text[m.index - 1]) || NOT_DISTRICT_BEFORE.includes(text[m.index - 2])) continue;
      const name = text.slice(m.index - 2, m.index + 1);
      votes.set(name, (votes.get(name) ?? 0) + 1);
    }
  }
  for (const m of text.matchAll(LOCAL_SUFFIX_RE)) {
    if (NOT_LOCAL_AFTER.test(text.charAt(m.index + m[0].length))) continue;
    const end = m.index + m[0].length;
    for (let len = 1; len <= 4 && m.index - len >= 0 && HAN.test(text[m.index - len]); len++) {
      const first = text[m.index - len];
      if (len === 1 && m[0] !== '县') continue;
      if ('全我本各在和与的于及'.includes(first)) break;
      const name = text.slice(m.index - len, end);
      votes.set(name, (votes.get(name) ?? 0) + 1);
    }
  }
  for (const [short, full] of ZONE_ABBREVIATIONS) {
    for (const [name, n] of votes) {
      if (!name.endsWith(short)) continue;
      const long = name.slice(0, -short.length) + full;
      if (votes.has(long)) {
        votes.set(long, (votes.get(long) ?? 0) + n);
        votes.delete(name);
      }
    }
  }
  let best: [string, number] | null = null;
  for (const e of votes) if (!best || e[1] > best[1] || (e[1] === best[1] && e[0].length > best[0].length)) best = e;
  return best && best[1] >= 2 ? { name: best[0], n: best[1], zone: !best[0].endsWith('县') } : null;
}

/** Named regions in a text, longest name at each place. */
function* regionMentions(text: string): Generator<string> {
  // Most characters cannot start a name: test that first, then the table, longest first.
  for (let i = 0; i + 1 < text.length; i++) {
    if (!(REGION_CHAR_MARKS[text.charCodeAt(i)] & 1) || !(REGION_CHAR_MARKS[text.charCodeAt(i + 1)] & 2)) continue;
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
  let cityScore = city ? city.n + own : own;
  const local = localMention(text);
  if (local) {
    // `株洲高新区` names the city too: those mentions are the zone's.
    if (city && local.name.startsWith(city.info.name.replace(/市$/, ''))) cityScore -= local.n;
    const ownLocal = (text.match(local.zone ? OWN_ZONE : OWN_COUNTY) ?? []).length;
    if (local.n + ownLocal > cityScore) return { name: local.name, level: 'county', province: city?.info.name ?? null };
  }
  const provinceScore = province ? province.n + ownProvince : 0;
  // A provincial bulletin may never name its province: 全省 throughout, its cities listed.
  if (!province && city?.info.province && ownProvince > cityScore) {
    const p = PROVINCE_BY_NAME.get(city.info.province);
    if (p) return regionByMention(p.name) ?? null;
  }
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

const GENERIC_REGIONS = new Set(['全国', '国家', '全省', '我省', '本省', '全市', '我市', '本市', ...OWN_LOCAL_WORDS]);
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
    // The document's own county or zone (`株洲高新区`) starts with its city's name.
    if (doc?.level === 'county' && before.startsWith(doc.name, i)) {
      if (cleanSubject(before.slice(0, i))) break;
      last = doc.name;
      lastAt = i;
      i += doc.name.length - 1;
      continue;
    }
    if (i + 1 >= before.length || !(REGION_CHAR_MARKS[before.charCodeAt(i)] & 1) || !(REGION_CHAR_MARKS[before.charCodeAt(i + 1)] & 2)) continue;
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
  if (OWN_LOCAL_WORDS.includes(last) || last === doc?.name) return doc?.name ?? null;
  // A county's report means its prefecture by 全市, unless the county is a city itself (`临江市`).
  if (last === '全市' || last === '我市' || last === '本市') return doc?.level === 'county' && !doc.name.endsWith('市') ? (doc.province ?? doc.name) : (doc?.name ?? null);
  if (last === '全省' || last === '我省' || last === '本省') return doc ? (doc.level === 'province' ? doc.name : doc.level === 'county' ? provinceOf(doc) : doc.province ?? doc.name) : null;
  return regionByMention(last)?.name ?? doc?.name ?? null;
}

/** The province a county lies in (its `province` field holds the prefecture 全市 means). */
function provinceOf(county: RegionInfo): string {
  let d = gazetteer().resolve(county.name);
  while (d?.parent) d = d.parent;
  return d?.name ?? county.province ?? county.name;
}

/** The lexicon's view of a division of the gazetteer: a county keeps its prefecture as the city 全市 means. */
export function regionOfDivision(d: Division): RegionInfo {
  if (d.level === 'province') return { name: d.name, level: d.name.endsWith('市') ? 'city' : 'province', province: d.name.endsWith('市') ? d.name : null };
  if (d.level === 'prefecture') return { name: d.name, level: 'city', province: d.parent?.name ?? null };
  return { name: d.name, level: 'county', province: d.parent?.name ?? null };
}

/**
 * The region a document reports on. The source's region (from its selectors file) wins when
 * the text names it, by full or short name: a county site's report that also names its city
 * many times is still the county's. Otherwise the region the text itself names most, and the
 * source's region only when the text names none.
 */
export function documentRegion(raw: string, source: string | null | undefined): RegionInfo | null {
  // `新华社北京11月13日电`: where the agency filed from, not what the story is about.
  const text = raw.includes('电') ? raw.replace(WIRE_DATELINE, '') : raw;
  const division = source ? gazetteer().resolve(source) : null;
  if (division && (text.includes(division.name) || (division.short && text.includes(division.short)))) return regionOfDivision(division);
  return detectRegion(text) ?? (division ? regionOfDivision(division) : regionFromName(source));
}
