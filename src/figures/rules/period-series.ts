import { SERIES_WORDS } from '../lexicon/periods.ts';

const WORDS = Object.keys(SERIES_WORDS).sort((a, b) => b.length - a.length).join('|');
// `1-6月累计增速分别为`, `1—5月份各月增幅分别是`: a run of months, a series word, then 分别.
const SERIES = new RegExp(`(\\d{1,2})\\s*[-—–~至]\\s*(\\d{1,2})\\s*月份?([^,;:。]{0,12}?)(${WORDS})([^,;:。]{0,8}?)分别(?:为|是|达)?$`);

export interface PeriodSeries {
  /** One period per value, in the order written. */
  periods: string[];
  /** What the series measures, as the clause names it (`累计增速`). */
  name: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `1-6月累计增速分别为-4.6%、4.6%、…、10.3%`: a series gives one figure per month of the run,
 * each for its own period (`累计`: January to that month; `各月`: that month alone). `year` is
 * the year the run's months belong to. Null unless the clause names such a run and the values
 * are as many as its months.
 */
export function periodSeries(clauseBefore: string, values: number, year: string): PeriodSeries | null {
  const m = SERIES.exec(clauseBefore);
  if (!m) return null;
  const first = Number(m[1]);
  const last = Number(m[2]);
  if (first < 1 || last > 12 || last <= first || last - first + 1 !== values) return null;
  const cumulative = SERIES_WORDS[m[4]] === 'cumulative';
  const periods: string[] = [];
  for (let k = first; k <= last; k++) periods.push(cumulative && k > first ? `${year}-${pad(first)}~${year}-${pad(k)}` : `${year}-${pad(k)}`);
  return { periods, name: `${m[3]}${m[4]}${m[5]}`.replace(/^[的全市省区县]+/, '') };
}
