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
  if (published instanceof Date) return Number.isNaN(published.getTime()) ? null : String(published.getFullYear());
  return PUBLISHED_PATTERN.exec(published)?.[1] ?? null;
}
