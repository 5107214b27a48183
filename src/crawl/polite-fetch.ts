import type { AddressPolicy } from '../net/address-policy.ts';
import type { Politeness } from '../sources/schema.ts';
import { hostGate, type HostGate } from './host-gate.ts';
import { FetchError, httpGet, type HttpResponse } from './http-get.ts';

/** A Retry-After longer than this fails the page instead of holding the crawl. */
const MAX_RETRY_AFTER_MS = 120_000;
/** How many times one page may ask us to come back later. */
const MAX_RETRY_AFTER_WAITS = 3;

export interface PoliteFetchOptions {
  userAgent: string;
  politeness: Politeness;
  /** Extra request headers, e.g. conditional-request validators. */
  headers?: Record<string, string>;
  gate?: HostGate;
  /** Crawl-delay from robots.txt, in seconds, when it asks for slower than the source's limit. */
  crawlDelaySecs?: number;
  /** Addresses the fetch may reach (checked after DNS and on every redirect); public ones only when absent. */
  addresses?: AddressPolicy;
}

export interface PoliteResponse extends HttpResponse {
  /** Attempts made, including those answered with Retry-After. */
  attempts: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Milliseconds from a Retry-After header (seconds or an HTTP date), or null if absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * GET through the host gate with the source's politeness: a timeout per attempt, retries with
 * exponential backoff for 5xx answers and network faults, and 429/503 answers that carry
 * Retry-After waited out without spending the retry budget.
 */
export async function politeGet(url: string, opts: PoliteFetchOptions): Promise<PoliteResponse> {
  const { politeness } = opts;
  const gate = opts.gate ?? hostGate;
  const host = new URL(url).host;
  const perMinute = opts.crawlDelaySecs ? Math.min(politeness.perMinute, 60 / opts.crawlDelaySecs) : politeness.perMinute;
  const limits = { perMinute, concurrency: politeness.concurrency };
  const headers = { 'user-agent': opts.userAgent, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-language': 'zh-CN,zh;q=0.9', ...opts.headers };
  let failures = 0;
  let waits = 0;
  for (let attempts = 1; ; attempts++) {
    const release = await gate.acquire(host, limits);
    let res: HttpResponse;
    try {
      res = await httpGet(url, { headers, timeoutMs: politeness.timeoutSecs * 1000, maxBytes: politeness.maxBytes, addresses: opts.addresses });
    } catch (err) {
      release();
      if (!(err instanceof FetchError) || !err.retryable || failures >= politeness.retries) throw withAttempts(err as Error, attempts);
      await sleep(backoffMs(politeness, failures++));
      continue;
    }
    release();
    if (res.status === 429 || res.status === 503) {
      const wait = retryAfterMs(res.headers['retry-after']);
      if (wait !== null && wait > MAX_RETRY_AFTER_MS) {
        throw new FetchError(`HTTP ${res.status}: the site asks to come back in ${Math.round(wait / 1000)} s`, false);
      }
      if (wait !== null && waits < MAX_RETRY_AFTER_WAITS) {
        waits++;
        await sleep(wait);
        continue;
      }
    }
    if ((res.status >= 500 || res.status === 429) && failures < politeness.retries) {
      await sleep(backoffMs(politeness, failures++));
      continue;
    }
    return { ...res, attempts };
  }
}

function backoffMs(politeness: Politeness, failures: number): number {
  return politeness.backoffSecs * 1000 * 2 ** failures;
}

function withAttempts(err: Error, attempts: number): Error {
  if (attempts > 1) err.message = `${err.message} (after ${attempts} attempts)`;
  return err;
}
