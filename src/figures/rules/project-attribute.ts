import { cleanSubject } from '../indicator.ts';
import { CAPACITY_CUES, INVESTMENT_CUES, PROJECT_ENDINGS } from '../lexicon/cues.ts';
import { MAGNITUDES, UNIT_PATTERN, unitEntry } from '../lexicon/units.ts';

const byLength = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);
const INVESTMENT_END = new RegExp(`(${byLength(INVESTMENT_CUES).join('|')})(?:约|近|达|超)?$`);
const CAPACITY_END = new RegExp(`(${byLength(Object.keys(CAPACITY_CUES)).join('|')})(?:约|近|达|超)?$`);
const PROJECT_END = new RegExp(`(?:${byLength(PROJECT_ENDINGS).join('|')})$`);
// The shortest run that names a project (`某某生产线项目`), before what the sentence goes on to say.
const PROJECT_NAME = new RegExp(`^.{2,40}?(?:${byLength(PROJECT_ENDINGS).join('|')})+`);
const MAGNITUDE = new RegExp(`^(?:${MAGNITUDES.join('|')})`);
// `协议总投资1亿元年产10万樘某某项目`: the project's capacity stands between the sum and its name.
const CAPACITY_BETWEEN = new RegExp(`^(?:${byLength(Object.keys(CAPACITY_CUES)).join('|')})[\\d.]+(?:${MAGNITUDES.join('|')})?(?:${UNIT_PATTERN})`);
// The project's name runs to the end of its list item.
const ITEM_END = /[,:;、。()]/;
const NAME = /^[\u4e00-\u9fffA-Za-z0-9/"“”-]{2,40}$/;
// An owner (`某某公司`) is a short name with no numbers, standing alone in its list item.
const OWNER = /^[\u4e00-\u9fffA-Za-z]{2,12}$/;

/**
 * `投资1.5亿元的某某生产线项目`, `协议总投资3亿元的某某项目`, `某公司年产10万吨某某`,
 * `某集团65万吨某某项目`: an investment or a capacity written before the project or product
 * it belongs to. The indicator is that project with the attribute after it (`某某项目协议总投资`,
 * `某公司某某年产能`). `after` is the rest of the clause after the number; null when the number
 * is not such an attribute.
 */
export function projectAttribute(before: string, unit: string, after: string): string | null {
  const type = unitEntry(unit.replace(MAGNITUDE, ''))?.type;
  let item = after.replace(/^的/, '');
  if (type === 'money') item = item.replace(CAPACITY_BETWEEN, '');
  const cut = item.search(ITEM_END);
  if (cut >= 0) item = item.slice(0, cut);
  // `A和B等项目`: the number belongs to the first of the projects listed.
  const deng = item.indexOf('等');
  if (deng >= 0) item = item.slice(0, deng).split(/和|及|与/)[0];
  item = item.replace(/[“”]/g, '"');
  const named = PROJECT_NAME.exec(item);
  if (named) item = named[0];
  if (!NAME.test(item)) return null;
  const head = before.slice(before.search(/[^,:;、。()]*$/));
  if (type === 'money') {
    const cue = INVESTMENT_END.exec(head);
    return cue && PROJECT_END.test(item) ? `${item}${cue[1]}` : null;
  }
  if (type !== 'measure' && type !== 'count') return null;
  const cue = CAPACITY_END.exec(head);
  // Without a word of capacity, only a quantity named before a project is one (`65万吨某某项目`).
  if (!cue && (type !== 'measure' || !PROJECT_END.test(item))) return null;
  const owner = cleanSubject(cue ? head.slice(0, cue.index) : head);
  return `${OWNER.test(owner) ? owner : ''}${item}${cue ? CAPACITY_CUES[cue[1]] : '产能'}`;
}
