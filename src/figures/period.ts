import { PERIOD_RE, RELATIVE_YEARS, YEAR_PARTS } from './lexicon/periods.ts';
import { parseNumber } from './numbers.ts';
import { publishedYear } from './published.ts';

export interface PeriodMention {
  index: number;
  end: number;
  period: string;
  /** The year this mention states explicitly, for later yearless mentions. */
  explicitYear: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const TARGET_YEAR = /(?:到|至|力争|争取|预计|目标)$/;

function span(year: string, from: number, to: number): string {
  return from === to ? `${year}-${pad(from)}` : `${year}-${pad(from)}~${year}-${pad(to)}`;
}

/**
 * Period mentions in a sentence, in canonical form. `docYear` is the year of the document
 * (publication, else the text, else XXXX); `contextYear` the last year the text stated, which
 * a yearless mention (`1—9月`) takes before the publication's.
 */
export function findPeriods(sentence: string, docYear: string, contextYear: string | null): PeriodMention[] {
  const out: PeriodMention[] = [];
  PERIOD_RE.lastIndex = 0;
  let ctxYear = contextYear;
  for (let m = PERIOD_RE.exec(sentence); m; m = PERIOD_RE.exec(sentence)) {
    if (!m[0]) {
      PERIOD_RE.lastIndex++;
      continue;
    }
    const g = m.groups ?? {};
    let year: string;
    let explicit: string | null = null;
    if (g.y) {
      year = g.y;
      explicit = g.y;
    } else if (g.rel) {
      const r = RELATIVE_YEARS[g.rel];
      year = r === 'doc' ? docYear : r === 'previous' ? (/^\d{4}$/.test(docYear) ? String(Number(docYear) - 1) : 'XXXX') : (ctxYear ?? docYear);
    } else year = ctxYear ?? docYear;
    let period: string;
    if (g.a && g.b) period = span(year, Number(g.a), Number(g.b));
    else if (g.qa && g.qb) period = span(year, parseNumber(g.qa) * 3 - 2, parseNumber(g.qb) * 3);
    else if (g.n) period = span(year, 1, parseNumber(g.n));
    else if (g.part) {
      const [a, b] = YEAR_PARTS[g.part] ?? [1, 12];
      period = span(year, a, b);
    } else if (g.end) period = span(year, 1, Number(g.end));
    else if (g.m) period = `${year}-${pad(Number(g.m))}`;
    else period = year;
    if (!/^(\d{4}|XXXX)/.test(period)) continue;
    // A year set as a goal (`到2025年`) frames nothing that follows.
    if (explicit && !TARGET_YEAR.test(sentence.slice(Math.max(0, m.index - 4), m.index))) ctxYear = explicit;
    else if (explicit) explicit = null;
    out.push({ index: m.index, end: m.index + m[0].length, period, explicitYear: explicit });
  }
  return out;
}

/**
 * The year of a document: its publication date, else the latest year the text reports on
 * (years after 到/至 are targets, not reports), else XXXX.
 */
export function documentYear(text: string, published: Date | string | null | undefined): string {
  const y = publishedYear(published);
  if (y) return y;
  let best = 0;
  for (const m of text.matchAll(/(?<![到至\d])(\d{4})\s*年(?!代)/g)) {
    const y = Number(m[1]);
    if (y >= 1990 && y <= 2100 && y > best) best = y;
  }
  // A year opening a title line (`2024大连攻坚`) also dates the text.
  for (const m of text.matchAll(/^(20\d{2})(?=[\u4e00-\u9fff])/gm)) {
    const y = Number(m[1]);
    if (y > best && y <= 2100) best = y;
  }
  if (best) return String(best);
  // Else a date in the page's furniture (`2024-05-16`) that the metadata lines did not label.
  for (const m of text.matchAll(/(?<!\d)(20\d{2})-\d{1,2}-\d{1,2}(?!\d)/g)) {
    const y = Number(m[1]);
    if (y > best) best = y;
  }
  return best ? String(best) : 'XXXX';
}
