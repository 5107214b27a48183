export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

export interface DateOptions {
  /** IANA zone the wall-clock time is in; Asia/Shanghai by default. */
  timezone?: string;
  /** Supplies the year for dates written without one (e.g. "03-11"); now by default. */
  reference?: Date;
}

export interface FoundDate {
  date: Date;
  /** Whether the text gave a time of day (otherwise the date is at 00:00 local time). */
  hasTime: boolean;
  /** Whether the year was taken from the reference date. */
  yearInferred: boolean;
  /** Position of the match in the searched text. */
  index: number;
  match: string;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const SEP = String.raw`\s*[-/.年]\s*`;
const TIME = String.raw`(?:\s*[T\s]\s*|\s*)(?:(\d{1,2})\s*[:：时點点]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?`;
const OFFSET = String.raw`(?:(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2}))?`;
// Year, month, day (1998-2099 only, so phone numbers and amounts are not taken for dates).
const FULL_RE = new RegExp(String.raw`(?<!\d)((?:19|20)\d{2})${SEP}(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?${TIME}${OFFSET}`, 'gu');
// Month and day only: "03-11 09:30", "3月11日".
const SHORT_RE = new RegExp(String.raw`(?<![\d.\-/])(\d{1,2})(?:\s*([-/])|\s*月)\s*(\d{1,2})(?![\d.\-/])\s*日?${TIME}`, 'gu');
// Dates written with Chinese numerals, as at the end of official documents: 二〇二四年三月十一日.
const CN_RE = /([〇零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/gu;

function cnNumber(s: string): number {
  if (s.length === 4) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  const [tens, ones] = s.split('十');
  if (ones === undefined) return CN_DIGITS[s] ?? NaN;
  return (tens === '' ? 1 : CN_DIGITS[tens]) * 10 + (ones === '' ? 0 : CN_DIGITS[ones]);
}

function isValid(w: WallClock): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59) return false;
  return w.day <= new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timezone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a zone. */
export function wallClockIn(date: Date, timezone: string = DEFAULT_TIMEZONE): WallClock {
  const p = Object.fromEntries(formatterFor(timezone).formatToParts(date).map((x) => [x.type, x.value]));
  return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute, second: +p.second };
}

function asUtcMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The instant at which clocks in `timezone` show the given wall-clock time. */
export function fromWallClock(w: WallClock, timezone: string = DEFAULT_TIMEZONE): Date {
  const guess = asUtcMs(w);
  const offsetAt = (ms: number) => asUtcMs(wallClockIn(new Date(ms), timezone)) - ms;
  let result = guess - offsetAt(guess);
  // A second pass settles times near a DST change, where the offset at the guess is the wrong one.
  result = guess - offsetAt(result);
  return new Date(result);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Formats an instant as "YYYY-MM-DD HH:mm" (or "YYYY-MM-DD" without time) in a zone. */
export function formatInZone(date: Date, timezone: string = DEFAULT_TIMEZONE, withTime = true): string {
  const w = wallClockIn(date, timezone);
  const day = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  return withTime ? `${day} ${pad(w.hour)}:${pad(w.minute)}` : day;
}

function num(s: string | undefined): number {
  return s === undefined ? 0 : Number(s);
}

function offsetMinutes(z: string): number {
  if (z === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

interface Candidate extends FoundDate {}

function fullMatch(m: RegExpExecArray, timezone: string): Candidate | null {
  const w: WallClock = { year: num(m[1]), month: num(m[2]), day: num(m[3]), hour: num(m[4]), minute: num(m[5]), second: num(m[6]) };
  if (!isValid(w)) return null;
  const hasTime = m[4] !== undefined;
  const date = m[7] && hasTime ? new Date(asUtcMs(w) - offsetMinutes(m[7]) * 60_000) : fromWallClock(w, timezone);
  return { date, hasTime, yearInferred: false, index: m.index, match: m[0].trim() };
}

function shortMatch(m: RegExpExecArray, timezone: string, reference: Date): Candidate | null {
  // "3-11" alone is too ambiguous (scores, ranges); with "-" or "/" a time must follow.
  if (m[2] !== undefined && m[4] === undefined) return null;
  const ref = wallClockIn(reference, timezone);
  const w: WallClock = { year: ref.year, month: num(m[1]), day: num(m[3]), hour: num(m[4]), minute: num(m[5]), second: num(m[6]) };
  if (!isValid(w) && !(w.month === 2 && w.day === 29)) return null;
  let date = fromWallClock(w, timezone);
  // A date well after the reference was written last year (e.g. "12-30" read on 2 January).
  if (date.getTime() - reference.getTime() > 2 * 86_400_000) {
    w.year -= 1;
    date = fromWallClock(w, timezone);
  }
  if (!isValid(w)) return null;
  return { date, hasTime: m[4] !== undefined, yearInferred: true, index: m.index, match: m[0].trim() };
}

function firstOf(re: RegExp, text: string, build: (m: RegExpExecArray) => Candidate | null): Candidate | null {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const c = build(m);
    if (c) return c;
  }
  return null;
}

/**
 * Finds the first date in free text: "2024-03-11", "2024/3/11", "2024.03.11", "2024年3月11日 09:30",
 * "发布时间：2024-03-11 20:31:05", "2024-03-11T09:30:00+08:00", "二〇二四年三月十一日", and — only when no
 * full date is present — "03-11 09:30" or "3月11日" with the year from the reference date.
 */
export function findDateIn(text: string, opts: DateOptions = {}): FoundDate | null {
  const timezone = opts.timezone ?? DEFAULT_TIMEZONE;
  const full = firstOf(FULL_RE, text, (m) => fullMatch(m, timezone));
  const cn = firstOf(CN_RE, text, (m) => {
    const w: WallClock = { year: cnNumber(m[1]), month: cnNumber(m[2]), day: cnNumber(m[3]), hour: 0, minute: 0, second: 0 };
    return isValid(w) ? { date: fromWallClock(w, timezone), hasTime: false, yearInferred: false, index: m.index, match: m[0] } : null;
  });
  const explicit = [full, cn].filter((c): c is Candidate => c !== null).sort((a, b) => a.index - b.index)[0];
  if (explicit) return explicit;
  return firstOf(SHORT_RE, text, (m) => shortMatch(m, timezone, opts.reference ?? new Date()));
}

/** Parses a date written the ways Chinese sites write them; null when the string holds none. */
export function parseChineseDate(s: string, opts: DateOptions = {}): Date | null {
  return findDateIn(s, opts)?.date ?? null;
}
