import { z } from 'zod';
import { parseSince } from '../digest/since.ts';
import { HttpError } from './errors.ts';

/** The earliest moment a `since` may name: older values only overflow the database's timestamps. */
const EARLIEST = new Date('1970-01-01T00:00:00Z');

/** One value of a query parameter: given twice (`?limit=1&limit=2`) is a client mistake. */
const single = z.string({ error: 'give it once' });

export const Limit = (max: number, fallback: number) =>
  single
    .regex(/^\d+$/, `must be a whole number from 1 to ${max}`)
    .transform(Number)
    .pipe(z.number().min(1, `must be a whole number from 1 to ${max}`).max(max, `must be a whole number from 1 to ${max}`))
    .default(fallback);

/** `7d`, `24h`, `90m`, `2w` or a date, after 1970 and not in the future. */
export const Since = single.transform((value, ctx) => {
  let at: Date;
  try {
    at = parseSince(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `expected a duration such as 7d, 24h, 90m or a date such as 2026-11-01, got "${value}"` });
    return z.NEVER;
  }
  if (Number.isNaN(at.getTime()) || at < EARLIEST) {
    ctx.addIssue({ code: 'custom', message: `"${value}" reaches back before 1970-01-01` });
    return z.NEVER;
  }
  if (at.getTime() > Date.now()) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is in the future` });
    return z.NEVER;
  }
  return at;
});

/** A parameter that may be repeated (`?region=a&region=b`) or comma-separated, as the CLI's `--region a b`. */
export const List = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [v].flat().flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean));

/**
 * The query parameters, checked against `schema` (a strict object: an unknown parameter is a
 * typo the client should hear about). A failure is a 400 whose message starts with the
 * parameter's name.
 */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  throw new HttpError(400, parsed.error.issues.map(describeIssue).join('; '));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `${issue.keys.join(', ')}: unknown parameter`;
  return `${issue.path.join('.') || 'query'}: ${issue.message}`;
}
