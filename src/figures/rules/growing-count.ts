import { GROWING_DEGREES, GROWING_MEASURES, GROWING_VERBS, THRESHOLD_BOUNDS } from '../lexicon/cues.ts';
import { RATE_WORDS } from '../lexicon/frames.ts';

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

const RATES = byLength([...RATE_WORDS, '增长']).join('|');
const BOUNDS = byLength(THRESHOLD_BOUNDS).join('|');
// `9个县区预计增速20%以上`: the things counted, a rate, the threshold and its bound.
const OVER = new RegExp(`^([\\u4e00-\\u9fff()]{1,8}?)(?:预计|均)?(${RATES})(?:均)?(?:(在|超过|达到|达)?(\\d+(?:\\.\\d+)?%)(${BOUNDS})|(高于|超过)(\\d+(?:\\.\\d+)?%))`);

/**
 * `9个县区增速20%以上`: a count of things whose rate passes a threshold is the count of those
 * things, named `增速20%以上的县区`; the threshold is no figure of its own (`isCountThreshold`).
 * Null when `tail` is not such a predicate.
 */
export function thresholdCount(tail: string): string | null {
  const m = OVER.exec(tail);
  if (!m) return null;
  return m[4] ? `${m[2]}${m[4]}${m[5]}的${m[1]}` : `${m[2]}${m[6]}${m[7]}的${m[1]}`;
}

const THRESHOLD_OF_COUNT = new RegExp(`(?:\\d+|[两二三四五六七八九十]{1,3})个?[\\u4e00-\\u9fff()]{1,8}?(?:预计|均)?(?:${RATES})(?:均)?(在|超过|达到|达|高于)?$`);
const BOUND_AFTER = new RegExp(`^(?:${BOUNDS})`);

/**
 * The percentage of `9个县区增速20%以上`, `18个市(州)增速高于8%`: the threshold a count is
 * taken over, with its bound after it or a verb of passing before it.
 */
export function isCountThreshold(clauseBefore: string, after: string): boolean {
  const m = THRESHOLD_OF_COUNT.exec(clauseBefore);
  return !!m && (BOUND_AFTER.test(after) || m[1] === '高于' || m[1] === '超过');
}
