import { normalise, quoteOf, type NormalisedText } from '../text/normalise.ts';
import { CALCULATION_NOTES, CUE_FILLERS, FLAT_COMPARED, CUMULATIVE_FLOW_VERBS, FLOW_PREFIXES, GAP_CUES, GROWTH_CUES, LEVEL_CUES, NOT_NOUN_STARTS, PERIOD_QUALIFIERS, RANK_CUES, RESULT_VERBS, SELECTION_VERBS, SHARE_ENDINGS, SHARED_MEASURES, STOCK_CUES, TARGET_CUES } from './lexicon/cues.ts';
import { COUNTED_NEEDS_GROWTH, NOT_INDUSTRIAL_SUBJECT } from './lexicon/exclusions.ts';
import { isTier1Indicator, REGION_WIDE_FIRMS, SINGLE_ENTITY } from './lexicon/indicators.ts';
import { unitEntry } from './lexicon/units.ts';
import { beforeGrowthCue, cleanSubject, indicatorSimilarity, lastNamedIndicator, nounFirstIndicator } from './indicator.ts';
import { documentYear, findPeriods } from './period.ts';
import { documentRegion, figureRegion } from './region.ts';
import { NOT_DISTRICT_BEFORE, regionByMention } from './lexicon/regions.ts';
import { ECONOMIC_INDICATOR } from './lexicon/relevance.ts';
import { DRIVER_WORDS, ENUMERATORS } from './lexicon/frames.ts';
import { COUNTED_VERBS, FIRM_ROLES, FIRM_WORDS, FLOW_ONLY_WORDS, GENERIC_SUBJECTS, INVESTMENT_OF_COUNTED, LEVEL_TARGET_CUES, LIST_OUT_VERBS, LIST_PUBLISH_VERBS, OFFICE_ENDINGS, PLAN_WORDS, RANK_SET_OPENERS, RANK_SETS, RATE_WORDS, SENTENCE_TARGET_OPENERS, SPEECH_VERBS } from './lexicon/frames.ts';
import { readsAsReport } from './report.ts';
import { gapSubject, pullIndicator } from './rules/gap-subject.ts';
import { placeName, placeOnlySubject } from './rules/place-subject.ts';
import { sharedValueItems } from './rules/shared-value-list.ts';
import { projectAttribute } from './rules/project-attribute.ts';
import { classedList, leadingItems } from './rules/classed-list.ts';
import { growingCount, thresholdCount } from './rules/growing-count.ts';
import { rateAfterValue } from './rules/rate-after-value.ts';
import { changeFromTo, previousPeriod, type ChangeStep } from './rules/change-from-to.ts';
import { notAFigure } from './rules/not-a-figure.ts';
import { pronounSubject } from './rules/pronoun-subject.ts';
import { amountFromTo, type AmountStep } from './rules/amount-from-to.ts';
import { placeList, type PlaceList } from './rules/place-list.ts';
import { placeValue } from './rules/place-value.ts';
import { rankChange, type RankStep } from './rules/rank-change.ts';
import { countDifference } from './rules/count-difference.ts';
import { periodSeries, type PeriodSeries } from './rules/period-series.ts';
import { bracketedValue, type BracketedValue } from './rules/bracketed-value.ts';
import { gazetteer } from '../regions/gazetteer.ts';
import { sentenceSpans } from './sentences.ts';
import { findTokens } from './tokens.ts';
import type { DocumentContext, Figure, FigureKind } from './types.ts';

const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');

const STOCK_RE = new RegExp(alt(STOCK_CUES));
const CUMULATIVE_FLOW = new RegExp(`累计(?:${alt(CUMULATIVE_FLOW_VERBS)})`);
const FLOW_START = new RegExp(`^(?:${alt(FLOW_PREFIXES)})`);
const TARGET_RE = new RegExp(alt(TARGET_CUES).replace('计划投资|', '(?<!年度|占)计划投资|').replace(/(^|\|)计划(?=\||$)/, '$1(?<!年度|占|行动)计划(?!单列)'));
const SENTENCE_TARGET = new RegExp(`^(?:${alt(SENTENCE_TARGET_OPENERS)}|到20\\d{2}年)`);
const LEVEL_TARGET = new RegExp(alt(LEVEL_TARGET_CUES));
const RANK_CUE_RE = new RegExp(`(?:均|都)?(?:${alt(RANK_CUES)})$`);
const REGION_HEAD = /^[\u4e00-\u9fff]{1,4}?[市县](?!场)|^[\u4e00-\u9fff]{2,3}(?=规模以上|规上|工业|制造业)/;
const RANK_CUE_ANY = new RegExp(`(?:均|都)?(?:${alt(RANK_CUES)})`, 'g');
const RANK_SCOPE = new RegExp(alt([...RANK_SETS, ...RANK_SET_OPENERS]));
const RANK_CONTEXT = new RegExp(`${alt(RANK_CUES)}|${alt(RANK_SETS)}`);
const GAP_RE = new RegExp(alt(GAP_CUES.map((c) => c.word)), 'g');
const GAP_SIGN = new Map(GAP_CUES.map((c) => [c.word, c.sign]));
const BASIS_RE = /(?:高于|低于|快于|慢于|领先|高出|较|比)(.*?)(?:分别|均)?(?:提高|提升|增加|下降|下滑|回落|回升|减少|降低|扩大|收窄|加快|放缓|上升|高出|低|高|快|慢)?了?$/;
// `比全省高`, `较全国低`: the direction stands after the basis.
const RATE_END = new RegExp(`(?<=.{2})(?:${alt(RATE_WORDS)})$`);
const RATE_IS = new RegExp(`(${alt(RATE_WORDS)})(?:分别|同比|均|都|仍)*(?:为|是|达到|达|在|超过|超|保持在)$`);
// `增速高于全省2.1%`, `增速比全国高出了7.7%`: a rate compared, its difference written with %.
const RATE_COMPARED = new RegExp(`(?:${alt(RATE_WORDS)})[^,;:]{0,3}(?:(?:${alt(GAP_CUES.map((c) => c.word).filter((w) => /于|高出|超出/.test(w)))})[^,;:\\d]{0,10}|(?:比|较)[^,;:\\d]{1,10}?(?:高出|高|快|低|慢)了?)$`);
const COMPARED_DIRECTION = /(?:比|较)[^比较]{1,12}?(高出|高|快|低|慢)了?$/;
// A gap's subject ends where its comparison starts (`增速高于全省…`).
const FROM_COMPARISON = new RegExp(`(?:${BASIS_RE.source.slice(0, BASIS_RE.source.indexOf(')') + 1)}).*$`);
const GENERIC_SUBJECT = new RegExp(`^(?:${alt(GENERIC_SUBJECTS)})?$`);
const NEEDS_GROWTH = new RegExp(`^.{0,2}(?:${alt(COUNTED_NEEDS_GROWTH)})`);
const NOT_NOUN = new RegExp(`^(?:${alt(NOT_NOUN_STARTS)})`);
// An office's spokesman (`市工业和信息化局相关负责人表示`) states the region's plans, not a firm's.
const FIRM_SPEAKER = new RegExp(`(?<!(?:${alt(OFFICE_ENDINGS)})(?:相关|有关)?)(?:${alt(FIRM_ROLES)})[^,。]{0,8}(?:${alt(SPEECH_VERBS)})`);
const FIRM_SUBJECT = new RegExp(alt(FIRM_WORDS));
// `39个工业大类行业中有30个`: the first count is the set the second is taken from.
const DENOMINATOR_TAIL = /^([\u4e00-\u9fff"“”]{1,14}?)(?:中(?:有|共有|的)?|(?<!中)有)$/;
const INVESTMENT_OF_PREVIOUS = new RegExp(`^(?:${alt(INVESTMENT_OF_COUNTED)})$`);
const RESULT_START = new RegExp(`^(?:${alt(RESULT_VERBS)})`);
// `218家企业入选,入选数量居全省第3位`: the rank of the count just given.
const COUNT_OF_PREVIOUS = new RegExp(`^(?:${alt(COUNTED_VERBS)})数量$`);
// `公布…名单,某市218家企业入选`: what they were selected into is the list named before.
const LIST_NAMED = new RegExp(`(?:${alt(LIST_PUBLISH_VERBS)})了?(?:\\d{4}年度?)?(.{2,30}?)名单|([^,:;]{2,30}?)名单(?:正式)?(?:${alt(LIST_OUT_VERBS)})`);
const BARE_SELECTION = new RegExp(`^(${alt(Object.keys(SELECTION_VERBS))})(.{0,6})$`);
const LIST_THEN_VALUES = /分别(?:有|为|是|新增)?$/;
const JOINER = /^(?:、|和|及|与)$/;
// `分别增长5.2%、9.6%和下降1.8%`: a value of a run may bring its own direction.
const JOINED_CUE = new RegExp(`^(?:、|和|及|与)(${alt(GROWTH_CUES.map((c) => c.word))})$`);
const GROWTH_SIGN = new Map(GROWTH_CUES.map((c) => [c.word, c.sign]));
const LIST_JOINERS = /和|及|与/g;
const SHARED_MEASURE_END = new RegExp(`(?:${alt(SHARED_MEASURES)})$`);
const QUALIFIER = new RegExp(alt(PERIOD_QUALIFIERS));
const MONTH_QUALIFIER = /当月|单月|本月/;
const RUN_PERIOD = /^(\d{4}|XXXX)-\d{2}~\1-(\d{2})$/;
// `第七批`, `2024年度` at the head of a list's name say which list, not what was selected.
const LIST_EDITION = /^(?:\d{4}年度?|第[\d一二三四五六七八九十]+批次?)+/;
const PLAN_PROGRESS = new RegExp(`^(?:年度|全年)(?:投资)?(?:${alt(PLAN_WORDS)})$`);
// `现有…168家,其中高新技术企业97家`: a part of a stock is a stock too.
const BREAKDOWN = /^其中/;
const RATE_START = new RegExp(`^(?:${alt(RATE_WORDS)})`);
const FLAT_BASIS = new RegExp(`(?:${alt(FLAT_COMPARED)})([^${FLAT_COMPARED.join('')}]{1,10})$`);
const PLACES_COUNTED = /(?<=[、和及与])([\u4e00-\u9fff]{2,4}?)(?:[两二三四五六七八九十]|\d{1,2})个?(?:市州|地市|城市|市|县|区)(?=[^、和及与]*$)/;
const DRIVEN_BY = new RegExp(`在[^,;:]{1,30}?(?:的)?(?:${alt(DRIVER_WORDS)})下`);
// `其它七个设区市`, `甘孜、泸州等6市(州)`: a subject naming a set of places, which a single place's value does not take.
const PLACE_SET = /(?:[两二三四五六七八九十\d]+个?|其[它他余]|各)(?:设区市|市州|地市|县区|市|州|县|区)|设区市|市\(州\)/;
const SHARE_WORD = /^(?:占比|比重|所占比重)$/;
const SHARED_REACH = /(?:分别|均)(?:达到|达|为)$/;
// `增速较快`, `增长明显`: a clause that says only that the items before it changed fast.
const RATE_CLAUSE = /(?:增速|增幅|增长)(?:较快|明显|加快|突出|领先)[,;]?$/;
const ENUMERATION = new RegExp(`^\\s*(?:${alt(ENUMERATORS)})`);
const FLOW_ONLY = new RegExp(`^(?:较年初|比年初|同比)?(?:${alt(FLOW_ONLY_WORDS)})$`);

/** A run of values after one subject list (`A、B分别增长x%、y%`) and what they share. */
interface RunGroup {
  kind: FigureKind;
  sign: 1 | -1;
  basis: string | null;
  /** One basis per value (`快于全国、全省2.4和0.7个百分点`). */
  bases: string[] | null;
  subjects: string[] | null;
  regions: string[] | null;
  /** One period per value (`1-6月累计增速分别为…`). */
  periods: string[] | null;
  index: number;
}

interface Draft extends Figure {
  start: number;
  end: number;
  /** The indicator without a derived suffix (增速, 数量), for figures that borrow it. */
  base: string;
  /** Where its sentence starts: figures of one sentence with different indicators are never repeats. */
  sentence: number;
}

/** What a percentage after these words is: a change (with its sign) or a share. */
function percentKind(before: string, clause: string): { kind: 'growth' | 'share'; sign: 1 | -1 } {
  // `增速分别为5.2%`, `降幅为3%`: a rate of change stated with a verb of being is still a change.
  const rate = RATE_IS.exec(before);
  if (rate) return { kind: 'growth', sign: rate[1] === '降幅' ? -1 : 1 };
  let s = before;
  for (let guard = 0; guard < 8; guard++) {
    if (LEVEL_CUES.some((w) => s.endsWith(w))) return { kind: 'share', sign: 1 };
    const g = GROWTH_CUES.find((c) => s.endsWith(c.word));
    if (g) return { kind: 'growth', sign: g.sign };
    if (SHARE_ENDINGS.some((w) => s.endsWith(w))) return { kind: 'share', sign: 1 };
    const f = CUE_FILLERS.find((w) => s.endsWith(w));
    if (!f) break;
    s = s.slice(0, -f.length);
  }
  if (/占|比重|份额/.test(clause)) return { kind: 'share', sign: 1 };
  if (/同比|比上年|较上年/.test(before)) return { kind: 'growth', sign: /下降|回落|减少|降低/.test(before) ? -1 : 1 };
  return { kind: 'share', sign: 1 };
}

function growthBasis(before: string): string | null {
  if (/同比/.test(before)) return '同比';
  if (/(?:比|较)(?:上年|去年)/.test(before)) return '上年同期';
  const y = /(?:比|较)(\d{4}年)/.exec(before);
  return y ? y[1] : null;
}

function gapOf(before: string): { sign: 1 | -1; basis: string | null } {
  let sign: 1 | -1 = 1;
  GAP_RE.lastIndex = 0;
  for (const m of before.matchAll(GAP_RE)) sign = GAP_SIGN.get(m[0]) ?? 1;
  const d = COMPARED_DIRECTION.exec(before);
  if (d) sign = d[1] === '低' || d[1] === '慢' ? -1 : 1;
  let b = BASIS_RE.exec(before);
  // `高于全国1.4个百分点、高于全省0.6个百分点`: the basis of the second is after the first value.
  if (b && /\d/.test(b[1])) b = BASIS_RE.exec(before.slice(before.search(/\d\D*$/) + 1)) ?? b;
  const basis = b ? b[1].replace(/^了|了$/g, '') || null : null;
  return { sign, basis };
}

/** `长沙市、株洲市、岳阳市规上工业…` → the regions listed at its head, when there are several. */
function regionList(s: string, wholeLast: boolean): string[] | null {
  // `沈阳、大连两市规上工业…`: the count of the places listed is no part of the last name.
  const parts = s.replace(/^[,:;、()\s]+/, '').replace(PLACES_COUNTED, '$1').split(/、|和|及|与/);
  if (parts.length < 2) return null;
  const names: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    const last = k === parts.length - 1;
    const head = !last || wholeLast ? p : (REGION_HEAD.exec(p)?.[0] ?? '');
    const info = regionByMention(head) ?? (isLocalName(head) ? { name: head } : undefined);
    if (!info || (last && !wholeLast && head === p)) return null;
    names.push(info.name);
  }
  return names;
}

/** `临江市`, `长兴县`, `顺德区` — but not `园区`, `示范区`, whose 区 ends an ordinary word. */
function isLocalName(s: string): boolean {
  if (/^[\u4e00-\u9fff]{1,4}[市县]$/.test(s)) return true;
  return /^[\u4e00-\u9fff]{2}区$/.test(s) && !NOT_DISTRICT_BEFORE.includes(s.charAt(1)) && !NOT_DISTRICT_BEFORE.includes(s.charAt(0));
}

/**
 * The words after the last value of a run joined by 、/和 (`14家、11家企业入选`): the noun
 * that each value of the run counts.
 */
function runTail(s: string, tokens: { index: number; end: number; unit: string }[], i: number): string {
  let j = i;
  while (j + 1 < tokens.length && tokens[j + 1].unit === tokens[i].unit && JOINER.test(s.slice(tokens[j].end, tokens[j + 1].index))) j++;
  if (j === i) return s.slice(tokens[i].end, tokens[i].end);
  const end = Math.min(clauseEndOf(s, tokens[j].end), j + 1 < tokens.length ? tokens[j + 1].index : s.length);
  return s.slice(tokens[j].end, end);
}

/** How many values a run joined by 、/和 holds, starting with token `i` (`2.4个和0.7个百分点` → 2). */
function runCount(s: string, tokens: { index: number; end: number; unit: string }[], i: number): number {
  let j = i;
  while (j + 1 < tokens.length && tokens[j + 1].unit === tokens[i].unit) {
    const between = s.slice(tokens[j].end, tokens[j + 1].index);
    if (!JOINER.test(between) && !(tokens[i].unit === '%' && JOINED_CUE.test(between))) break;
    j++;
  }
  return j - i + 1;
}

/**
 * The subjects of a `分别` list with `n` values. Names may hold 和/及 themselves
 * (`电力热力燃气及水生产和供应业`) or even 、 (`计算机、通信和其他电子设备制造业`): the count of
 * values says how many subjects there are, and a split or a join is made where the items
 * then end alike (`…业`, `…业`).
 */
function listItems(raw: string, n: number): string[] {
  if (n < 2) return raw.split(/、|和|与|及/).filter((x) => x.length >= 2);
  let parts = raw.split('、');
  const lastPart = parts[parts.length - 1];
  const measure = SHARED_MEASURE_END.exec(lastPart);
  const lastItem = measure && measure.index >= 2 ? lastPart.slice(0, measure.index) : lastPart;
  const ending = lastItem.charAt(lastItem.length - 1);
  if (parts.length < n) {
    const cuts: { at: number; alike: boolean }[] = [];
    let offset = 0;
    for (const p of parts) {
      const body = p === lastPart ? lastItem : p;
      LIST_JOINERS.lastIndex = 0;
      for (const m of body.matchAll(LIST_JOINERS)) {
        if (m.index < 2 || body.length - m.index - 1 < 2) continue;
        cuts.push({ at: offset + m.index, alike: body.charAt(m.index - 1) === ending });
      }
      offset += p.length + 1;
    }
    const need = n - parts.length;
    if (cuts.length < need) return parts.length > 1 ? withMeasure(parts, measure?.[0]) : [];
    const chosen = [...cuts.filter((c) => c.alike), ...cuts.filter((c) => !c.alike)].slice(0, need).map((c) => c.at);
    const marks = new Set(chosen);
    parts = [];
    let from = 0;
    for (let k = 0; k <= raw.length; k++) {
      if (k === raw.length || raw.charAt(k) === '、' || marks.has(k)) {
        parts.push(raw.slice(from, k));
        from = k + 1;
      }
    }
  } else if (parts.length > n) {
    // `计算机、通信和其他电子设备制造业`: an item that does not end like the others joins the next.
    let extra = parts.length - n;
    const merged: string[] = [];
    for (let k = 0; k < parts.length; k++) {
      if (extra > 0 && k < parts.length - 1 && parts[k].charAt(parts[k].length - 1) !== ending) {
        parts[k + 1] = `${parts[k]}、${parts[k + 1]}`;
        extra--;
        continue;
      }
      merged.push(parts[k]);
    }
    if (merged.length !== n) return raw.split(/、|和|与|及/).filter((x) => x.length >= 2);
    parts = merged;
  }
  return withMeasure(parts.filter((x) => x.length >= 2), measure?.[0]);
}

/** `采矿业、制造业增加值`: the measure named once after the last item is every item's. */
function withMeasure(parts: string[], measure: string | undefined): string[] {
  if (!measure || parts.some((p, k) => k < parts.length - 1 && SHARED_MEASURE_END.test(p))) return parts;
  return parts.map((p, k) => (k < parts.length - 1 ? p + measure : p));
}

/** `1-4月…,当月增长`: the last month (or quarter) of the run the sentence is about. */
function qualifiedPeriod(period: string | null, qualifier: string): string | null {
  const m = period ? RUN_PERIOD.exec(period) : null;
  if (!m) return period;
  const year = m[1];
  const last = Number(m[2]);
  if (MONTH_QUALIFIER.test(qualifier)) return `${year}-${String(last).padStart(2, '0')}`;
  if (last % 3 !== 0) return period;
  return `${year}-${String(last - 2).padStart(2, '0')}~${year}-${String(last).padStart(2, '0')}`;
}

function lastMatch(re: RegExp, s: string): { index: number; length: number } | null {
  let last: { index: number; length: number } | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) last = { index: m.index, length: m[0].length };
  return last;
}

/** Whether position `at` of `s` stands inside an open…close pair (`《…》`, `“…”`). */
function isInside(s: string, at: number, open: number, close: number): boolean {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const c = s.charCodeAt(i);
    if (c === open) depth++;
    else if (c === close && depth > 0) depth--;
  }
  return depth > 0;
}

const COMMA = 44;
const COLON = 58;
const SEMICOLON = 59;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const BOOK_OPEN = 0x300a;
const BOOK_CLOSE = 0x300b;
const QUOTE_OPEN = 0x201c;
const QUOTE_CLOSE = 0x201d;

function isClauseBreak(c: number): boolean {
  return c === COMMA || c === COLON || c === SEMICOLON;
}

function clauseStartOf(s: string, at: number): number {
  let i = at - 1;
  let parens = 0;
  for (; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === CLOSE_PAREN) parens++;
    else if (c === OPEN_PAREN) {
      if (parens === 0) break;
      parens--;
    } else if (isClauseBreak(c)) break;
  }
  return i + 1;
}

function clauseEndOf(s: string, at: number): number {
  for (let i = at; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isClauseBreak(c) || c === CLOSE_PAREN) return i;
  }
  return s.length;
}

/** The indicator of the last non-rank figure of the sentence, for figures that borrow it. */
function previousBase(sentence: Draft[], clause: string, suffix: 'rate' | 'same'): string | null {
  let p: Draft | undefined;
  for (let k = sentence.length - 1; k >= 0; k--) {
    if (sentence[k].kind !== 'rank') {
      p = sentence[k];
      break;
    }
  }
  if (!p) return null;
  const b = STOCK_RE.test(clause) ? withoutFlow(p.base) : p.base;
  if (suffix === 'same') return b;
  return p.kind === 'growth' || p.kind === 'gap' ? `${b}增速` : p.kind === 'amount' ? `${b}数量` : b;
}

function withoutFlow(s: string): string {
  return s.replace(FLOW_START, '');
}

const CALCULATION_NOTE = new RegExp(`(?:${alt(CALCULATION_NOTES)})$`);

/** The subject of the clause before `cStart` when that clause only says how a figure is reckoned (`X按可比价格计算`). */
function kindNoted(s: string, cStart: number): string | null {
  if (cStart < 2) return null;
  const prevClause = s.slice(clauseStartOf(s, cStart - 1), cStart - 1);
  if (!CALCULATION_NOTE.test(prevClause)) return null;
  return cleanSubject(prevClause.replace(CALCULATION_NOTE, '')) || null;
}

/** Key figures of a normalised document. */
export function extractFromNormalised(n: NormalisedText, ctx: DocumentContext = {}): Figure[] {
  const text = n.text;
  const docRegion = documentRegion(text, ctx.region);
  const docYear = documentYear(text, ctx.published ?? n.published);
  let periodCtx: string | null = null;
  let yearCtx: string | null = null;
  let docPeriod: string | null = null;
  const drafts: Draft[] = [];
  let lastList: RegExpExecArray | null = null;
  // The last figure of the sentence before, for a sentence that opens with `当月…`.
  let carried: Draft | null = null;
  // The last figure of the paragraph, through sentences that gave none (`增速逐月上升。增速排名…`).
  let paragraphFigure: Draft | null = null;
  let paragraphFrom = 0;
  // The whole the last share was taken of (`占全部新增企业比重`), for a bare 占比 after it.
  let shareWhole: string | null = null;

  for (const [from, to] of sentenceSpans(text)) {
    // A new paragraph falls back to the period the report opened with (`1-8月…`), not an
    // aside (`8月当月…`) or a section of its own (`1-7月,效益…`) in the paragraph before.
    // A period of another year starts a story of its own and stays.
    if (from > 0 && text.charCodeAt(from - 1) === 10 && docPeriod && periodCtx?.slice(0, 4) === docPeriod.slice(0, 4)) periodCtx = docPeriod;
    const s = text.slice(from, to);
    // Figures carried from the sentence before stay inside their paragraph.
    const sameParagraph = from === 0 || text.charCodeAt(from - 1) !== 10;
    if (!sameParagraph) {
      paragraphFigure = null;
      shareWhole = null;
      paragraphFrom = from;
    }
    const periods = findPeriods(s, docYear, yearCtx);
    const tokens = findTokens(s);
    const sentence: Draft[] = [];
    let prevEnd = 0;
    let group: RunGroup | null = null;
    let denominator: string | null = null;
    // The ranking a list of places opened (`前三的市州分别为…`) and how many of its places came.
    let placeRanking: { top: number; name: string; set: string; count: number } | null = null;
    const listRanks: Draft[] = [];
    // The places a list in this sentence named (`A、B、C并列第三`), for a value they share after (`均为2.5%`).
    let placesListed: string[] | null = null;
    // `工业总量前两位的泉州、福州分别…`: the places of a list ranked in the order listed.
    let placeRanks: { by: string; regions: string[] } | null = null;
    let firstFigure = s.length;
    const hasBook = s.indexOf('《') >= 0;
    const hasQuote = s.indexOf('“') >= 0;

    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const cStart = clauseStartOf(s, t.index);
      const cEnd = clauseEndOf(s, t.end);
      const segStart = Math.max(cStart, prevEnd);
      const before = s.slice(segStart, t.index);
      const clauseBefore = s.slice(cStart, t.index);
      const after = s.slice(t.end, cEnd);
      const nextStart = i + 1 < tokens.length ? tokens[i + 1].index : s.length;
      const tail = s.slice(t.end, Math.min(cEnd, nextStart));
      const clause = s.slice(cStart, cEnd);
      // The end of the sentence before the number, for the rules that look just behind it.
      const head = s.slice(Math.max(0, t.index - 4), t.index);
      const prev = sentence[sentence.length - 1];
      const between = s.slice(prevEnd, t.index);
      const adjacent = !!prev && prev.end === from + prevEnd;
      const cueJoin: RegExpExecArray | null = adjacent && t.type === 'percent' && (group as RunGroup | null)?.kind === 'growth' ? JOINED_CUE.exec(between) : null;
      const joined: boolean = adjacent && (/^(?:、|和|及|与|,)$/.test(between) || !!cueJoin);

      // `39个工业大类行业中有30个`: the first count is the set the second is taken from.
      if (t.type === 'count' && i + 1 < tokens.length && tokens[i + 1].type === 'count') {
        const d = DENOMINATOR_TAIL.exec(tail);
        if (d) {
          denominator = d[1];
          continue;
        }
      }
      const insideTitle = hasBook && isInside(s, t.index, BOOK_OPEN, BOOK_CLOSE);
      const insideSlogan = hasQuote && isInside(s, t.index, QUOTE_OPEN, QUOTE_CLOSE);
      if (notAFigure({ token: t, clauseBefore, before, after, tail, clause, head, insideTitle, insideSlogan })) continue;

      let kind: FigureKind;
      let value = t.value;
      let unit = t.unit;
      let basis: string | null = null;
      let bases: string[] | null = null;
      let sign: 1 | -1 = 1;
      const inGroup: boolean = !!(joined && group && t.type !== 'rank' && prev.unit === t.unit);
      let bracket: BracketedValue | null = null;
      let turn: ChangeStep | null = null;
      let rated: string | null = null;
      // A gap with no subject of its own (`…增长18%,高于全区9.9个百分点`) speaks of the figure before it.
      let gapOfPrevious = false;
      let placeRegion: string | null = null;
      let noted: string | null = null;
      let move: RankStep | null = null;
      // Places beyond the first that one value is stated for (`A、B、C并列第三`, `占比均为2.5%`).
      let extraRegions: string[] = [];
      let groupRegion: string | null = null;
      // `A、B、C增速均在10%以上`: the items one value was stated for, which later runs of the sentence follow.
      let sharedItems: string[] | null = null;

      if (t.type === 'rank') {
        const raw = s.slice(t.index, t.end);
        const next = s.charAt(t.end);
        if (raw.startsWith('第') && /[批届次家个期轮季年章条款部项座号代大届阶类种篇]/.test(next)) continue;
        if (!raw.startsWith('第') && /[\u4e00-\u9fff]/.test(next) && raw !== '之首') continue;
        if (raw.startsWith('第') && !RANK_CONTEXT.test(clauseBefore.slice(-14))) continue;
        move = rankChange(before);
        if (!move && /(?:新年|是|成为|为|的)$/.test(before)) continue;
        kind = 'rank';
      } else if (t.type === 'points') {
        kind = 'gap';
        const g: { sign: 1 | -1; basis: string | null } = inGroup && group ? { sign: group.sign, basis: group.bases?.[i - group.index] ?? group.basis } : gapOf(clauseBefore);
        sign = g.sign;
        basis = g.basis;
        // `增速与上半年持平`: the flat word stands right after its basis.
        if (t.chinese && !basis) basis = FLAT_BASIS.exec(clauseBefore)?.[1] ?? null;
        // `快于全国、全省2.4和0.7个百分点`: one basis for each value; one value against both.
        const sets: string[] = !inGroup && basis ? basis.split(/、|和|及|与/) : [];
        if (sets.length > 1 && sets.every((x) => x.length >= 2 && !/百分点|%/.test(x))) {
          const n = runCount(s, tokens, i);
          if (n === sets.length || n === 1) {
            bases = sets;
            basis = sets[0];
          }
        }
      } else if (t.type === 'percent' || t.type === 'tenths' || t.type === 'times') {
        if (inGroup && group) {
          kind = group.kind;
          sign = cueJoin ? (GROWTH_SIGN.get(cueJoin[1]) ?? group.sign) : group.sign;
          basis = group.basis;
        } else {
          let pk = t.type === 'tenths' ? { kind: 'share' as const, sign: 1 as const } : percentKind(before, clause);
          bracket = t.type === 'percent' ? bracketedValue(s, t.index, t.end) : null;
          if (bracket) pk = { kind: bracket.kind, sign: 1 };
          // `增速由上月的7.5%回落至4.2%`: both values are changes of one indicator.
          turn = t.type === 'percent' && !bracket ? changeFromTo(clauseBefore) : null;
          if (turn) pk = { kind: 'growth', sign: turn.sign };
          // `煤炭工业利润28.7%的增速`: the rate named after the value.
          rated = pk.kind === 'share' && !bracket && !turn ? rateAfterValue(before, after) : null;
          if (rated !== null) pk = { kind: 'growth', sign: 1 };
          // `…增长12%,其中白银市为19.1%`: a place's value after a change is that change for the place.
          const lastFigure = prev ?? carried;
          if (pk.kind === 'share' && lastFigure?.kind === 'growth' && !/占|比重|占比|份额|比例/.test(clause) && placeOnlySubject(before)) pk = { kind: 'growth', sign: 1 };
          // `A、B增速较快,分别达17.9%和14.7%`, `…增长14%;C、D均达10%`: a value reached among changes is a change.
          const reached = pk.kind === 'share' && !/占|比重|占比|份额|比例|率|面/.test(clause) && SHARED_REACH.test(before);
          if (reached && (lastFigure?.kind === 'growth' || lastFigure?.kind === 'gap' || RATE_CLAUSE.test(s.slice(cStart > 0 ? clauseStartOf(s, cStart - 1) : 0, cStart)))) pk = { kind: 'growth', sign: 1 };
          // A note on how it is reckoned (`…增加值按可比价格计算,同比下降17%`) leaves the subject in the clause before.
          noted = kindNoted(s, cStart);
          // A multiple is a figure only as a change (`增长1.4倍`).
          if (t.type === 'times' && pk.kind !== 'growth') {
            prevEnd = t.end;
            continue;
          }
          kind = pk.kind;
          sign = pk.sign;
          // `增速比全国高出了7.7%`: a difference of rates written with % is a gap in points.
          if (kind === 'share' && RATE_COMPARED.test(clauseBefore)) {
            kind = 'gap';
            unit = '百分点';
            const g = gapOf(clauseBefore);
            sign = g.sign;
          }
          basis = kind === 'growth' ? growthBasis(clauseBefore) : kind === 'gap' ? gapOf(clauseBefore).basis : null;
          if (kind === 'share') {
            const z = /占(?!比)(.+?)(?:的)?(?:比重|份额|比例)?(?:为|达到|达)?了?$/.exec(before) ?? /占(?!比)(.+?)(?:的)?(?:比重|份额|比例)/.exec(clause);
            basis = z ? z[1].replace(/(?:比重|份额|比例|\d.*)$/, '') || null : null;
          }
        }
      } else kind = 'amount';

      if (kind === 'growth' || kind === 'gap') value = sign * value;
      // `规上工业企业从39家增加至117家`: the earlier and the later amount of one indicator.
      const fromTo = kind === 'amount' ? amountFromTo(before) : null;
      const amountStep: AmountStep | null =
        fromTo?.step === 'from' && cleanSubject(fromTo.subject) ? fromTo : fromTo?.step === 'to' && prev?.kind === 'amount' && countLike(prev.unit) === countLike(unit) ? fromTo : null;
      const runYear = (periods.findLast((p) => p.end <= t.index && p.index >= cStart)?.period ?? docYear).slice(0, 4);
      const series: PeriodSeries | null = kind === 'growth' && !inGroup ? periodSeries(clauseBefore, runCount(s, tokens, i), runYear) : null;

      // Indicator.
      let indicators: { name: string; base: string; basis: string | null }[] = [];

      if (kind === 'rank' && prev?.kind === 'rank' && /^、[^,;:、]{2,16}$/.test(before) && !RANK_CUE_ANY.test(before.slice(1))) {
        // `居全省第4位、24个万亿城市第4位`: the same figure ranked in another set.
        indicators.push({ name: prev.indicator, base: prev.base, basis: before.slice(1).replace(/^在|中$/g, '') });
      } else if (kind === 'rank' && move?.step === 'to' && prev?.kind === 'rank') {
        // `…从第23位提升到第1位`: the later position, in the same ranking as the earlier.
        indicators.push({ name: prev.indicator, base: prev.base, basis: prev.basis });
      } else if (kind === 'rank') {
        const ranked = move && move.at > 0 ? before.slice(0, move.at) : before;
        const found = RANK_SCOPE.exec(ranked);
        // Without a scope word the set ranked is what follows the cue (`列湖州市三县两区第一`);
        // a cue before the scope word opens the set (`居24个万亿城市第3`).
        const cueAt = lastMatch(RANK_CUE_ANY, ranked);
        const scope = found && !(cueAt && cueAt.index < found.index && /\d|[一二三四五六七八九十]个/.test(ranked.slice(cueAt.index, found.index))) ? found : null;
        const cue = scope ? null : cueAt;
        const splitAt = scope ? scope.index : cue ? cue.index : ranked.length;
        let subject = ranked.slice(0, splitAt);
        let basisText = scope ? ranked.slice(scope.index) : cue ? ranked.slice(cue.index + cue.length) : '';
        basisText = basisText.replace(/^在/, '').replace(RANK_CUE_RE, '').replace(/(?:中|的)$/, '').replace(RANK_CUE_RE, '');
        subject = cleanSubject(subject.replace(RANK_CUE_RE, ''));
        const sets = basisText.split(/及|和|、/).filter((x) => x.length >= 2);
        const bases = sets.length > 1 && sets.every((x) => RANK_SCOPE.test(x)) ? sets : [basisText || null];
        const all = /均|都/.test(ranked) && !subject;
        const names: { name: string; base: string }[] = [];
        // `遵义市、铜仁市、黔西南州并列第三`: a list of places tied at one position, in the ranking of the figure before.
        const tied = placeList(ranked.slice(0, splitAt).replace(/^[,:;、\s]+/, '').replace(/并$/, ''));
        const ranking = tied ? (listRanks.findLast((d) => d.base)?.base ?? sentence.findLast((d) => d.kind !== 'rank')?.base ?? null) : null;
        if (tied && ranking) {
          names.push({ name: ranking, base: ranking });
          placesListed = tied.regions;
          groupRegion = tied.regions[0];
          extraRegions = tied.regions.slice(1);
        } else if (all) {
          for (const d of sentence) {
            if (d.kind === 'rank' || d.kind === 'gap') continue;
            names.push({ name: d.kind === 'growth' ? `${d.base}增速` : d.base, base: d.base });
          }
        } else if (!subject || GENERIC_SUBJECT.test(subject) || /^(?:数量|增速|增幅)/.test(subject) || (COUNT_OF_PREVIOUS.test(subject) && sentence.length > 0)) {
          // `…增长8.1%。增速保持全省第二`: a rate's rank in the sentence after speaks of the figure before.
          const known = carried ?? paragraphFigure;
          const carriedRate = !sentence.length && sameParagraph && known && RATE_START.test(subject) ? { name: known.kind === 'share' ? known.base : `${known.base}增速`, base: known.base } : null;
          const pb = previousBase(sentence, clause, 'rate') ?? carriedRate?.name ?? null;
          const own = subject && !pb?.endsWith(subject) && !COUNT_OF_PREVIOUS.test(subject);
          if (carriedRate) names.push(carriedRate);
          else if (pb) names.push({ name: own ? `${previousBase(sentence, clause, 'same')}${subject}` : pb, base: previousBase(sentence, clause, 'same') ?? pb });
        } else names.push({ name: subject, base: subject });
        for (const nm of names) for (const b of bases) indicators.push({ name: nm.name, base: nm.base, basis: b });
      } else if (kind === 'gap') {
        const pull = inGroup ? null : pullIndicator(clauseBefore);
        const g = gapSubject(before);
        if (g.decline && !inGroup) value = -value;
        const subject = g.subject;
        // A generic subject (`增速比上半年提高…`) stands for the indicator before it, in this sentence or the last.
        const carriedRate = carried && carried.kind !== 'share' ? `${carried.base}增速` : (carried?.base ?? null);
        const pb = previousBase(sentence, clause, 'rate') ?? carriedRate;
        const named = !!subject && !GENERIC_SUBJECT.test(subject);
        gapOfPrevious = !named && !pull;
        // `…投资增长12.7%,占比同期提高2个百分点`: a bare share word is the share of what the figure before measured.
        const shareOf = named && SHARE_WORD.test(subject) ? (previousBase(sentence, clause, 'same') ?? carried?.base ?? null) : null;
        let name = shareOf ? `${shareOf}${subject}` : named ? subject : pb;
        let base = (named ? subject : (previousBase(sentence, clause, 'same') ?? carried?.base ?? null)) || name;
        if (pull) {
          // `制造业增长14%,贡献率达98.6%,拉动…`: what pulls is what grew, not its share of the growth.
          const grew = sentence.findLast((d) => d.kind === 'growth')?.base;
          const driver = pull.driver && !GENERIC_SUBJECT.test(pull.driver) ? pull.driver : (grew ?? previousBase(sentence, clause, 'same') ?? carried?.base ?? '');
          name = `${driver}拉动${pull.what}增长`;
          base = name;
        }
        if (name && base) {
          if (bases && runCount(s, tokens, i) === 1) for (const b of bases) indicators.push({ name, base, basis: b });
          else indicators.push({ name, base, basis });
        }
      } else if (kind === 'growth' && turn) {
        const name = turn.subject && !GENERIC_SUBJECT.test(turn.subject) ? turn.subject : (previousBase(sentence, clause, 'same') ?? carried?.base ?? null);
        if (name) indicators.push({ name, base: name, basis });
      } else if (kind === 'growth') {
        // `X投资在A、B等领域带动下增长83%`: what drove the change is no part of its subject.
        const own = before.includes('下') ? before.replace(DRIVEN_BY, '') : before;
        // `A企业在…中扮演"主力军",其一季度产值增长16.2%`: 其 is the owner named in the clause before.
        const its = cStart > 0 ? pronounSubject(beforeGrowthCue(own), s.slice(clauseStartOf(s, cStart - 1), cStart - 1)) : null;
        const subject = its ?? cleanSubject(beforeGrowthCue(rated ?? own)).replace(RATE_END, '');
        const place = placeOnlySubject(before);
        // A place's value is of what the places before it were measured by, not of a set of places (`其它七个设区市`).
        const placeMeasure = place ? sentence.findLast((d) => d.kind === 'growth' && d.region !== docRegion?.name)?.base : undefined;
        const previous = previousBase(sentence, clause, 'same');
        let name = subject && !GENERIC_SUBJECT.test(subject) && !place ? subject : (placeMeasure ?? (place && previous && PLACE_SET.test(previous) ? null : previous));
        // `营口市同比增长10.3%` in the sentence after the province's figure: the same indicator, for that place.
        const known = carried ?? paragraphFigure;
        if (!name && place) name = known && !PLACE_SET.test(known.base) ? known.base : (drafts.find((d) => d.tier === 1 && d.kind === 'growth')?.base ?? known?.base ?? null);
        if (place) placeRegion = placeName(place);
        if (!name && noted) name = noted;
        if (!name && series) name = series.name;
        // `…增加值增速实现了两个第一:一是6月当月,同比增长16.5%`: the indicator the sentence named before.
        const generic = !subject || GENERIC_SUBJECT.test(subject);
        if (!name && generic && !sentence.length) name = lastNamedIndicator(s.slice(0, cStart));
        // `…增长16.5%;二是1-6月,同比增长19.9%`: a point of an enumeration names no indicator of its own.
        if (!name && generic && !sentence.length && sameParagraph && carried && ENUMERATION.test(s)) name = carried.base;
        const items: string[] | null = inGroup || /分别/.test(clauseBefore) ? null : sharedValueItems(own);
        if (items) for (const item of items) indicators.push({ name: item, base: item, basis });
        else if (name) indicators.push({ name, base: name, basis });
        sharedItems = items;
      } else if (kind === 'share') {
        let subject = cleanSubject(before);
        // `制造业增长14%,对全市规上工业贡献率达98.6%`: the contribution is of what grew.
        const grew = /^[,;、\s]*对/.test(before) ? sentence.findLast((d) => d.kind === 'growth')?.base : undefined;
        if (grew && subject && !subject.startsWith(grew)) subject = `${grew}对${subject.replace(/^对/, '')}`;
        // `合计占全市的比重达到39.8%`: the total of what the sentence counted before.
        subject = subject.replace(/^(?:合计|总计|共计)(?=占)/, '');
        // `A22家,占全部新增企业比重19.6%;B15家,占比13.4%`: a bare 占比 is a share of the whole named before.
        if (subject === '占比' && shareWhole) subject = shareWhole;
        if (subject.startsWith('占') && prev) subject = `${previousBase(sentence, clause, 'same')}${subject}`;
        // `完成年度计划的54.6%`: the share of the plan that the indicator before has reached.
        if (PLAN_PROGRESS.test(subject) && prev) {
          basis = subject;
          subject = `${previousBase(sentence, clause, 'same')}占${subject}比重`;
        }
        const name = subject && !GENERIC_SUBJECT.test(subject) ? subject : previousBase(sentence, clause, 'same');
        if (name) indicators.push({ name, base: name, basis });
      } else if (amountStep) {
        const name = amountStep.step === 'from' ? cleanSubject(amountStep.subject) : prev.base;
        indicators.push({ name, base: name, basis: null });
      } else {
        const trimmedTail = (JOINER.test(tail) ? runTail(s, tokens, i) : tail).replace(/^[)"”]+/, '');
        const nounFirst = !/^["”]/.test(tail) && trimmedTail.length >= 2 && /^[\u4e00-\u9fffA-Za-z"“]/.test(trimmedTail) && !NOT_NOUN.test(trimmedTail);
        // `投资1.5亿元的某某项目`, `年产10万吨某某`: the attribute of the project named after it.
        let name = projectAttribute(before, unit, after) ?? (t.type === 'count' ? (growingCount(after) ?? thresholdCount(s.slice(t.end, t.end + 40).split(/[,;:]/)[0])) : null) ?? (nounFirst ? nounFirstIndicator(before, trimmedTail) : '');
        const bare = BARE_SELECTION.exec(name);
        const list = bare ? (LIST_NAMED.exec(s.slice(0, t.index)) ?? lastList) : null;
        if (bare && list) name = `${SELECTION_VERBS[bare[1]]}${cleanSubject((list[1] ?? list[2]).replace(LIST_EDITION, ''))}`;
        else if (bare) {
          // `38家企业入选第七批某某名单`: what they were selected into follows the verb.
          const object = cleanSubject(after.slice(after.indexOf(bare[1]) + bare[1].length).replace(/名单$/, ''));
          if (object.length >= 2) name = `${SELECTION_VERBS[bare[1]]}${object}${object.endsWith(bare[2]) ? '' : bare[2]}`;
        }
        // `…行业中有29个实现增长`: the things counted are named by the set before.
        if (denominator && t.type === 'count' && RESULT_START.test(trimmedTail)) name = `${trimmedTail.replace(/[了的]+$/, '')}的${denominator}`;
        if (!name) {
          let subject = cleanSubject(before.replace(/\((?:全省|全国|全市)?$/, ''));
          // `某某(全省12个)`: the thing counted stands before the bracket.
          if (!subject && s.charAt(cStart - 1) === '(') subject = cleanSubject(s.slice(clauseStartOf(s, cStart - 1), cStart - 1));
          name = subject && !GENERIC_SUBJECT.test(subject) ? subject : (previousBase(sentence, clause, 'same') ?? '');
          if (subject && /^(?:数量|总数|总量)/.test(subject) && prev) name = previousBase(sentence, clause, 'same') ?? subject;
          // `签约项目48个,总投资386.5亿元`: the investment of the things just counted.
          if (prev && INVESTMENT_OF_PREVIOUS.test(subject) && countLike(prev.unit)) name = `${previousBase(sentence, clause, 'same')}${subject}`;
          if (prev && FLOW_ONLY.test(subject)) name = `${subject}${previousBase(sentence, clause, 'same')}`;
          // `项目299个,比上年同期增加155个`: the difference of the count just given.
          const diff = prev && countLike(prev.unit) && countLike(unit) ? countDifference(subject, prev.base) : null;
          if (diff) {
            indicators.push({ name: diff.name, base: prev.base, basis: diff.basis });
            name = '';
          }
        }
        if (name && t.type === 'level' && !/规模|集群|产业/.test(name.slice(-4))) name = `${name}规模`;
        if (name) indicators.push({ name, base: name, basis: null });
      }

      // `A、B、C并列第三,占比均为2.5%`: one value for each place the sentence just listed.
      if (placesListed && kind !== 'rank' && /均|都/.test(before)) {
        groupRegion = placesListed[0];
        extraRegions = placesListed.slice(1);
        placesListed = null;
      }
      // `前三的市州分别为安顺市38家、遵义市17家`: a place right before its value in a list.
      const placed = (kind === 'amount' || kind === 'share') && !bracket ? placeValue(before) : null;
      let ranked: { value: number; name: string; set: string } | null = null;
      if (placed) {
        const same = sentence.findLast((d) => d.kind === kind) ?? (carried?.kind === kind ? carried : null);
        const name = placed.subject || same?.base || indicators[0]?.name;
        if (name) indicators = [{ name, base: name, basis: indicators[0]?.basis ?? null }];
        placeRegion = placed.region;
        if (placed.opens || placed.rest) placeRanking = placed.top ? { top: placed.top, name: name ?? '', set: placed.set, count: 0 } : null;
        if (placeRanking && placeRanking.count < placeRanking.top) ranked = { value: ++placeRanking.count, name: placeRanking.name, set: placeRanking.set };
      }
      // `汽车制造(17.6%)`: the value is the bracketed name's; `全国(5.1%)`: the indicator before, for that place.
      if (bracket && !bracket.place) indicators = [{ name: bracket.name, base: bracket.name, basis: null }];
      else if (bracket && (prev ?? carried)) {
        const last = (prev ?? carried)!;
        indicators = [{ name: last.base, base: last.base, basis: null }];
        groupRegion = bracket.name === '全国' ? '全国' : (regionByMention(bracket.name)?.name ?? gazetteer().resolve(bracket.name)?.name ?? bracket.name);
      }
      // `A、B分别增长x%、y%`: pair the subjects with the values.
      if (inGroup && group && group.subjects && kind !== 'rank') {
        const k = i - group.index;
        // A value beyond the subjects listed belongs to none of them.
        indicators = k < group.subjects.length ? [{ name: group.subjects[k], base: group.subjects[k], basis: indicators[0]?.basis ?? basis }] : [];
      } else if (inGroup && group && group.regions && kind !== 'rank') {
        groupRegion = group.regions[i - group.index] ?? null;
        if (between !== ',' && between !== '、') indicators = [{ name: prev.indicator, base: prev.base, basis }];
      } else if (inGroup && group && kind !== 'rank' && between !== ',') {
        // The joiner before the value (`和`, `和下降`) names nothing: the run keeps its indicator.
        indicators = [{ name: prev.indicator, base: prev.base, basis }];
      } else if (!inGroup && kind !== 'rank') {
        let subjects: string[] | null = null;
        let regions: string[] | null = null;
        if (/分别/.test(clauseBefore)) {
          const rawBefore: string = kind === 'growth' ? beforeGrowthCue(before) : before.replace(/分别.*$/, '');
          // `长沙市、株洲市、岳阳市规上工业增加值分别增长…`: one indicator, a region for each value.
          // `A区、B区分别有14家、11家企业入选`: the list is all that stands before 分别.
          regions = regionList(rawBefore, kind === 'amount' && LIST_THEN_VALUES.test(before));
          // `除厦门、南平分别增长x%、y%`: only places before 分别, the measure is the one before.
          const places: PlaceList | null = regions ? null : placeList(rawBefore.replace(/^.*[,:;]/, '').replace(/(?:同比)?(?:分别|均)(?:同比)?$/, ''));
          const known = places ? (sentence.findLast((d) => d.kind === kind && d.region !== docRegion?.name)?.base ?? previousBase(sentence, clause, 'same') ?? carried?.base ?? paragraphFigure?.base ?? lastNamedIndicator(text.slice(paragraphFrom, from + cStart)) ?? drafts.find((d) => d.tier === 1 && d.kind === kind)?.base ?? null) : null;
          if (places && known) {
            regions = places.regions;
            indicators = [{ name: known, base: known, basis }];
            if (places.rankedBy) placeRanks = { by: places.rankedBy, regions: places.regions };
          }
          // `A市、B市实现较快增长,分别增长x%和y%`: the places head the clause before.
          if (!regions && cStart > 0 && !cleanSubject(rawBefore)) {
            const listed = regionList(s.slice(clauseStartOf(s, cStart - 1), cStart - 1), false);
            const known = prev ?? carried;
            if (listed && known) {
              regions = listed;
              indicators = [{ name: known.base, base: known.base, basis }];
            }
          }
          if (regions) {
            groupRegion = regions[0];
            // `A市、B市和C市规上工业…`: the indicator is what follows the last region.
            const ind = indicators[0];
            if (ind && /^[和及与]/.test(ind.name)) {
              const own = cleanSubject(rawBefore.slice(rawBefore.search(/[、和及与][^、和及与]*$/) + 1).replace(REGION_HEAD, ''));
              if (own) indicators = [{ name: own, base: own, basis: ind.basis }];
            }
          }
          // `A、B等行业增加值分别…`: the list before 等, each item with the measure after it.
          const classed: { head: string; shared: string } | null = regions ? null : classedList(rawBefore.replace(/^.*[,:;]/, ''));
          const raw: string = classed ? classed.head : kind === 'growth' ? cleanSubject(rawBefore).replace(RATE_END, '') : cleanSubject(rawBefore);
          const shared: string = classed ? (kind === 'growth' ? classed.shared.replace(RATE_END, '') : classed.shared) : '';
          const values = runCount(s, tokens, i);
          const parts: string[] = regions ? [] : ((classed ? leadingItems(raw, values) : null) ?? listItems(raw, values)).map((p: string) => p + shared);
          if (parts.length > 1) {
            const zhan = parts[parts.length - 1].indexOf('占');
            const suffix = zhan > 0 ? parts[parts.length - 1].slice(zhan) : '';
            subjects = parts.map((p) => (suffix && !p.includes('占') ? p + suffix : p));
            indicators = [{ name: subjects[0], base: subjects[0], basis }];
          } else if (!regions && !raw && group?.subjects && group.subjects.length > 1) {
            // `A、B分别实现产值x、y,同比分别增长m%、n%`: the second run follows the subjects of the first.
            const rates = kind === 'gap' && group.kind === 'growth';
            subjects = group.subjects.map((x) => (rates && !RATE_END.test(x) ? `${x}增速` : x));
            indicators = [{ name: subjects[0], base: group.subjects[0], basis }];
          } else if (!regions && !raw && cStart > 0 && values > 1) {
            // `A、B增速较快,分别达x%和y%`: the items head the clause before, which holds no figure of its own.
            const headClause = s.slice(clauseStartOf(s, cStart - 1), cStart - 1);
            const items = /\d/.test(headClause) ? [] : listItems(cleanSubject(headClause.replace(RATE_CLAUSE, '')), values);
            if (items.length === values) {
              subjects = items;
              indicators = [{ name: subjects[0], base: subjects[0], basis }];
            }
          }
        } else if (kind === 'share' && group?.subjects && group.subjects.length > 1 && runCount(s, tokens, i) === group.subjects.length && /^占/.test(cleanSubject(before))) {
          // `A、B分别增长x%、y%,占全市的比重为m%、n%`: a run of shares without a subject follows the subjects of the run before.
          const part = cleanSubject(before);
          subjects = group.subjects.map((x) => `${x.replace(RATE_END, '')}${part}`);
          indicators = [{ name: subjects[0], base: subjects[0], basis: indicators[0]?.basis ?? basis }];
        } else if (kind === 'gap' && gapOfPrevious && group?.subjects && group.subjects.length > 1 && runCount(s, tokens, i) === group.subjects.length) {
          // `A、B分别增长x%、y%,同比加快m、n个百分点`: a run of gaps without a subject follows the subjects of the run before.
          const rate = group.kind === 'growth';
          subjects = group.subjects.map((x) => (rate && !RATE_END.test(x) ? `${x}增速` : x));
          indicators = [{ name: subjects[0], base: group.subjects[0], basis: indicators[0]?.basis ?? basis }];
        }
        group = { kind, sign, basis, bases, subjects: subjects ?? (sharedItems && sharedItems.length > 1 ? sharedItems : null), regions, periods: series?.periods ?? null, index: i };
      }
      // `…增长8.2%。4月份当月增长12.8%`: a bare period qualifier speaks of the figure before.
      const qualifier = QUALIFIER.exec(before);
      if (!indicators.length && qualifier && carried && kind !== 'rank') indicators.push({ name: kind === 'gap' ? `${carried.base}增速` : carried.base, base: carried.base, basis });
      if (!indicators.length || NOT_INDUSTRIAL_SUBJECT.test(indicators[0].name) || NOT_INDUSTRIAL_SUBJECT.test(before)) {
        prevEnd = t.end;
        continue;
      }

      // Period, region, target.
      let period: string | null = periodCtx;
      // A period in a gap's comparison (`比1-9月、上半年提高`) is its basis, not its period.
      const compared = kind === 'gap' ? cStart + clauseBefore.search(FROM_COMPARISON) : turn ? cStart + turn.at : t.index;
      for (const p of periods) if (p.end <= t.index && (p.index < compared || compared < cStart)) period = p.period;
      if (qualifier && !periods.some((p) => p.end <= t.index && p.index >= cStart)) period = qualifiedPeriod(period, qualifier[0]);
      // `1-10月,…累计实现增加值`: a running total over the period stated is a flow, not a stock.
      // `1—9月,新入规企业累计达到467家`: a flow named as one (`新…`) totals the period stated before it.
      const runningTotal = (CUMULATIVE_FLOW.test(clauseBefore) || indicators.some((ind) => FLOW_START.test(ind.name))) && periods.some((p) => p.end <= t.index);
      if (kind !== 'growth' && kind !== 'gap' && STOCK_RE.test(clauseBefore) && !runningTotal && !periods.some((p) => p.end <= t.index && p.index >= cStart)) period = null;
      if (kind === 'amount' && prev?.kind === 'amount' && prev.period === null && BREAKDOWN.test(clauseBefore) && !periods.some((p) => p.end <= t.index && p.index >= cStart)) period = null;
      // The earlier value of `由上月的7.5%回落至…` is of the time named after 由.
      // The earlier position of `排名从年初的第23位…` is of the time named after 从 (none for 年初).
      // The earlier amount of `从39家增加至117家` is of no stated time.
      if (amountStep?.step === 'from') period = null;
      if (move?.step === 'from') period = findPeriods(move.when, docYear, yearCtx)[0]?.period ?? previousPeriod(move.when, period) ?? null;
      // The later position is of the clause's time, not of the time the move started from.
      const movedFrom = move?.step === 'to' ? clauseBefore.search(/从|由/) : -1;
      if (movedFrom >= 0) period = periods.findLast((p) => p.end <= cStart + movedFrom)?.period ?? periodCtx;
      if (group?.periods && (inGroup || group.index === i)) period = group.periods[i - group.index] ?? period;
      if (turn?.step === 'from') period = findPeriods(turn.when, docYear, yearCtx)[0]?.period ?? previousPeriod(turn.when, period) ?? period;
      const ownRegion = gapOfPrevious && prev && !inGroup ? prev.region : (docRegion?.name ?? null);
      let region = groupRegion ?? placeRegion ?? (kind === 'rank' || kind === 'gap' ? ownRegion : figureRegion(before, docRegion));
      // `全国共有120家，其中A类75家`: the breakdown is about the same region.
      if (region === docRegion?.name && prev && prev.region !== region && /其中/.test(s.slice(s.lastIndexOf('共', t.index), t.index))) region = prev.region;
      const target =
        TARGET_RE.test(clauseBefore) ||
        SENTENCE_TARGET.test(s) ||
        (t.type === 'level' && LEVEL_TARGET.test(clause)) ||
        (t.type === 'bare' && /目标/.test(clause)) ||
        isFuture(period, docYear);
      // A firm's own plans, as its manager tells them, are not the region's figures.
      if (target && FIRM_SPEAKER.test(s.slice(0, t.index)) && FIRM_SUBJECT.test(clauseBefore)) {
        prevEnd = t.end;
        continue;
      }
      const unitType = unitEntry(unit.replace(/^(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千)/, ''))?.type;
      const quoteStart = from + segStart + (before.length - before.replace(/^[,:;、()\s]+/, '').length);

      for (const ind of indicators) {
        const tier1 = (isTier1Indicator(ind.name) && unitType !== 'count' && !(kind === 'amount' && SINGLE_ENTITY.test(ind.name.replace(REGION_WIDE_FIRMS, '')))) || (kind === 'amount' && NEEDS_GROWTH.test(ind.name.replace(/^.*?(行业)/, '$1')) && unitType === 'count');
        const d: Draft = {
          tier: tier1 ? 1 : 2,
          region,
          period,
          indicator: ind.name,
          kind,
          value: Math.round(value * 1e6) / 1e6,
          unit,
          basis: ind.basis ?? basis,
          target,
          quote: quoteOf(n, quoteStart, from + t.end),
          start: quoteStart,
          end: from + t.end,
          base: ind.base,
          sentence: from,
        };
        sentence.push(d);
      }
      if (extraRegions.length && sentence.length) {
        const first = sentence[sentence.length - 1];
        for (const r of extraRegions) listRanks.push({ ...first, region: r });
      }
      if (placeRanks && sentence.length) {
        const first = sentence[sentence.length - 1];
        placeRanks.regions.forEach((r, k) => listRanks.push({ ...first, kind: 'rank', value: k + 1, unit: '位', indicator: placeRanks!.by, base: placeRanks!.by, basis: null, region: r, period: null, tier: 2 }));
        placeRanks = null;
      }
      if (ranked && region) listRanks.push({ ...sentence[sentence.length - 1], kind: 'rank', value: ranked.value, unit: '位', indicator: ranked.name, base: ranked.name, basis: ranked.set || null, tier: 2 });
      if (firstFigure === s.length) firstFigure = t.index;
      prevEnd = t.end;
    }
    // A period inside a sentence after its first figure (`…增长10.2%,二季度增长11%`) is an
    // aside; only periods that frame a sentence carry over to the next ones. Numbers that
    // gave no figure (`第十四届`, a date line) do not end the frame.
    for (const p of periods) {
      if (p.index < firstFigure) {
        periodCtx = p.period;
        if (sentence.length) docPeriod ??= p.period;
      }
      if (p.explicitYear) yearCtx = p.explicitYear;
    }
    drafts.push(...sentence, ...listRanks);
    carried = sentence.findLast((d) => d.kind !== 'rank') ?? null;
    paragraphFigure = carried ?? paragraphFigure;
    for (const d of sentence) if (d.kind === 'share') shareWhole = /占[^占]{2,20}比重$/.exec(d.indicator)?.[0] ?? shareWhole;
    // Later sentences (`A区有14家企业入选`) mean the list this one named.
    lastList = LIST_NAMED.exec(s) ?? lastList;
  }
  // Outside a report (a sports or culture story), only economic quantities are key figures.
  const kept = readsAsReport(text) ? drafts : drafts.filter((d) => ECONOMIC_INDICATOR.test(d.indicator));
  return dedupe(kept).map((d) => ({
    tier: d.tier,
    region: d.region,
    period: d.period,
    indicator: d.indicator,
    kind: d.kind,
    value: d.value,
    unit: d.unit,
    basis: d.basis,
    target: d.target,
    quote: d.quote,
  }));
}

/** A period after the document's year is a plan (`2025年,…增长15%左右` in a 2024 report). */
function isFuture(period: string | null, docYear: string): boolean {
  if (!period || !/^\d{4}$/.test(docYear)) return false;
  const y = /^(\d{4})/.exec(period);
  return !!y && Number(y[1]) > Number(docYear);
}

function countLike(unit: string): boolean {
  return unitEntry(unit)?.type === 'count';
}

/**
 * A figure of June and one of January to June are two figures, whatever else they share. A
 * year against months is left alone: a headline's year often restates a figure of its months.
 */
function samePeriod(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b || !a.includes('-') || !b.includes('-');
}

/**
 * `规模以上民营工业增加值` against `规模以上工业增加值`: a qualifier set inside a name (not a
 * place or period before it) names a part of the whole, another figure.
 */
function qualifiedInside(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  const extra = long.length - short.length;
  if (extra < 1 || extra > 4) return false;
  let k = 0;
  while (k < short.length && short.charCodeAt(k) === long.charCodeAt(k)) k++;
  return k >= 2 && k <= short.length - 2 && long.endsWith(short.slice(k)) && long.startsWith(short.slice(0, k));
}

/** `X占Y比重` and `X增速` share most of their words but never state the same figure. */
function sameWhole(a: string, b: string): boolean {
  return a.includes('占') === b.includes('占');
}

/** A figure repeated in the same document is listed once. */
function dedupe(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  // Only figures of one kind, value and basis can repeat each other: compare within those.
  const seen = new Map<string, Draft[]>();
  for (const d of drafts) {
    const key = `${d.kind}|${d.value}|${d.basis}`;
    const alike = seen.get(key) ?? [];
    const dup = alike.some((o) => (o.unit === d.unit || (countLike(o.unit) && countLike(d.unit))) && o.region === d.region && samePeriod(o.period, d.period) && (o.sentence === d.sentence ? o.indicator === d.indicator : sameWhole(o.indicator, d.indicator) && !qualifiedInside(o.indicator, d.indicator) && indicatorSimilarity(o.indicator, d.indicator) >= 0.5));
    if (dup) continue;
    // A run of one figure repeated (a page gone wrong) is not worth more comparisons.
    if (alike.length < 16) alike.push(d);
    seen.set(key, alike);
    out.push(d);
  }
  return out;
}

/** Key figures of an article, from its raw text as scraped (ANNOTATION.md fields). */
export function extractFigures(text: string, ctx: DocumentContext = {}): Figure[] {
  return extractFromNormalised(normalise(text), ctx);
}
