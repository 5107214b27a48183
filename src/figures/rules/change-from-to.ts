import { cleanSubject } from '../indicator.ts';
import { CHANGE_FROM_WORDS, CHANGE_TO_VERBS, GROWTH_CUES } from '../lexicon/cues.ts';
import { PREVIOUS_PERIODS } from '../lexicon/periods.ts';

const byLength = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);
const FROM = byLength(CHANGE_FROM_WORDS).join('|');
const CUE = byLength(GROWTH_CUES.map((c) => c.word).filter((w) => w.length > 1)).join('|');
const SIGN = new Map(GROWTH_CUES.map((c) => [c.word, c.sign]));
// `增幅由一季度的6.2%`: the value just after 由 and the words that say when it was.
const EARLIER = new RegExp(`^(.*?)(?:${FROM})([^,;:由从\\d]{0,10}?)的?(${CUE})?$`);
// `…由上月下降3.2%回升至增长`: the later value, after the verb that leads to it.
const LATER = new RegExp(`^(.*?)(?:${FROM})([^,;:由从\\d]{0,10}?)的?(?:${CUE})?[\\d.]+%(?:${byLength(CHANGE_TO_VERBS).join('|')})(${CUE})?$`);
const RATE_END = /(?:增速|增幅|增长率|降幅)$/;
const RELATIVE = new RegExp(`^(?:${byLength(Object.keys(PREVIOUS_PERIODS)).join('|')})$`);

export interface ChangeStep {
  /** `from` the earlier value (after 由), `to` the later one (after 回落至). */
  step: 'from' | 'to';
  /** What changed, as the clause names it before 由; empty when only a rate word stands there. */
  subject: string;
  sign: 1 | -1;
  /** Where 由 stands in the clause: periods from there on are the earlier value's, not the later's. */
  at: number;
  /** The words between 由 and the earlier value that say when it was (`一季度`, `上月`). */
  when: string;
}

/**
 * `增幅由一季度的6.2%上升至6.9%`, `由上月下降3.2%回升至增长0.3%`: one indicator at two
 * times, both changes. `clauseBefore` is the clause up to the value; null when the value is
 * not one of such a pair.
 */
export function changeFromTo(clauseBefore: string): ChangeStep | null {
  const later = LATER.exec(clauseBefore);
  const m = later ?? EARLIER.exec(clauseBefore);
  if (!m) return null;
  const word = m[3];
  return {
    step: later ? 'to' : 'from',
    subject: cleanSubject(m[1]).replace(RATE_END, ''),
    sign: word ? (SIGN.get(word) ?? 1) : 1,
    at: m[1].length,
    when: m[2],
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The period `上月`/`上季度` means, seen from `current` (`2024-08` → `2024-07`; a run
 * `2024-01~2024-08` → `2024-01~2024-07`). Null when `when` is no such word or `current` no month.
 */
export function previousPeriod(when: string, current: string | null): string | null {
  if (!RELATIVE.test(when) || !current) return null;
  const back = PREVIOUS_PERIODS[when];
  const run = /^(\d{4}|XXXX)-(\d{2})~\1-(\d{2})$/.exec(current);
  if (run) {
    const end = Number(run[3]) - back;
    return end >= Number(run[2]) ? `${run[1]}-${run[2]}~${run[1]}-${pad(end)}` : null;
  }
  const one = /^(\d{4}|XXXX)-(\d{2})$/.exec(current);
  if (!one) return null;
  let month = Number(one[2]) - back;
  let year = one[1];
  if (month < 1) {
    month += 12;
    year = year === 'XXXX' ? year : String(Number(year) - 1);
  }
  return `${year}-${pad(month)}`;
}
