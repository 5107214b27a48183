import { COUNT_DIFFERENCE_VERBS } from '../lexicon/cues.ts';

const VERBS = [...COUNT_DIFFERENCE_VERBS].sort((a, b) => b.length - a.length).join('|');
// `比上年同期增加`, `较2021年多`: the comparison, then the word of difference, right before the count.
const DIFFERENCE = new RegExp(`^(?:比|较)([^,;:比较]{1,10}?)(?:${VERBS})了?$`);

/**
 * `新开工项目299个,比上年同期增加155个`: a count written as a difference from a basis is an amount
 * of the thing counted just before, named with the comparison (`新开工项目比上年同期增加`), its
 * basis the time compared with. Null when the subject is not such a comparison.
 */
export function countDifference(subject: string, counted: string): { name: string; basis: string } | null {
  const m = DIFFERENCE.exec(subject);
  if (!m || !counted) return null;
  return { name: `${counted}${subject.replace(/了$/, '')}`, basis: m[1] };
}
