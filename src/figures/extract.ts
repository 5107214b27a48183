import { normalise, quoteOf, type NormalisedText } from '../text/normalise.ts';
import { CUE_FILLERS, FLOW_PREFIXES, GAP_CUES, GROWTH_CUES, LEVEL_CUES, NOT_NOUN_STARTS, RANK_CUES, SHARE_ENDINGS, STOCK_CUES, TARGET_CUES } from './lexicon/cues.ts';
import { COUNTED_NEEDS_GROWTH, EXCLUDED_COUNTED, GROWTH_CONTEXT, LIST_BEFORE, SPEC_CONTEXT, SPEC_NOUNS, THRESHOLD_AFTER } from './lexicon/exclusions.ts';
import { isTier1Indicator, SINGLE_ENTITY } from './lexicon/indicators.ts';
import { unitEntry } from './lexicon/units.ts';
import { beforeGrowthCue, cleanSubject, indicatorSimilarity, nounFirstIndicator } from './indicator.ts';
import { documentYear, findPeriods } from './period.ts';
import { detectRegion, figureRegion, regionFromName } from './region.ts';
import { findTokens } from './tokens.ts';
import type { DocumentContext, Figure, FigureKind } from './types.ts';

const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');

const SENTENCE_END = /[。!?;\n]/g;
const CLAUSE_BREAK = /[,:;]/;
const STOCK_RE = new RegExp(alt(STOCK_CUES));
const FLOW_START = new RegExp(`^(?:${alt(FLOW_PREFIXES)})`);
const TARGET_RE = new RegExp(alt(TARGET_CUES).replace('计划投资|', '(?<!年度|占)计划投资|').replace(/(^|\|)计划(?=\||$)/, '$1(?<!年度|占|行动)计划(?!单列)'));
const SENTENCE_TARGET = /^(?:力争|争取|计划|预计|目标|到20\d{2}年)/;
const LEVEL_TARGET = /打造|培育|目标|建设|加快|力争|迈向|冲刺/;
const RANK_CUE_RE = new RegExp(`(?:均|都)?(?:${alt(RANK_CUES)})$`);
const RANK_SCOPE = /全国|全省|全市|全区|省内|国内|东北|东三省|全球|世界|各市|各省|城市|同类|行业|在/;
const RANK_CONTEXT = new RegExp(`${alt(RANK_CUES)}|全国|全省|全市|全区|省内|国内|各市|城市|东北|东三省|全球|世界`);
const GAP_RE = new RegExp(alt(GAP_CUES.map((c) => c.word)), 'g');
const GAP_SIGN = new Map(GAP_CUES.map((c) => [c.word, c.sign]));
const BASIS_RE = /(?:高于|低于|快于|慢于|领先|高出|较|比)(.*?)(?:提高|提升|增加|下降|回落|减少|降低|扩大|收窄|加快|放缓|上升)?了?$/;
const GENERIC_SUBJECT = /^(?:数量|总数|总量|规模|增速|增幅|总额|总计|合计|数|个数|家数|总数达到)?$/;
const NEEDS_GROWTH = new RegExp(`^.{0,2}(?:${alt(COUNTED_NEEDS_GROWTH)})`);
const COUNTED_START = new RegExp(`^(?:${alt(EXCLUDED_COUNTED)})`);
const COUNTED_END = new RegExp(`(?:${alt(EXCLUDED_COUNTED)})$`);
const NOT_NOUN = new RegExp(`^(?:${alt(NOT_NOUN_STARTS)})`);

interface Draft extends Figure {
  start: number;
  end: number;
  /** The indicator without a derived suffix (增速, 数量), for figures that borrow it. */
  base: string;
}

/** What a percentage after these words is: a change (with its sign) or a share. */
function percentKind(before: string, clause: string): { kind: 'growth' | 'share'; sign: 1 | -1 } {
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
  const b = BASIS_RE.exec(before);
  const basis = b ? b[1].replace(/^了|了$/g, '') || null : null;
  return { sign, basis };
}

function isInside(s: string, open: string, close: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === open) depth++;
    else if (ch === close && depth > 0) depth--;
  }
  return depth > 0;
}

function clauseStartOf(s: string, at: number): number {
  let i = at - 1;
  let parens = 0;
  for (; i >= 0; i--) {
    const ch = s[i];
    if (ch === ')') parens++;
    else if (ch === '(') {
      if (parens === 0) break;
      parens--;
    } else if (CLAUSE_BREAK.test(ch)) break;
  }
  return i + 1;
}

function clauseEndOf(s: string, at: number): number {
  for (let i = at; i < s.length; i++) if (CLAUSE_BREAK.test(s[i]) || s[i] === ')') return i;
  return s.length;
}

function withoutFlow(s: string): string {
  return s.replace(FLOW_START, '');
}

/** Key figures of a normalised document. */
export function extractFromNormalised(n: NormalisedText, ctx: DocumentContext = {}): Figure[] {
  const text = n.text;
  const docRegion = detectRegion(text) ?? regionFromName(ctx.region);
  const docYear = documentYear(text, ctx.published ?? n.published);
  let periodCtx: string | null = null;
  let yearCtx: string | null = null;
  const drafts: Draft[] = [];

  let s0 = 0;
  SENTENCE_END.lastIndex = 0;
  const bounds: [number, number][] = [];
  for (const m of text.matchAll(SENTENCE_END)) {
    bounds.push([s0, m.index]);
    s0 = m.index + 1;
  }
  bounds.push([s0, text.length]);

  for (const [from, to] of bounds) {
    if (to - from < 3) continue;
    const s = text.slice(from, to);
    const periods = findPeriods(s, docYear, yearCtx);
    const tokens = findTokens(s);
    const sentence: Draft[] = [];
    let prevEnd = 0;
    let group: { kind: FigureKind; sign: 1 | -1; basis: string | null; subjects: string[] | null; index: number } | null = null;

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
      const head = s.slice(0, t.index);
      const prev = sentence[sentence.length - 1];
      const joined = prev && prev.end === from + prevEnd && /^(?:、|和|及|与|,)$/.test(s.slice(prevEnd, t.index));

      if (isInside(head, '《', '》')) continue;
      if (t.chinese && t.type !== 'rank' && isInside(head, '“', '”')) continue;
      const isAmount = t.type === 'money' || t.type === 'count' || t.type === 'measure' || t.type === 'bare' || t.type === 'level';
      if (/^[至到~—\-]\s*[\d一二三四五六七八九十]/.test(after) || /[\d%][至到~—\-]$/.test(head)) continue;
      if (isAmount) {
        if (t.type !== 'bare' && t.type !== 'level' && LIST_BEFORE.test(head)) continue;
        if (t.type !== 'level' && THRESHOLD_AFTER.test(after)) continue;
        if (SPEC_CONTEXT.test(clause)) continue;
        if (t.type === 'measure' && SPEC_NOUNS.test(after)) continue;
        if (/^\d/.test(after)) continue;
        // A count inside the set a rank is taken over (`在全国15个副省级城市中位居第二`).
        if (/中(?:均)?(?:位居|位列|居|排名|名列|列)|(?:位居|位列|排名)第/.test(after)) continue;
        if (t.type === 'count') {
          const noun = tail.replace(/(?:按照|围绕|的|等|在).*$/, '');
          if (COUNTED_START.test(noun) || COUNTED_END.test(noun)) continue;
          if (NEEDS_GROWTH.test(noun) && !GROWTH_CONTEXT.test(after)) continue;
          // Chinese numerals count things named after them (`两个项目`); before them they
          // restate a list (`A和B两个基地`), refer back (`上榜的两家`) or make a name (`二次扩建`).
          if (t.chinese && (!/^[\u4e00-\u9fff"“]/.test(tail) || NOT_NOUN.test(tail) || /的$/.test(head) || (/[和、及]/.test(before) && !/等/.test(before)) || t.unit === '次')) continue;
        }
        // `过百亿企业` is a class of firm, not an amount.
        if (t.type === 'bare' && /^[万千百亿]+$/.test(t.unit) && /^[\u4e00-\u9fff]/.test(after)) continue;
      }

      let kind: FigureKind;
      let value = t.value;
      let unit = t.unit;
      let basis: string | null = null;
      let sign: 1 | -1 = 1;
      const inGroup: boolean = !!(joined && group && t.type !== 'rank' && prev.unit === t.unit);

      if (t.type === 'rank') {
        const raw = s.slice(t.index, t.end);
        const next = s.charAt(t.end);
        if (raw.startsWith('第') && /[批届次家个期轮季年章条款部项座号代大届阶类种篇]/.test(next)) continue;
        if (!raw.startsWith('第') && /[\u4e00-\u9fff]/.test(next) && raw !== '之首') continue;
        if (raw.startsWith('第') && !RANK_CONTEXT.test(clauseBefore.slice(-14))) continue;
        if (/(?:新年|是|成为|为|的)$/.test(before)) continue;
        kind = 'rank';
      } else if (t.type === 'points') {
        kind = 'gap';
        const g: { sign: 1 | -1; basis: string | null } = inGroup && group ? { sign: group.sign, basis: group.basis } : gapOf(clauseBefore);
        sign = g.sign;
        basis = g.basis;
      } else if (t.type === 'percent' || t.type === 'tenths') {
        if (inGroup && group) {
          kind = group.kind;
          sign = group.sign;
          basis = group.basis;
        } else {
          const pk = t.type === 'tenths' ? { kind: 'share' as const, sign: 1 as const } : percentKind(before, clause);
          kind = pk.kind;
          sign = pk.sign;
          basis = kind === 'growth' ? growthBasis(clauseBefore) : null;
          if (kind === 'share') {
            const z = /占(.+?)(?:的)?(?:比重|份额|比例)?(?:为|达到|达)?$/.exec(before) ?? /占(.+?)(?:的)?(?:比重|份额|比例)/.exec(clause);
            basis = z ? z[1].replace(/(?:比重|份额|比例|\d.*)$/, '') || null : null;
          }
        }
      } else kind = 'amount';

      if (kind === 'growth' || kind === 'gap') value = sign * value;

      // Indicator.
      let indicators: { name: string; base: string; basis: string | null }[] = [];
      const prevBase = (suffix: 'rate' | 'count' | 'same'): string | null => {
        const p = [...sentence].reverse().find((d) => d.kind !== 'rank');
        if (!p) return null;
        const b = STOCK_RE.test(clause) ? withoutFlow(p.base) : p.base;
        if (suffix === 'same') return b;
        if (suffix === 'rate') return p.kind === 'growth' || p.kind === 'gap' ? `${b}增速` : p.kind === 'amount' ? `${b}数量` : b;
        return b;
      };

      if (kind === 'rank') {
        const scope = RANK_SCOPE.exec(before);
        let subject = scope ? before.slice(0, scope.index) : before;
        let basisText = scope ? before.slice(scope.index) : '';
        basisText = basisText.replace(/^在/, '').replace(RANK_CUE_RE, '').replace(/(?:中|的)$/, '').replace(RANK_CUE_RE, '');
        subject = cleanSubject(subject.replace(RANK_CUE_RE, ''));
        const sets = basisText.split(/及|和|、/).filter((x) => x.length >= 2);
        const bases = sets.length > 1 && sets.every((x) => RANK_SCOPE.test(x)) ? sets : [basisText || null];
        const all = /均|都/.test(before) && !subject;
        const names: { name: string; base: string }[] = [];
        if (all) {
          for (const d of sentence) {
            if (d.kind === 'rank' || d.kind === 'gap') continue;
            names.push({ name: d.kind === 'growth' ? `${d.base}增速` : d.base, base: d.base });
          }
        } else if (!subject || GENERIC_SUBJECT.test(subject) || /^(?:数量|增速|增幅)/.test(subject)) {
          const pb = prevBase('rate');
          if (pb) names.push({ name: subject && !pb.endsWith(subject) ? `${prevBase('same')}${subject}` : pb, base: prevBase('same') ?? pb });
        } else names.push({ name: subject, base: subject });
        for (const nm of names) for (const b of bases) indicators.push({ name: nm.name, base: nm.base, basis: b });
      } else if (kind === 'gap') {
        const subject = cleanSubject(before.replace(new RegExp(`(?:${BASIS_RE.source.slice(0, BASIS_RE.source.indexOf(')') + 1)}).*$`), ''));
        const pb = prevBase('rate');
        const name = subject && !GENERIC_SUBJECT.test(subject) ? subject : pb;
        if (name) indicators.push({ name, base: subject || prevBase('same') || name, basis });
      } else if (kind === 'growth') {
        const subject = cleanSubject(beforeGrowthCue(before));
        const name = subject && !GENERIC_SUBJECT.test(subject) ? subject : prevBase('same');
        if (name) indicators.push({ name, base: name, basis });
      } else if (kind === 'share') {
        let subject = cleanSubject(before);
        if (subject.startsWith('占') && prev) subject = `${prevBase('same')}${subject}`;
        const name = subject && !GENERIC_SUBJECT.test(subject) ? subject : prevBase('same');
        if (name) indicators.push({ name, base: name, basis });
      } else {
        const trimmedTail = tail.replace(/^[)"”]+/, '');
        const nounFirst = !/^["”]/.test(tail) && trimmedTail.length >= 2 && /^[\u4e00-\u9fffA-Za-z"“]/.test(trimmedTail) && !NOT_NOUN.test(trimmedTail);
        let name = nounFirst ? nounFirstIndicator(before, trimmedTail) : '';
        if (!name) {
          let subject = cleanSubject(before.replace(/\((?:全省|全国|全市)?$/, ''));
          // `某某(全省12个)`: the thing counted stands before the bracket.
          if (!subject && s.charAt(cStart - 1) === '(') subject = cleanSubject(s.slice(clauseStartOf(s, cStart - 1), cStart - 1));
          name = subject && !GENERIC_SUBJECT.test(subject) ? subject : (prevBase('same') ?? '');
          if (subject && /^(?:数量|总数|总量)/.test(subject) && prev) name = prevBase('same') ?? subject;
        }
        if (name && t.type === 'level' && !/规模|集群|产业/.test(name.slice(-4))) name = `${name}规模`;
        if (name) indicators.push({ name, base: name, basis: null });
      }

      // `A、B分别增长x%、y%`: pair the subjects with the values.
      if (inGroup && group && group.subjects && kind !== 'rank') {
        const k = i - group.index;
        if (k < group.subjects.length) indicators = [{ name: group.subjects[k], base: group.subjects[k], basis: indicators[0]?.basis ?? basis }];
      } else if (!inGroup && kind !== 'rank') {
        let subjects: string[] | null = null;
        if (/分别/.test(clauseBefore)) {
          const raw = cleanSubject(kind === 'growth' ? beforeGrowthCue(before) : before.replace(/分别.*$/, ''));
          const parts = raw.split(/、|和|与|及/).filter((x) => x.length >= 2);
          if (parts.length > 1) {
            const zhan = parts[parts.length - 1].indexOf('占');
            const suffix = zhan > 0 ? parts[parts.length - 1].slice(zhan) : '';
            subjects = parts.map((p) => (suffix && !p.includes('占') ? p + suffix : p));
            indicators = [{ name: subjects[0], base: subjects[0], basis }];
          }
        }
        group = { kind, sign, basis, subjects, index: i };
      }
      if (!indicators.length) {
        prevEnd = t.end;
        continue;
      }

      // Period, region, target.
      let period: string | null = periodCtx;
      for (const p of periods) if (p.end <= t.index) period = p.period;
      if (kind !== 'growth' && kind !== 'gap' && STOCK_RE.test(clauseBefore) && !periods.some((p) => p.end <= t.index && p.index >= cStart)) period = null;
      let region = kind === 'rank' || kind === 'gap' ? (docRegion?.name ?? null) : figureRegion(before, docRegion);
      // `全国共有120家，其中A类75家`: the breakdown is about the same region.
      if (region === docRegion?.name && prev && prev.region !== region && /其中/.test(head.slice(head.lastIndexOf('共')))) region = prev.region;
      const target =
        TARGET_RE.test(clauseBefore) || SENTENCE_TARGET.test(s) || (t.type === 'level' && LEVEL_TARGET.test(clause)) || (t.type === 'bare' && /目标/.test(clause));
      const unitType = unitEntry(unit.replace(/^(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千)/, ''))?.type;
      const quoteStart = from + segStart + (before.length - before.replace(/^[,:;、()\s]+/, '').length);

      for (const ind of indicators) {
        const tier1 = (isTier1Indicator(ind.name) && unitType !== 'count' && !(kind === 'amount' && SINGLE_ENTITY.test(ind.name))) || (kind === 'amount' && NEEDS_GROWTH.test(ind.name.replace(/^.*?(行业)/, '$1')) && unitType === 'count');
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
        };
        sentence.push(d);
      }
      prevEnd = t.end;
    }
    for (const p of periods) {
      periodCtx = p.period;
      if (p.explicitYear) yearCtx = p.explicitYear;
    }
    drafts.push(...sentence);
  }
  return dedupe(drafts).map(({ start: _s, end: _e, base: _b, ...f }) => f);
}

function countLike(unit: string): boolean {
  return unitEntry(unit)?.type === 'count';
}

/** A figure repeated in the same document is listed once. */
function dedupe(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const dup = out.some(
      (o) =>
        o.kind === d.kind &&
        o.value === d.value &&
        (o.unit === d.unit || (countLike(o.unit) && countLike(d.unit))) &&
        o.basis === d.basis &&
        indicatorSimilarity(o.indicator, d.indicator) >= 0.5,
    );
    if (!dup) out.push(d);
  }
  return out;
}

let lastRaw: string | null = null;
let lastNormalised: NormalisedText | null = null;

/** Normalises once per text: the pipeline calls classify and extract on the same article. */
export function normaliseCached(raw: string): NormalisedText {
  if (raw !== lastRaw || !lastNormalised) {
    lastNormalised = normalise(raw);
    lastRaw = raw;
  }
  return lastNormalised;
}

/** Key figures of an article, from its raw text as scraped (ANNOTATION.md fields). */
export function extractFigures(text: string, ctx: DocumentContext = {}): Figure[] {
  return extractFromNormalised(normaliseCached(text), ctx);
}
