import { cleanSubject } from '../indicator.ts';
import { OWNER_VERBS } from '../lexicon/frames.ts';

// `其一季度产值`: 其 (its), not 其中/其他/其余, opening a subject.
const ITS = /^其(?![中他它余次实])/;
const OWNER_END = new RegExp(`(?:${[...OWNER_VERBS].sort((a, b) => b.length - a.length).join('|')}).*$`);

/**
 * `工业前50强企业在工业经济增长中继续扮演"主力军",其一季度产值增长16.2%`: a subject opening with
 * 其 (its) belongs to the subject of the clause before it (`工业前50强企业产值`). `subject` is the
 * raw text before the figure's cue, `clauseBefore` the clause before its own. Null when the
 * subject does not open with 其 or the clause before names no owner.
 */
export function pronounSubject(subject: string, clauseBefore: string): string | null {
  const own = subject.replace(/^[,:;、\s]+/, '');
  if (!ITS.test(own)) return null;
  const owner = cleanSubject(clauseBefore.replace(OWNER_END, ''));
  const rest = cleanSubject(own.slice(1));
  return owner && rest ? `${owner}${rest}` : null;
}
