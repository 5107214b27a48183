import { createRequire } from 'node:module';
import type { AddressPolicy } from '../net/address-policy.ts';
import type { Politeness } from '../sources/schema.ts';
import { PermanentPageError } from './page-errors.ts';
import { politeGet } from './polite-fetch.ts';

/** The product token matched against robots.txt User-agent lines. */
const ROBOTS_AGENT = 'indwatch';
const TTL_MS = 30 * 60_000;

export interface RobotsRules {
  isAllowed(url: string): boolean;
  crawlDelaySecs: number | undefined;
  /** Set when robots.txt could not be read and everything is treated as disallowed. */
  problem: string | null;
}

interface Parsed {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS and its typings do not describe the export in a way ESM imports accept.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => Parsed;

export interface RobotsOptions {
  userAgent: string;
  politeness: Politeness;
  /** Addresses robots.txt may be fetched from; public ones only when absent. */
  addresses?: AddressPolicy;
}

const cache = new Map<string, { at: number; rules: Promise<RobotsRules> }>();

/**
 * The robots.txt rules for a URL's origin, fetched once per half hour per process. As RFC 9309
 * says: a missing robots.txt (4xx) allows everything; one that cannot be fetched (5xx, network)
 * disallows everything until it can.
 */
export function robotsFor(url: string, opts: RobotsOptions): Promise<RobotsRules> {
  const origin = new URL(url).origin;
  const hit = cache.get(origin);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.rules;
  const rules = load(origin, opts);
  cache.set(origin, { at: Date.now(), rules });
  // A failed fetch is not cached, so the next crawl asks again.
  void rules.then((r) => {
    if (r.problem) cache.delete(origin);
  });
  return rules;
}

async function load(origin: string, opts: RobotsOptions): Promise<RobotsRules> {
  const robotsUrl = `${origin}/robots.txt`;
  let parsed: Parsed | null = null;
  try {
    const res = await politeGet(robotsUrl, { ...opts, politeness: { ...opts.politeness, maxBytes: 500_000 } });
    if (res.status >= 500) return disallowAll(`robots.txt answered HTTP ${res.status}`);
    if (res.status >= 200 && res.status < 300) parsed = robotsParser(robotsUrl, res.body.toString('utf8'));
  } catch (err) {
    if (err instanceof PermanentPageError && err.reason === 'blocked-address') return disallowAll(err.message);
    return disallowAll(`robots.txt could not be fetched: ${(err as Error).message}`);
  }
  if (!parsed) return { isAllowed: () => true, crawlDelaySecs: undefined, problem: null };
  const rules = parsed;
  return {
    isAllowed: (url) => rules.isAllowed(url, ROBOTS_AGENT) !== false,
    crawlDelaySecs: rules.getCrawlDelay(ROBOTS_AGENT),
    problem: null,
  };
}

function disallowAll(problem: string): RobotsRules {
  return { isAllowed: () => false, crawlDelaySecs: undefined, problem };
}
