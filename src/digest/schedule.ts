/**
 * Digest periods. A subscriber's digest is due at their local hour (and weekday, for a weekly
 * one) in their time zone; each such moment is a slot with a key that names the period, so
 * every process that looks at the same subscriber at the same time agrees on one period.
 */

export interface SchedulePrefs {
  frequency: 'daily' | 'weekly';
  /** 0–23, local. */
  hour: number;
  /** 1 Monday … 7 Sunday (weekly only). */
  weekday: number;
  timezone: string;
}

export interface Slot {
  /** `daily:2026-12-02` or `weekly:2026-12-07`: the local date the digest is due. */
  key: string;
  /** When it is due; the digest covers stories first seen before this moment. */
  at: Date;
  /** The slot before: where a first digest starts. */
  previous: Date;
}

interface LocalParts {
  y: number;
  m: number;
  d: number;
  h: number;
  /** 1 Monday … 7 Sunday */
  wd: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formats = new Map<string, Intl.DateTimeFormat>();

function localParts(date: Date, timezone: string): LocalParts {
  let f = formats.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', weekday: 'short' });
    formats.set(timezone, f);
  }
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), wd: WEEKDAYS[p.weekday] };
}

/** The instant a local date and hour name in a time zone (two passes settle a DST change). */
function zoned(y: number, m: number, d: number, h: number, timezone: string): Date {
  const want = Date.UTC(y, m - 1, d, h);
  let t = want;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(t), timezone);
    t -= Date.UTC(p.y, p.m - 1, p.d, p.h) - want;
  }
  return new Date(t);
}

function shiftDays(y: number, m: number, d: number, days: number): [number, number, number] {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** True when `timezone` is a zone this runtime knows. */
export function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** The latest slot at or before `now`: the period a digest sent now belongs to. */
export function currentSlot(prefs: SchedulePrefs, now: Date): Slot {
  const p = localParts(now, prefs.timezone);
  const step = prefs.frequency === 'weekly' ? 7 : 1;
  let back = prefs.frequency === 'weekly' ? (p.wd - prefs.weekday + 7) % 7 : 0;
  if (back === 0 && p.h < prefs.hour) back = step;
  const [y, m, d] = shiftDays(p.y, p.m, p.d, -back);
  const [py, pm, pd] = shiftDays(y, m, d, -step);
  return {
    key: `${prefs.frequency}:${y}-${pad(m)}-${pad(d)}`,
    at: zoned(y, m, d, prefs.hour, prefs.timezone),
    previous: zoned(py, pm, pd, prefs.hour, prefs.timezone),
  };
}
