import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { BrowseFilter, Cursor, Page } from '../../store/browse.ts';
import { Limit, List, Since } from '../query.ts';

export const MAX_LIMIT = 200;

/** A timestamp as PostgreSQL prints one (`2026-12-02 13:50:01.123456+00`). */
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;
const CursorJson = z.object({ at: z.string().regex(PG_TIMESTAMP), id: z.number().int().positive() });

/** Opaque to clients: base64url of the position, so they follow `next` rather than build one. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

const CursorParam = z.string({ error: 'give it once' }).transform((value, ctx) => {
  try {
    const parsed = CursorJson.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Not base64 JSON: reported below like any other foreign value.
  }
  ctx.addIssue({ code: 'custom', message: 'not a cursor this API gave out (follow the "next" link as it is)' });
  return z.NEVER;
});

/** The query of a paged listing: the CLI's filters (since, region, keyword) plus source, limit and cursor. */
export const ListingQuery = z.strictObject({
  limit: Limit(MAX_LIMIT, 50),
  cursor: CursorParam.optional(),
  since: Since.optional(),
  region: List.optional(),
  keyword: List.optional(),
  source: List.optional(),
});

export type ListingQuery = z.output<typeof ListingQuery>;

export function filterOf(q: ListingQuery): BrowseFilter {
  return { since: q.since, regions: q.region, keywords: q.keyword, sources: q.source };
}

/**
 * A page as the client gets it: the rows and a `next` link (relative, so it never depends on a
 * Host header) carrying the same filters; null on the last page. The link is also sent as an
 * RFC 8288 `Link: <…>; rel="next"` header.
 */
export function pageBody<T>(req: FastifyRequest, page: Page<T>): { items: T[]; next: string | null } {
  if (!page.next) return { items: page.items, next: null };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(req.query as Record<string, string | string[]>)) {
    if (key === 'cursor') continue;
    for (const v of [value].flat()) params.append(key, v);
  }
  params.set('cursor', encodeCursor(page.next));
  return { items: page.items, next: `${req.url.split('?')[0]}?${params}` };
}
