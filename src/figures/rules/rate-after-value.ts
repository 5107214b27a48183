import { GAP_CUES } from '../lexicon/cues.ts';
import { RATE_WORDS } from '../lexicon/frames.ts';

const RATE_AFTER = new RegExp(`^的?(?:${[...RATE_WORDS].sort((a, b) => b.length - a.length).join('|')})`);
// `快于煤炭工业利润28.7%的增速`: the subject is what stands after the comparison.
const COMPARED = new RegExp(`^.*(?:${GAP_CUES.map((c) => c.word).filter((w) => w.endsWith('于')).join('|')})`);

/**
 * `煤炭工业利润28.7%的增速`: a percentage followed by a rate word is that rate, a change of the
 * subject before it (after any comparison: `快于…`). The subject as written, or null when the
 * value is not followed by a rate word.
 */
export function rateAfterValue(before: string, after: string): string | null {
  if (!RATE_AFTER.test(after)) return null;
  return before.replace(COMPARED, '');
}
