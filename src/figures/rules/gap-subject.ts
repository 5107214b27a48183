import { DECLINE_RATES, GAP_CUES, GAP_SUBJECT_ENDS, PULL_VERBS } from '../lexicon/cues.ts';
import { cleanSubject } from '../indicator.ts';

const byLength = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);
const ENDS = new RegExp(
  byLength([...GAP_SUBJECT_ENDS, ...GAP_CUES.map((c) => c.word)])
    .map((w) => (w === '比' ? '(?<![同占对])比' : w === '增加' ? '增加(?!值)' : w))
    .join('|'),
);
const DECLINE = new RegExp(`(?:${DECLINE_RATES.join('|')})$`);
const RATE = /(?:增速|增幅|增长率|降幅)$/;
const HEDGES = /(?:分别|均|也|都|仍|了|合计|共同|累计)+$/;
const PULL = new RegExp(`^(.*?)(?:${PULL_VERBS.join('|')})(.+?)(?:增长|增速)(?:达到|达)?$`);

export interface GapSubject {
  /** The noun phrase the gap is about, `''` when it only says `增速` (then it is the figure before's). */
  subject: string;
  /** The subject is a rate of decline: the direction of the gap reverses. */
  decline: boolean;
}

/**
 * The subject of a gap in percentage points, from the words before its number: what stands
 * before the comparison or the direction (`规上工业增加值增速同比提高` → `规模以上工业增加值`,
 * `增速与去年同期相比加快` → `''`, `降幅较一季度收窄` → `''` and a decline).
 */
export function gapSubject(before: string): GapSubject {
  const end = ENDS.exec(before);
  let head = (end ? before.slice(0, end.index) : before).replace(HEDGES, '');
  const decline = DECLINE.test(head);
  head = head.replace(RATE, '').replace(HEDGES, '');
  return { subject: cleanSubject(head), decline };
}

/**
 * A contribution to growth (`制造业拉动全市规上工业增长2.1个百分点`): the indicator the
 * annotation writes, `<driver>拉动<what>增长`, with the whole region left out of `<what>`.
 * `driver` is `''` when the clause names none (`合计拉动…`).
 */
export function pullIndicator(clauseBefore: string): { driver: string; what: string } | null {
  const m = PULL.exec(clauseBefore);
  if (!m) return null;
  const what = cleanSubject(m[2]);
  if (!what) return null;
  return { driver: cleanSubject(m[1].replace(HEDGES, '')), what };
}
