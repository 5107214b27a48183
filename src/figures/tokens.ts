import { FIRST_WORDS, FLAT_COMPARED, FLAT_WORDS } from './lexicon/cues.ts';
import { RATE_WORDS } from './lexicon/frames.ts';
import { MAGNITUDES, NEEDS_MAGNITUDE, UNIT_PATTERN, unitEntry, type UnitEntry } from './lexicon/units.ts';
import { parseNumber } from './numbers.ts';

/** A number with its unit as it stands in a sentence. */
export interface NumberToken {
  index: number;
  end: number;
  /** `value` in `unit`; for ranks the position. */
  value: number;
  unit: string;
  type: UnitEntry['type'] | 'rank' | 'level' | 'bare';
  /** Written in Chinese numerals (`六成`, `两个`). */
  chinese: boolean;
}

const MAG = MAGNITUDES.join('|');
const CN = '零〇一二两三四五六七八九十百千';

// Order matters: 千亿级 and 超万户 must win over the plain number grammar.
const TOKEN_RE = new RegExp(
  [
    // `2个千亿级产业集群` counts clusters of a size: the size is the figure, the count its value.
    `(?<lv>\\d+(?:\\.\\d+)?|[一二两三四五六七八九十])?(?:个)?(?<lmag>万亿|千亿|百亿)级`,
    `(?<bpre>超|过|逾|近|突破)(?<bmag>万亿|千亿|百亿|万|千)(?<bunit>${UNIT_PATTERN})?`,
    `(?<rank>第(?<rn>\\d{1,3}|[一二三四五六七八九十]{1,3})(?:位|名)?|${FIRST_WORDS.join('|')})`,
    // A minus sign stands before a change only after a word, never inside a range (`1-5月`).
    `(?:(?<neg>(?<![\\d.%A-Za-z)])-)(?=\\d))?(?<![\\d.${CN}A-Za-z])(?:(?<ar>\\d+(?:,\\d{3})*(?:\\.\\d+)?)|(?<cn>[${CN}]+))(?<ap1>多|余)?(?<mag>${MAG})?(?<ap2>多|余)?(?<unit>${UNIT_PATTERN})`,
  ]
    .join('|')
    // Every token starts with one of these: testing it first spares the alternatives at
    // every other position of a sentence.
    .replace(/^/, `(?=[\\d${CN}]|-\\d|个(?:万亿|千亿|百亿)级|[万千百]亿级|[超过逾近](?:万|千|百亿)|突破(?:万|千|百亿)|第|首位|之首|榜首)(?:`)
    .concat(')'),
  'g',
);

// `增速较一季度持平`: a rate unchanged against a basis is a gap of nought points.
const FLAT_RE = new RegExp(`(?:${RATE_WORDS.join('|')})[^,;:。\\d]{0,2}?(?:${FLAT_COMPARED.join('|')})[^,;:。\\d]{1,10}?(?:${FLAT_WORDS.join('|')})`, 'g');

function canonicalUnit(unit: string): UnitEntry | undefined {
  return unitEntry(unit);
}

/** Every number-with-unit, level (`2千亿级`), bare magnitude (`超万户`) and rank word in a sentence. */
export function findTokens(s: string): NumberToken[] {
  const out: NumberToken[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(s); m; m = TOKEN_RE.exec(s)) {
    const g = m.groups ?? {};
    const index = m.index;
    const end = index + m[0].length;
    if (g.lmag) {
      out.push({ index, end, value: g.lv ? parseNumber(g.lv) : 1, unit: g.lmag, type: 'level', chinese: !g.lv || !/\d/.test(g.lv) });
    } else if (g.bmag) {
      const u = g.bunit ? canonicalUnit(g.bunit) : undefined;
      if (g.bunit && (!u || u.type === 'percent' || u.type === 'points' || u.type === 'tenths' || u.type === 'times')) continue;
      out.push({ index: index + g.bpre.length, end, value: 1, unit: g.bmag + (u ? (u.canonical ?? u.unit) : ''), type: 'bare', chinese: false });
    } else if (g.rank) {
      const value = g.rn ? parseNumber(g.rn) : 1;
      if (!Number.isFinite(value) || value <= 0) continue;
      out.push({ index, end, value, unit: '位', type: 'rank', chinese: !g.rn || !/\d/.test(g.rn) });
    } else {
      const u = canonicalUnit(g.unit);
      if (!u) continue;
      const num = g.ar ?? g.cn;
      const value = parseNumber(num);
      if (!Number.isFinite(value)) continue;
      const mag = g.mag ?? '';
      if (NEEDS_MAGNITUDE.has(u.unit) && !mag) continue;
      if (g.cn) {
        // `一个`, `一座` are articles; a lone 十/百/千 is a manner of speaking (`千家企业`).
        if (!mag && value === 1) continue;
        if (/^[十百千]$/.test(g.cn)) continue;
      }
      if (mag && (u.type === 'percent' || u.type === 'points' || u.type === 'tenths' || u.type === 'times')) continue;
      let unit = mag + (u.canonical ?? u.unit);
      let v = value;
      if (u.type === 'percent') unit = '%';
      if (u.type === 'points') unit = '百分点';
      if (u.type === 'tenths') {
        unit = '%';
        v = value * 10;
      }
      if (u.type === 'times') {
        unit = '%';
        v = Math.round(value * 100 * 1e6) / 1e6;
      }
      const change = u.type === 'percent' || u.type === 'points';
      if (g.neg && !change) out.push({ index: index + 1, end, value: v, unit, type: u.type, chinese: !!g.cn });
      else out.push({ index, end, value: g.neg ? -v : v, unit, type: u.type, chinese: !!g.cn });
      if (change) shareUnit(s, out, u.type === 'points');
    }
  }
  if (FLAT_WORDS.some((w) => s.includes(w))) flatRates(s, out);
  return out;
}

/** `增速与上月持平`: a gap of 0 points where the flat word stands, among the other tokens in order. */
function flatRates(s: string, out: NumberToken[]): void {
  FLAT_RE.lastIndex = 0;
  for (const m of s.matchAll(FLAT_RE)) {
    const word = FLAT_WORDS.find((w) => m[0].endsWith(w)) ?? '';
    const index = m.index + m[0].length - word.length;
    const at = out.findIndex((t) => t.index > index);
    out.splice(at < 0 ? out.length : at, 0, { index, end: index + word.length, value: 0, unit: '百分点', type: 'points', chinese: true });
  }
}

const JOINERS = '、和及与';

/**
 * `2.4个和0.7个百分点`, `5.2、9.6和8.1%`: the numbers of a run before the last one share its
 * unit. Each becomes a token of its own, in place of a count (`2.4个`) read from it.
 */
function shareUnit(s: string, out: NumberToken[], points: boolean): void {
  const last = out[out.length - 1];
  const run: NumberToken[] = [];
  let pos = last.index;
  while (pos > 1 && JOINERS.includes(s.charAt(pos - 1))) {
    let end = pos - 1;
    if (points && s.charAt(end - 1) === '个') end--;
    let start = end;
    while (start > 0 && /[\d.]/.test(s.charAt(start - 1))) start--;
    if (start === end || !/\d/.test(s.charAt(start)) || s.charAt(end - 1) === '.') break;
    let value = Number(s.slice(start, end));
    if (s.charAt(start - 1) === '-' && !/[\d.%A-Za-z)]/.test(s.charAt(start - 2))) {
      start--;
      value = -value;
    }
    // A number glued to a word or a range (`第2`, `1-5`) is not a value of the run.
    if (start > 0 && /[\d.A-Za-z\-—~第]/.test(s.charAt(start - 1))) break;
    if (!Number.isFinite(value)) break;
    run.unshift({ index: start, end: points && end < pos - 1 ? end + 1 : end, value, unit: last.unit, type: last.type, chinese: false });
    pos = start;
  }
  if (!run.length) return;
  out.pop();
  while (out.length && out[out.length - 1].end > run[0].index) out.pop();
  out.push(...run, last);
}
