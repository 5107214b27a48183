import { regionByMention } from '../lexicon/regions.ts';
import { gazetteer } from '../../regions/gazetteer.ts';
import { SHARED_MEASURES } from '../lexicon/cues.ts';

const NAME_CHAR = /[\u4e00-\u9fffA-Za-z"“”]/;
const SHARE_NAME = /比重|占比|份额|比例|率$/;
const COMPARED = /^(?:高于|低于|快于|慢于|超过|超出|领先|同比|比|较|与)/;
const CHANGE_BEFORE = /增长|增速|增幅|下降|回落|拉动/;
const SHARE_BEFORE = /占|比重|占比/;
// `10种新产品产量中,A(x%)、B(y%)`: the measure the list is framed by is every item's.
const FRAME = new RegExp(`(${[...SHARED_MEASURES].sort((a, b) => b.length - a.length).join('|')})中[,:]?[^,:;。]*$`);
// A joiner heading the last item (`和仪器仪表`) is not part of its name.
const JOINER = /^(?:以及|和|及|与)/;

const RATE_OF_PLACE = /^(.{2,10}?)(?:平均)?(?:增速|增幅|水平|平均水平)$/;

function isPlace(name: string): boolean {
  return name === '全国' || !!regionByMention(name) || gazetteer().named(name).length > 0;
}

export interface BracketedValue {
  /** The name the value is written after: an item (`汽车制造`) or a place (`全国`). */
  name: string;
  /** The name is a place: the value is the indicator before it, for that place. */
  place: boolean;
  kind: 'growth' | 'share';
}

/**
 * `计算机通信电子(21.5%)、汽车制造(17.6%)`, `全国(5.1%)`, `…占规上工业的比重(33.4%)`: a
 * percentage alone in brackets right after a name belongs to that name. It is a share when the
 * name says so, else a change when the sentence before it speaks of change. Null when the
 * value is not bracketed that way.
 */
export function bracketedValue(sentence: string, start: number, end: number): BracketedValue | null {
  if (sentence.charAt(start - 1) !== '(' || sentence.charAt(end) !== ')') return null;
  let k = start - 2;
  while (k >= 0 && NAME_CHAR.test(sentence.charAt(k))) k--;
  // `低于江西(8.7%)`: the comparison word is not part of the name.
  const written = sentence.slice(k + 1, start - 1).replace(/["“”]/g, '').replace(COMPARED, '').replace(JOINER, '');
  // `高于郑州市平均增速(7.9%)`: a place's rate, written after the place.
  const rated = RATE_OF_PLACE.exec(written);
  const name = rated && isPlace(rated[1]) ? rated[1] : written;
  if (name.length < 2 || name.length > 24) return null;
  const place = isPlace(name);
  if (rated && place) return { name, place, kind: 'growth' };
  if (SHARE_NAME.test(name)) return { name, place: false, kind: 'share' };
  const head = sentence.slice(0, start);
  // The change word may come after the list (`A(x%)、B(y%)等增速较快`).
  const rest = sentence.slice(end);
  const kind = CHANGE_BEFORE.test(head) || (!SHARE_BEFORE.test(head) && !SHARE_BEFORE.test(rest) && CHANGE_BEFORE.test(rest)) ? 'growth' : 'share';
  const frame = place ? null : FRAME.exec(head.slice(0, k + 1));
  return { name: frame && !name.endsWith(frame[1]) ? `${name}${frame[1]}` : name, place, kind };
}
