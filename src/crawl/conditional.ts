import type { HttpValidators } from '../store/http-cache.ts';

/** The request headers that ask for the page only if it changed. */
export function conditionalHeaders(v: HttpValidators | null): Record<string, string> {
  const headers: Record<string, string> = {};
  if (v?.etag) headers['if-none-match'] = v.etag;
  if (v?.lastModified) headers['if-modified-since'] = v.lastModified;
  return headers;
}
