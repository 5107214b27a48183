import dns, { type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { PermanentPageError } from '../crawl/page-errors.ts';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Address, number];

/**
 * Reads one allow-list entry: an IPv4 or IPv6 address ("127.0.0.1", "::1") or a CIDR block
 * ("10.1.0.0/16"). Throws with a message naming the entry when it is neither.
 */
export function parseAddressRange(entry: string): Range {
  const text = entry.trim();
  try {
    if (text.includes('/')) return ipaddr.parseCIDR(text);
    const address = ipaddr.parse(text);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    throw new Error(`"${entry}" is neither an IP address nor a CIDR block (e.g. 127.0.0.1, 10.0.0.0/8, ::1)`);
  }
}

/** Reads a comma-separated allow-list such as INDWATCH_ALLOW_ADDRESSES; every entry is checked. */
export function parseAllowList(value: string): string[] {
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) parseAddressRange(entry);
  return entries;
}

/** Unwraps "[::1]" as URL.hostname writes IPv6 literals. */
function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * Which addresses the crawler may connect to: public unicast addresses, and whatever the
 * configured allow-list names. Loopback, private, link-local, carrier-grade NAT, multicast,
 * broadcast, unspecified and reserved ranges (IPv4 and IPv6, IPv4-mapped IPv6 read as the IPv4
 * address it carries, NAT64/6to4/Teredo forms refused) are not reached unless allowed: a page
 * must not make the crawler read the metadata service, the database or the admin pages next to it.
 */
export class AddressPolicy {
  readonly #allowed: Range[];

  /** @param allow addresses and CIDR blocks reachable although not public (e.g. ["127.0.0.1"] for tests and the demo). */
  constructor(allow: readonly string[] = []) {
    this.#allowed = allow.map(parseAddressRange);
  }

  /** Why this IP address may not be connected to, or null when it may. */
  refusal(address: string): string | null {
    let parsed: Address;
    try {
      parsed = ipaddr.process(bareHost(address));
    } catch {
      return `"${address}" is not an IP address`;
    }
    if (this.#allowed.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits))) return null;
    const range = parsed.range();
    return range === 'unicast' ? null : `${parsed.toString()} is a ${range} address, which the crawler does not reach (allow it in INDWATCH_ALLOW_ADDRESSES)`;
  }

  /**
   * Why a URL may not be fetched without looking its host up: a scheme other than http(s), or a
   * literal IP host that is refused. URL parsing has already turned numeric forms such as
   * 0x7f000001 and 2130706433 into dotted IPv4.
   */
  urlRefusal(url: string | URL): string | null {
    let parsed: URL;
    try {
      parsed = typeof url === 'string' ? new URL(url) : url;
    } catch {
      return `"${String(url)}" is not a URL`;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `${parsed.protocol} URLs are not fetched, only http and https`;
    const host = bareHost(parsed.hostname);
    return ipaddr.isValid(host) ? this.refusal(host) : null;
  }

  /** Throws PermanentPageError ('blocked-address') for a URL `urlRefusal` refuses. */
  assertUrl(url: string | URL): void {
    const why = this.urlRefusal(url);
    if (why) throw new PermanentPageError('blocked-address', `${String(url)} refused: ${why}`);
  }

  /**
   * Resolves a host name and refuses it when any of its addresses is refused, so a public-looking
   * name that points at a private address is not reached either.
   */
  async resolve(hostname: string): Promise<LookupAddress[]> {
    const host = bareHost(hostname);
    const addresses = ipaddr.isValid(host) ? [{ address: host, family: host.includes(':') ? 6 : 4 }] : await dns.promises.lookup(host, { all: true });
    for (const a of addresses) {
      const why = this.refusal(a.address);
      if (why) throw new PermanentPageError('blocked-address', `${hostname} resolves to ${a.address}: ${why}`);
    }
    return addresses;
  }

  /**
   * A `lookup` for http.request / net.connect: checks the addresses DNS returns before the socket
   * connects to one of them, so the check and the connection see the same answer.
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.resolve(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (!wanted.length) return callback(Object.assign(new Error(`${hostname} has no IPv${options.family} address`), { code: 'ENOTFOUND' }), '');
        if ((options as LookupAllOptions).all) callback(null, wanted);
        else callback(null, wanted[0].address, wanted[0].family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}
