/**
 * Period expressions and the canonical form of each (ANNOTATION.md): `2023` a year,
 * `2024-01~2024-10` a run of months, `2024-10` one month; `XXXX` when the year is unknown.
 */

/** Words that name the year relative to the document. */
export const RELATIVE_YEARS: Record<string, 'doc' | 'previous' | 'context'> = {
  今年: 'doc',
  本年: 'doc',
  年内: 'doc',
  今年以来: 'doc',
  年初以来: 'doc',
  去年: 'previous',
  上年: 'previous',
  全年: 'context',
};

/** Parts of a year and the months they cover. */
export const YEAR_PARTS: Record<string, [number, number]> = {
  上半年: [1, 6],
  下半年: [7, 12],
  一季度: [1, 3],
  第一季度: [1, 3],
  前一季度: [1, 3],
  二季度: [4, 6],
  第二季度: [4, 6],
  三季度: [7, 9],
  第三季度: [7, 9],
  四季度: [10, 12],
  第四季度: [10, 12],
  前两季度: [1, 6],
  前二季度: [1, 6],
  前三季度: [1, 9],
  前四季度: [1, 12],
};

/**
 * One regex for every period form. Groups: y explicit year, rel relative year, a–b month
 * range, qa–qb quarter range, n first n months, part a named part of the year, end month
 * (截至N月底), m one month.
 * A period after 比/较/与 is a comparison basis, not a period; after a dash it is the end of a
 * range (`1-7月`), never a month of its own.
 */
const YEAR = '(?:(?<y>\\d{4})\\s*年(?!\\d{1,2}月\\d{1,2}日)|(?<rel>今年以来|年初以来|今年|本年|年内|去年|上年(?!同期)|全年))';
const MONTHS = [
  // `1—7月`, `1月至5月`, `1-7月份`; `1月一6月`, a dash set as 一 between two months.
  '(?:(?<a>\\d{1,2})\\s*(?:(?:月份?)?\\s*[—\\-~至到]|月\\s*一)\\s*(?<b>\\d{1,2})\\s*月份?',
  // `1—3季度`: a run of quarters.
  '|(?<qa>[1-4一二三四])\\s*[—\\-~至到]\\s*(?<qb>[1-4一二三四])\\s*季度',
  '|前(?<n>\\d{1,2}|[一二三四五六七八九十]{1,2})个?月',
  '|(?<part>上半年|下半年|前[一二两三四]季度|第?[一二三四]季度)',
  '|截至(?:今年|本年)?(?<end>\\d{1,2})月(?:底|末)',
  '|(?<m>\\d{1,2})月份?(?![\\d日号]))',
].join('');
const unnamed = (re: string) => re.replace(/\?<[a-z]+>/g, '?:');

export const PERIOD_RE = new RegExp(
  // Every period starts with one of these openings, and the year and the months are both
  // optional: the two lookaheads keep the pattern from being tried at every position and
  // from matching the empty string.
  '(?=\\d|今年|年[初内]|本年|去年|上[年半]|全年|下半|前[\\d一二两三四五六七八九十]|第[一二三四]|[一二三四]季|[一二三四][—\\-~至到][一二三四]季|截至)' +
    `(?<![比较与\\d—\\-~])(?=${unnamed(YEAR)}|${unnamed(MONTHS)})${YEAR}?${MONTHS}?`,
  'g',
);

/** Words for the month or quarter before the one a text reports on, and how many months back they are. */
export const PREVIOUS_PERIODS: Record<string, number> = { 上月: 1, 上个月: 1, 上季度: 3, 上一季度: 3 };

/**
 * Words that make a series of values one per month of a run (`1-6月累计增速分别为…`): `cumulative`
 * values run from the first month to each month in turn, `monthly` ones cover each month alone.
 */
export const SERIES_WORDS: Record<string, 'cumulative' | 'monthly'> = {
  累计: 'cumulative',
  各月: 'monthly',
  逐月: 'monthly',
  每月: 'monthly',
  单月: 'monthly',
};
