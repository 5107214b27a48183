import { beforeGrowthCue, cleanSubject } from '../indicator.ts';
import { regionByMention, ZONES } from '../lexicon/regions.ts';
import { gazetteer } from '../../regions/gazetteer.ts';

// A place heading a clause: a listed region, or any name the gazetteer knows ending in a division word.
const ZONE_NAMES = ZONES.flatMap((z) => [z.name, ...z.short]).sort((a, b) => b.length - a.length);
const PLACE = new RegExp(`(?:^|[,:;、()和及与其中])([\\u4e00-\\u9fff]{2,8}?(?:市|州|县|区|盟|旗|省)|${ZONE_NAMES.join('|')})(?=同比|为|是|增长|下降|增速|分别|均|也|达|$)`);
// `成都增速达8.5%`: a city by its short name, heading its clause before its rate.
const SHORT_PLACE = /^(?:其中)?([\u4e00-\u9fff]{2,3})(?=增速|同比增长|增长)/;

/**
 * `营口市同比增长10.3%`, `白银市为19.1%`: a clause that names only a place and a cue speaks of
 * the indicator of the figure before it, for that place. The place, else null.
 */
export function placeOnlySubject(before: string): string | null {
  const m = PLACE.exec(before);
  if (!m) {
    const short = SHORT_PLACE.exec(before.replace(/^[,:;、\s]+/, ''));
    return short && placeName(short[1]) && !cleanSubject(beforeGrowthCue(before.slice(before.indexOf(short[1]) + short[1].length)).replace(/^增速[达为]?/, '')) ? short[1] : null;
  }
  // Chinese has no word breaks: the place is the longest tail of the run that names one (`其中白银市` → `白银市`).
  for (let k = 0; k + 2 <= m[1].length; k++) {
    const name = m[1].slice(k);
    if (!placeName(name)) continue;
    // Nothing but the place may stand as the subject.
    return cleanSubject(beforeGrowthCue(before.replace(name, ''))) ? null : name;
  }
  return null;
}

/**
 * The full name of a place a text names: a listed region, a division of the gazetteer, or an
 * autonomous prefecture by its short name and 州 (`临夏州` → `临夏回族自治州`). Null for no place.
 */
export function placeName(mention: string): string | null {
  const listed = regionByMention(mention);
  if (listed) return listed.name;
  const g = gazetteer();
  const d = g.resolve(mention) ?? (mention.endsWith('州') ? g.named(mention.slice(0, -1)).find((x) => x.level === 'prefecture') : null);
  if (d) return d.name;
  return g.named(mention).length ? mention : null;
}
