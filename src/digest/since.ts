const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** A `since` the user wrote that is neither a duration nor a date. */
export class InvalidSinceError extends RangeError {
  constructor(value: string) {
    super(`--since: expected a duration such as 7d, 24h, 90m or a date such as 2026-11-01, got "${value}"`);
    this.name = 'InvalidSinceError';
  }
}

/** `7d`, `24h`, `90m`, `2w`, or a date (`2026-11-01`): the moment that far back from `now`. */
export function parseSince(value: string, now = new Date()): Date {
  const m = value.trim().match(/^(\d+(?:\.\d+)?)\s*([mhdw])$/i);
  if (m) return new Date(now.getTime() - Number(m[1]) * UNITS[m[2].toLowerCase()]);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? new Date(`${value.trim()}T00:00:00+08:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidSinceError(value);
  return date;
}
