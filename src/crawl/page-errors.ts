/** Why a page will fail the same way however often it is fetched again. */
export type PermanentReason = 'not-found' | 'gone' | 'oversized' | 'not-a-page' | 'too-costly' | 'no-text' | 'blocked-address';

/**
 * A page that fails for a reason another fetch will not change (404/410, larger than the
 * source allows, neither HTML nor PDF, too costly to read, an address the crawler may not
 * reach). The crawl remembers it and does not fetch it again until the retry time has passed.
 */
export class PermanentPageError extends Error {
  constructor(
    readonly reason: PermanentReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PermanentPageError';
  }
}
