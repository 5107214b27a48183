import { GROWING_DEGREES, GROWING_MEASURES, GROWING_VERBS } from '../lexicon/cues.ts';

const byLength = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);
const GROWING = new RegExp(
  `^([\\u4e00-\\u9fff]{1,8}?)((?:${byLength(GROWING_MEASURES).join('|')})?(?:同比)?(?:${byLength(GROWING_VERBS).join('|')})?(?:${byLength(GROWING_DEGREES).join('|')})?增长(?:或持平)?)(?:[,:;。]|$)`,
);

const OPENS_PREDICATE = new RegExp(`^(?:同比|${byLength([...GROWING_VERBS, ...GROWING_DEGREES, ...GROWING_MEASURES]).join('|')})`);

/**
 * `99种产品产量保持增长`, `8个地区呈现两位数增长`: a count of things followed by a predicate of
 * growth is the count of the things that grew, named `产量保持增长的产品`. `tail` is the text
 * after the number and its unit; null when it is not such a predicate.
 */
export function growingCount(tail: string): string | null {
  const m = GROWING.exec(tail);
  // `1088家实现增长`: with no noun after the count, the things are named elsewhere (the set before).
  if (!m || OPENS_PREDICATE.test(m[1])) return null;
  return `${m[2]}的${m[1]}`;
}
