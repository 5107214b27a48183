import { z } from 'zod';
import { gazetteer, type Division } from '../regions/gazetteer.ts';
import { isTimeZone } from './schedule.ts';

const WEEKDAY_NAMES: Record<string, number> = {
  mon: 1, monday: 1, 周一: 1, 星期一: 1,
  tue: 2, tuesday: 2, 周二: 2, 星期二: 2,
  wed: 3, wednesday: 3, 周三: 3, 星期三: 3,
  thu: 4, thursday: 4, 周四: 4, 星期四: 4,
  fri: 5, friday: 5, 周五: 5, 星期五: 5,
  sat: 6, saturday: 6, 周六: 6, 星期六: 6,
  sun: 7, sunday: 7, 周日: 7, 星期日: 7, 星期天: 7,
};

/** A list given as an array, or as one comma-separated string (forms, CLI). */
const list = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[,，、]/)).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(100)).max(200));

const weekday = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : /^\d+$/.test(v.trim()) ? Number(v) : WEEKDAY_NAMES[v.trim().toLowerCase()];
  if (!Number.isInteger(n) || n < 1 || n > 7) {
    ctx.addIssue({ code: 'custom', message: `weekday: expected 1 (Monday) … 7 (Sunday) or a day name, got "${v}"` });
    return z.NEVER;
  }
  return n;
});

const hour = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? v : /^\d{1,2}$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 23) {
    ctx.addIssue({ code: 'custom', message: `hour: expected a whole hour 0–23, got "${v}"` });
    return z.NEVER;
  }
  return n;
});

/**
 * What a subscriber chooses, as typed by a person (CLI flags, a form, JSON): lists may be
 * comma-separated, hours and weekdays strings. Regions must be divisions the gazetteer knows.
 */
export const PreferencesInput = z.object({
  regions: list.default([]).transform((names, ctx) => {
    const out: string[] = [];
    for (const name of names) {
      const d = gazetteer().resolve(name);
      if (!d) {
        ctx.addIssue({ code: 'custom', message: `regions: unknown region "${name}" (a province, city or county of China, e.g. 江苏省, 南京市)` });
        return z.NEVER;
      }
      out.push(d.name);
    }
    return [...new Set(out)];
  }),
  keywords: list.default([]),
  sources: list.default([]),
  frequency: z.enum(['daily', 'weekly'], { message: 'frequency: expected daily or weekly' }).default('daily'),
  hour: hour.default(8),
  weekday: weekday.default(1),
  timezone: z
    .string()
    .refine(isTimeZone, { message: 'timezone: not a known time zone (e.g. Asia/Shanghai)' })
    .default('Asia/Shanghai'),
  lang: z.enum(['zh', 'en'], { message: 'lang: expected zh or en' }).default('zh'),
});
export type Preferences = z.output<typeof PreferencesInput>;

export const EmailInput = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'email: not a valid e-mail address' }).max(254));

/** One line per problem, as a person reads it. */
export function describeIssues(err: z.ZodError): string {
  return err.issues.map((i) => (i.message.includes(':') || !i.path.length ? i.message : `${i.path.join('.')}: ${i.message}`)).join('; ');
}

/**
 * Every name a stored article's region may carry that lies inside the chosen regions (full and
 * short names): a province includes its cities and counties.
 */
export function regionNames(regions: string[]): string[] {
  if (!regions.length) return [];
  const g = gazetteer();
  const chosen: Division[] = regions.map((r) => g.resolve(r)).filter((d): d is Division => d !== null);
  const names = new Set<string>(regions);
  for (const d of g.all()) {
    if (chosen.some((c) => g.within(d, c))) {
      names.add(d.name);
      if (d.short) names.add(d.short);
    }
  }
  return [...names];
}
