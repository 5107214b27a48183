import { growingCount, isCountThreshold } from './growing-count.ts';
import { NOT_NOUN_STARTS } from '../lexicon/cues.ts';
import { COUNTED_NEEDS_GROWTH, EXCLUDED_COUNTED, GROWTH_CONTEXT, LIST_BEFORE, SPEC_CONTEXT, SPEC_NOUNS, SUBSIDY_AFTER, SUBSIDY_BEFORE, THRESHOLD_AFTER } from '../lexicon/exclusions.ts';
import type { NumberToken } from '../tokens.ts';

const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');

/** A number of a sentence with the words around it, as the rules that judge it see them. */
export interface NumberInContext {
  token: NumberToken;
  /** The clause up to the number. */
  clauseBefore: string;
  /** The words between the figure before (or the clause start) and the number. */
  before: string;
  /** The clause after the number. */
  after: string;
  /** The words after the number up to the next number or the clause end. */
  tail: string;
  /** The whole clause. */
  clause: string;
  /** The four characters before the number, across clause breaks. */
  head: string;
  /** The number stands inside `《…》` (a title) or, written in Chinese numerals, inside `“…”` (a slogan). */
  insideTitle: boolean;
  insideSlogan: boolean;
}

export interface NotAFigureRule {
  name: string;
  applies: (c: NumberInContext) => boolean;
}

const SUBSIDY = new RegExp(`(?:${alt(SUBSIDY_BEFORE)})[^,;]{0,4}$`);
const SUBSIDY_AFTER_RE = new RegExp(`^(?:的)?(?:${alt(SUBSIDY_AFTER)})`);
const COUNTED_START = new RegExp(`^(?:${alt(EXCLUDED_COUNTED)})`);
const COUNTED_END = new RegExp(`(?:${alt(EXCLUDED_COUNTED)})$`);
const NEEDS_GROWTH = new RegExp(`^.{0,2}(?:${alt(COUNTED_NEEDS_GROWTH)})`);
const NOT_NOUN = new RegExp(`^(?:${alt(NOT_NOUN_STARTS)})`);

const REST_BEFORE = /(?:其余|其他|其它|另外|剩余)$/;
const isAmount = (t: NumberToken) => t.type === 'money' || t.type === 'count' || t.type === 'measure' || t.type === 'bare' || t.type === 'level';
const countedNoun = (c: NumberInContext) => c.tail.replace(/(?:按照|围绕|的|等|在).*$/, '');

/**
 * Numbers that are not key figures (ANNOTATION.md, "Not figures"), in the order they are
 * tried; the first that applies sets the number aside. Order matters only for the reason a
 * number is given: every rule is a reason on its own.
 */
export const NOT_A_FIGURE: NotAFigureRule[] = [
  { name: 'inside a title', applies: (c) => c.insideTitle },
  { name: 'inside a slogan', applies: (c) => c.insideSlogan && c.token.chinese && c.token.type !== 'rank' },
  { name: 'end of a range', applies: (c) => /^[至到~—\-]\s*[\d一二三四五六七八九十]/.test(c.after) || /[\d%][至到~—\-]$/.test(c.head) },
  // `奖励200万元`, `按投资额的10%给予补助`: rules of a subsidy scheme.
  { name: 'subsidy rule', applies: (c) => (c.token.type === 'money' || c.token.type === 'percent') && (SUBSIDY.test(c.clauseBefore) || SUBSIDY_AFTER_RE.test(c.after)) },
  // `前200户`, `第6家`, `对19个集群`.
  { name: 'list or ordinal', applies: (c) => isAmount(c.token) && c.token.type !== 'bare' && c.token.type !== 'level' && LIST_BEFORE.test(c.head) },
  // `100万元及以上项目`, `30兆瓦级`.
  { name: 'threshold or class', applies: (c) => isAmount(c.token) && c.token.type !== 'level' && THRESHOLD_AFTER.test(c.after) },
  { name: 'product specification', applies: (c) => isAmount(c.token) && (SPEC_CONTEXT.test(c.clause) || (c.token.type === 'measure' && SPEC_NOUNS.test(c.after))) },
  { name: 'glued to a number', applies: (c) => isAmount(c.token) && /^\d/.test(c.after) },
  // `在全国15个副省级城市中位居第二`: the set a rank is taken over.
  // `在统的187种工业产品中,99种…`, `全省11个市中`: the set a breakdown is drawn from.
  // `9个县区增速20%以上`: the threshold the count is taken over.
  { name: 'threshold of a count', applies: (c) => c.token.type === 'percent' && isCountThreshold(c.clauseBefore, c.after) },
  // `其余6个市州分别为A11家、B10家`: the count of the rest of a list, whose items follow.
  // `其它七个设区市增速均超13%`: the count of the other places of a list.
  { name: 'rest of a list', applies: (c) => c.token.type === 'count' && REST_BEFORE.test(c.head) && (/^[\u4e00-\u9fff]{1,4}(?:分别|依次)/.test(c.after) || /^[\u4e00-\u9fff]{0,3}(?:市州|地市|县区|市|州|县|区)/.test(c.after)) },
  { name: 'set of a breakdown', applies: (c) => c.token.type === 'count' && /^[\u4e00-\u9fff"“”]{1,14}?中(?:$|除)/.test(c.after) },
  // `居24个万亿城市第3`: the set right before the position.
  { name: 'set of a ranking', applies: (c) => isAmount(c.token) && (/中(?:均)?(?:位居|位列|居|排名|名列|列)|(?:位居|位列|排名)第/.test(c.after) || /^(?:(?!的)[\u4e00-\u9fffA-Z]){0,8}?(?:城市|省份|地市|市州|县区|县市|市|省|国家|经济体)第[\d一二三四五六七八九十]+(?![届批次期])/.test(c.after)) },
  // `8个地区呈现两位数增长`: a count of things that grew is a figure, whatever the things.
  { name: 'structure or slogan counted', applies: (c) => c.token.type === 'count' && (COUNTED_START.test(countedNoun(c)) || COUNTED_END.test(countedNoun(c))) && !growingCount(c.after) },
  // `全市36个行业大类` counts only with growth beside it (`有28个行业实现增长`).
  { name: 'industries counted without growth', applies: (c) => c.token.type === 'count' && NEEDS_GROWTH.test(countedNoun(c)) && !GROWTH_CONTEXT.test(c.after) },
  // Chinese numerals count things named after them (`两个项目`); before them they restate a
  // list (`A和B两个基地`), refer back (`上榜的两家`) or make a name (`二次扩建`).
  {
    name: 'numeral restating or naming',
    applies: (c) =>
      c.token.type === 'count' &&
      c.token.chinese &&
      (!/^[\u4e00-\u9fff"“]/.test(c.tail) || NOT_NOUN.test(c.tail) || /的$/.test(c.head) || (/[和、及]/.test(c.before) && !/等/.test(c.before)) || c.token.unit === '次'),
  },
  // `过百亿企业`: a class of firm.
  // `实现了两个“全国第一”`: a numeral counting a quoted slogan names it; the figures follow.
  { name: 'slogan counted', applies: (c) => c.token.type === 'count' && c.token.chinese && /^[“"][^”"]{1,12}[”"]/.test(c.after) },
  { name: 'class of firm', applies: (c) => c.token.type === 'bare' && /^[万千百亿]+$/.test(c.token.unit) && /^[\u4e00-\u9fff]/.test(c.after) },
];

/** The name of the first rule that sets the number aside, or null when it may be a figure. */
export function notAFigure(c: NumberInContext): string | null {
  for (const r of NOT_A_FIGURE) if (r.applies(c)) return r.name;
  return null;
}
