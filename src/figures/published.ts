import { z } from 'zod';

/**
 * A publication date as far as it is known: a full date (`2025-08-14`, an ISO timestamp), a
 * month (`2025-08`) or a year (`2020`). Pages often show no more than a month; the extractor
 * needs only the year, for the periods whose year the text leaves out.
 */
export const PUBLISHED_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01])(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

export const PublishedTextSchema = z.string().regex(PUBLISHED_PATTERN, 'expected YYYY-MM-DD, YYYY-MM or YYYY');

export type Published = Date | string | null | undefined;

/** The year of a publication date, or null when there is none or it cannot be read. */
export function publishedYear(published: Published): string | null {
  if (!published) return null;
  // A Date past year 9999 (or before 1000) has no four-digit year, and periods are written with one.
  if (published instanceof Date) return published.getFullYear() >= 1000 && published.getFullYear() <= 9999 ? String(published.getFullYear()) : null;
  return PUBLISHED_PATTERN.exec(published)?.[1] ?? null;
}
