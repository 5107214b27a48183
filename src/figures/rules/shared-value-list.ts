import { beforeGrowthCue, cleanSubject } from '../indicator.ts';
import { SHARED_MEASURES } from '../lexicon/cues.ts';

const ALL = /均|都|全部/;
const SECTORS_AFTER = /^(?:\d+个|[一二三四五六七八九十]+个)?(?:重点|主要|支柱)?(?:行业|产业|领域|板块|门类)/;
const RATE_END = /(?:增速|增幅|增长率)$/;
const MEASURE_END = new RegExp(`(?:${[...SHARED_MEASURES].sort((a, b) => b.length - a.length).join('|')})$`);
// 和/及/与 join the last two items only where both sides are names of two characters or more.
const LAST_JOIN = /(?<=^.{2,})(?:和|及|与)(?=.{2,}$)/;

/**
 * The items one value is stated for: `A、B、C增长均超过15%` or `A、B、C等行业增速超过20%`
 * give the value to each of A, B and C (the measure named after the last, `增加值`, goes to
 * every item). Null when the subject is not such a list.
 */
export function sharedValueItems(before: string): string[] | null {
  const head = beforeGrowthCue(before);
  const deng = head.lastIndexOf('等');
  let raw: string;
  // `A、B等行业`: sectors; `A、B等企业` names firms as examples of a class, not one by one.
  if (deng > 0 && SECTORS_AFTER.test(head.slice(deng + 1))) raw = head.slice(0, deng);
  else if (deng > 0 && !ALL.test(before)) return null;
  else if (ALL.test(before)) raw = head.replace(/(?:均|都|全部).*$/, '');
  else return null;
  raw = cleanSubject(raw.replace(/^.*[,:;]/, '')).replace(RATE_END, '');
  const parts = raw.split('、');
  if (parts.length < 2 && !LAST_JOIN.test(raw)) return null;
  const last = parts.pop() ?? '';
  parts.push(...last.split(LAST_JOIN));
  if (parts.length < 2 || parts.some((p) => p.length < 2 || p.length > 24)) return null;
  const measure = MEASURE_END.exec(parts[parts.length - 1]);
  if (measure && measure.index >= 2 && !parts.slice(0, -1).some((p) => MEASURE_END.test(p))) {
    return parts.map((p, k) => (k < parts.length - 1 ? p + measure[0] : p));
  }
  return parts;
}
