import { CUE_FILLERS, FLOW_PREFIXES, GROWTH_CUES, PERIOD_QUALIFIERS, RESULT_VERBS } from './lexicon/cues.ts';
import { canonicalIndicator, INDICATORS } from './lexicon/indicators.ts';
import { outputIndicator } from './rules/output-verb.ts';
import { BARE_ZONE_WORDS, LOCAL_SUFFIXES, REGION_MENTION } from './lexicon/regions.ts';

const byLength = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);
const alt = (xs: string[]) => byLength(xs).join('|');

// The names of counties and development zones heading a subject (`长兴县`, `株洲高新区`).
const LOCAL_NAME = `[\\u4e00-\\u9fff]{1,4}?(?:${LOCAL_SUFFIXES.join('|')})(?![城域级委])`;
// Words that open a clause but say nothing about what is measured. An opening quote stays
// when it is closed inside the subject (`“小巨人”企业`).
const LEADING = new RegExp(
  `^(?:[,:;、()”"'《》\\s]|“(?![^”]*”)|其中|同时|此外|另外|而|但|并且|且|最终|在|该|据介绍|据了解|据统计|经统计|截至目前|截至\\d{1,2}月(?:底|末)|目前|连续\\d+个月|连续[一二三四五六七八九十两]+个月|现已|已经|已|累计|共计|共有|共|拥有|现有|有(?![色机线效限])|全年|今年以来|今年|年内|年初以来|去年|完成|实现|全市|我市|本市|全省|我省|本省|全国|全县|我县|本县|全区|我区|本区|园区|${BARE_ZONE_WORDS.join('|')}|(?:力争|争取|确保)再?|(?:全部|全面)?(?:达产|建成|投产|达效)后(?:将|可)?|(?:到|至)?\\d{4}年(?:以来|底|末)?|\\d{1,2}(?:月份?)?[—\\-~至到]\\d{1,2}月份?|前\\d{1,2}个月|前[一二三四五六七八九十]{1,2}个月|上半年|下半年|前?[一二三四]季度|第[一二三四]季度|\\d{1,2}月份?|${PERIOD_QUALIFIERS.join('|')}|${REGION_MENTION.source}|(?![占比较与和及在全我本各])[\\u4e00-\\u9fff]{2,3}市(?!场)|${LOCAL_NAME})`,
);
// Words that close a subject before its number: verbs of reaching, hedges.
const TRAILING_WORDS = [...CUE_FILLERS, '总计', '合计', '累计达到', '累计达', '累计', '完成', '实现', '增至', '升至', '共', '已', '的', '为', '有', '是', '超', '突破', '分别达到', '分别为', '分别', '力争', '争取', '确保', '预计', '有望', '持续', '继续', '始终', '一直', '仍然'];
const TRAILING = new RegExp(`(?:${alt(TRAILING_WORDS)})$`);
// A trailing word is never longer than this, so only the end of a subject needs searching.
const TRAILING_MAX = Math.max(...TRAILING_WORDS.map((w) => w.length));
const TRAILING_PUNCT = /[,:;、\s(“"]/;
// A period written after the indicator (`规模以上工业增加值1-4月增长`) is not part of its name.
const TRAILING_PERIOD = new RegExp(`(?:\\d{1,2}[—\\-~至到]\\d{1,2}月份?|前\\d{1,2}个月|\\d{1,2}月份?|上半年|前三季度|[一二三四]季度)(?:${PERIOD_QUALIFIERS.join('|')})?$|(?:${PERIOD_QUALIFIERS.join('|')})$`);
// Verbs inside a subject before what it measures: `产业实现产值` → `产业产值`.
const INNER_VERB = /(?:累计)?(?:实现|完成)(?=营业收入|营收|产值|总产值|增加值|利润|投资|工业|出口|进出口)/g;
// Single-character cues (增, 降) also occur inside indicator names (增加值), so only words count here.
const GROWTH_START = new RegExp(`同比|比上年|较上年|比去年|比\\d{4}年|较\\d{4}年|${alt(GROWTH_CUES.map((c) => c.word).filter((w) => w.length > 1 && w !== '增速')).replace('增加', '增加(?!值)')}`);

// `占比最大的制造业`: a superlative clause before the noun says which, not what.
const SUPERLATIVE = /^[\u4e00-\u9fff]{0,6}?(?:最大|最高|最快|最多|最强)的(?=[\u4e00-\u9fff]{2})/;
const NAMED_INDICATOR = new RegExp(INDICATORS.flatMap((e) => [e.canonical, ...e.aliases]).sort((a, b) => b.length - a.length).join('|'), 'g');

/**
 * The last indicator of the table the text names (`…规上工业增加值增速实现了两个第一:一是…`),
 * for a figure whose own clause names none. Null when it names none.
 */
export function lastNamedIndicator(text: string): string | null {
  let last: string | null = null;
  NAMED_INDICATOR.lastIndex = 0;
  for (const m of text.matchAll(NAMED_INDICATOR)) last = m[0];
  return last ? canonicalIndicator(last) : null;
}

const MIRROR_DEBRIS = /(?<=[\u4e00-\u9fff])(?:[?a-z\u00e0-\u00fc\u0101-\u01dc()]*[?)\u00e0-\u00fc\u0101-\u01dc][?a-z\u00e0-\u00fc\u0101-\u01dc()]*|[a-z]{1,6})(?=[\u4e00-\u9fff])/g;
const ASIDE = /\([^()\d]{2,}\)(?=[^()])/g;

/** Strips the words around a subject until only the noun phrase is left. */
export function cleanSubject(s: string): string {
  let prev = '';
  let t = s;
  while (t !== prev) {
    prev = t;
    t = trimTrailing(t.replace(LEADING, ''));
  }
  // `A、B等N个X`: the category after 等 is what is counted.
  t = t.replace(SUPERLATIVE, '');
  const deng = t.lastIndexOf('等');
  if (deng >= 0 && t.length - deng - 1 >= 2) t = t.slice(deng + 1);
  if (t.charCodeAt(0) === 0x5728 && t.endsWith('中')) t = t.slice(1, -1);
  if (t.includes('实现') || t.includes('完成')) t = t.replace(INNER_VERB, '');
  if (t.endsWith('的比重') || t.endsWith('的份额') || t.endsWith('的比例')) t = t.slice(0, -3) + t.slice(-2);
  if (t.includes('“') || t.includes('”')) t = t.replace(/[“”]/g, '"');
  // `规模以上工业(不含电力)增加值`, a mirror site's keyword in brackets: an aside inside the name is not part of it.
  if (t.includes('(')) t = t.replace(ASIDE, '');
  // `燃?xì)饧八纳a(chǎn)和供应业`: Latin debris of a mirror site's garbled characters inside a name.
  if (/[?)a-z\u00e0-\u00fc\u0101-\u01dc]/.test(t)) t = t.replace(MIRROR_DEBRIS, '');
  return canonicalIndicator(outputIndicator(t));
}

/** A subject without the word that closes it (`工业投资达到` → `工业投资`) and trailing punctuation. */
function trimTrailing(t: string): string {
  const m = TRAILING.exec(t.length > TRAILING_MAX ? t.slice(-TRAILING_MAX) : t);
  let end = m ? t.length - m[0].length : t.length;
  const code = t.charCodeAt(end - 1);
  if (code === 0x6708 || code === 0x4efd || code === 0x5ea6 || code === 0x5e74 || code === 0x5b63) {
    const p = TRAILING_PERIOD.exec(t.slice(0, end));
    if (p && p.index > 0) end = p.index;
  }
  while (end > 0 && TRAILING_PUNCT.test(t[end - 1])) end--;
  return end === t.length ? t : t.slice(0, end);
}

/** The part of a segment before its growth cue: `工业投资同比增长` → `工业投资`. */
export function beforeGrowthCue(s: string): string {
  const m = GROWTH_START.exec(s);
  return m ? s.slice(0, m.index) : s;
}

const RESULT = new RegExp(alt(RESULT_VERBS));
const RESULT_ADVERB = /(?:集中|陆续|相继|先后|全面|正式|成功)$/;
const FLOW_END = new RegExp(`(?:${alt(FLOW_PREFIXES)})$`);

/**
 * The indicator of a count written before its noun: `新增10个省级平台` → `新增省级平台`,
 * `2093家企业纳入某信息库` → `纳入某信息库企业` (what the things did, then the things).
 */
export function nounFirstIndicator(before: string, tail: string): string {
  const flow = FLOW_END.exec(before.replace(/[了约近超过]+$/, ''))?.[0] ?? '';
  let noun = tail;
  let verb = '';
  const r = RESULT.exec(noun);
  if (r && r.index >= 2) {
    verb = noun.slice(r.index).replace(/[了的]+$/, '');
    noun = noun.slice(0, r.index);
    // `重点项目集中开工` → `集中开工重点项目`: the adverb goes with its verb.
    const adv = RESULT_ADVERB.exec(noun);
    if (adv && adv.index >= 2) {
      verb = adv[0] + verb;
      noun = noun.slice(0, adv.index);
    }
    if (verb.length > 18) verb = '';
  }
  noun = noun.replace(/(?:等|在内|的).*$/, '');
  if (noun.length > 24) noun = noun.slice(0, 24);
  if (noun.length < 2) return '';
  return canonicalIndicator(`${flow}${verb}${noun}`.replace(/[“”]/g, '"'));
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** How alike two indicators are: 1 equal, 0.99 one contains the other, else bigram Dice. */
export function indicatorSimilarity(a: string, b: string): number {
  const x = a.replace(/[\s"“”()（）、,]/g, '');
  const y = b.replace(/[\s"“”()（）、,]/g, '');
  if (!x || !y) return 0;
  if (x === y) return 1;
  if (x.includes(y) || y.includes(x)) return 0.99;
  const bx = bigrams(x);
  const by = bigrams(y);
  let both = 0;
  let n = 0;
  for (const [g, c] of bx) {
    n += c;
    both += Math.min(c, by.get(g) ?? 0);
  }
  for (const c of by.values()) n += c;
  return n ? (2 * both) / n : 0;
}
