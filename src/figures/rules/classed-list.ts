import { cleanSubject } from '../indicator.ts';
import { SECTOR_CLASSES, SECTOR_QUALIFIERS } from '../lexicon/cues.ts';

// `…等行业增加值`, `…三大支柱行业规上工业增加值`: a list closed by 等 or a count, then the class.
const CLASSED = new RegExp(
  `^(.+?)(?:等(?:[一二三四五六七八九十两\\d]+(?:大|个|类))?|[一二三四五六七八九十两\\d]+(?:大|个|类))(?:${SECTOR_QUALIFIERS.join('|')})*((?:${SECTOR_CLASSES.join('|')}).*)$`,
);

/**
 * `石油加工、化学原料和化学制品等行业增加值`, `装备制造、石化和冶金三大支柱行业规上工业增加值`:
 * a list of sectors closed by 等 or a count, and what is measured of each. `head` is the list
 * (cleaned of the words before it), `shared` what every item takes after its name
 * (`行业增加值`). Null when the text is not such a list.
 */
export function classedList(subject: string): { head: string; shared: string } | null {
  const m = CLASSED.exec(subject);
  if (!m) return null;
  const head = cleanSubject(m[1]);
  if (!/、|和|及|与/.test(head)) return null;
  const shared = cleanSubject(m[2]);
  return shared.length >= 2 ? { head, shared } : null;
}

/**
 * `A、B、C、D等行业…分别增长x%、y%`: a 等-list may name more sectors than it gives values (a
 * page cut short, or the writer's 等 naming the rest loosely); the values then belong to the
 * leading items, in order. Null when the items split by 、 are not more than the values.
 */
export function leadingItems(head: string, values: number): string[] | null {
  const items = head.split('、');
  return values >= 2 && items.length > values ? items.slice(0, values) : null;
}
