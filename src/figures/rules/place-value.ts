import { cleanSubject } from '../indicator.ts';
import { LIST_VALUE_OPENERS, PLACE_LIST_PREFIXES, PLACE_VALUE_LINKS } from '../lexicon/frames.ts';
import { placeName } from './place-subject.ts';

const byLength = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);
// `…分别为安顺市38家`, `、遵义市17家`, `另有黔南州占比1.4%`: a place right before its value.
const PLACE_END = new RegExp(`(?:^|[,:;、和及与为有])([\\u4e00-\\u9fff]{2,10}?)(?:${byLength(PLACE_VALUE_LINKS).join('|')})?$`);
// `…企业数前三的市州分别为`: what is measured, the length of the ranking and the set ranked.
const LIST_HEAD = new RegExp(`^(.*?)(?:前([一二两三四五\\d])(?:位|名)?的?([\\u4e00-\\u9fff]{1,4}?))?(?:${byLength(LIST_VALUE_OPENERS).join('|')})$`);
const CN = '一二三四五';
const PREFIX = new RegExp(`^(?:${byLength(PLACE_LIST_PREFIXES).join('|')})$`);
// `其余6个市州分别为`: the rest of a list names no measure of its own.
const REST = new RegExp(`^(?:${byLength(PLACE_LIST_PREFIXES).join('|')})`);

export interface PlaceValue {
  /** The full name of the place (`黔南州` → `黔南布依族苗族自治州`). */
  region: string;
  /** Where the place starts in `before`. */
  at: number;
  /** What is measured, as the head of the list names it; `''` when no head stands before the place. */
  subject: string;
  /** How many of the list's leading places are ranked (`前三的市州`), 0 when none. */
  top: number;
  /** The set ranked (`市州`), when the head ranks. */
  set: string;
  /** A list head (`…分别为`) stands before the place: a new list starts here. */
  opens: boolean;
  /** The place follows `其中`, `另有`…: the list goes on past its ranking. */
  rest: boolean;
}

/**
 * `前三的市州分别为安顺市38家、遵义市17家`, `黔东南州7家`, `另有黔南州占比1.4%`: a place written
 * right before its value gives the value to that place; what is measured is named before
 * `分别为` (`…企业数前三的市州`), else it is the figure before's. A ranking head (`前三的…`)
 * ranks the leading places in the order listed. `before` is the text between the figure before
 * (or the clause start) and the value. Null when no place stands right before the value.
 */
export function placeValue(before: string): PlaceValue | null {
  const m = PLACE_END.exec(before);
  if (!m) return null;
  const start = m.index + m[0].indexOf(m[1]);
  // Chinese has no word breaks: the place is the longest tail of the run that names one. A
  // tail without a division word can only be a short name (`黔南`, `厦门`) of two or three characters.
  const divided = /[市州县区盟旗省]$/.test(m[1]);
  for (let k = divided ? 0 : Math.max(0, m[1].length - 3); k + 2 <= m[1].length; k++) {
    const region = placeName(m[1].slice(k));
    if (!region) continue;
    const head = LIST_HEAD.exec(before.slice(0, start + k));
    const top = head?.[2] ? (head[2] === '两' ? 2 : CN.includes(head[2]) ? CN.indexOf(head[2]) + 1 : Number(head[2])) : 0;
    // Words before the place that are no list head make it part of a name (`经开区`), not a place alone.
    if (!head && k > 0 && !PREFIX.test(m[1].slice(0, k))) return null;
    const subject = head && !REST.test(head[1]) ? cleanSubject(head[1].replace(/数$/, '')) : '';
    return { region, at: start + k, subject, top, set: head?.[3] ?? '', opens: !!head, rest: k > 0 && PREFIX.test(m[1].slice(0, k)) };
  }
  return null;
}
