import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { AddressPolicy } from '../net/address-policy.ts';
import { PermanentPageError } from './page-errors.ts';

export interface HttpResponse {
  /** The URL the body came from, after redirects. */
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The body was cut off at `maxBytes`. */
  truncated: boolean;
}

export interface GetOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  /** Bytes of (decompressed) body kept; the rest is never read. */
  maxBytes: number;
  maxRedirects?: number;
  /** Addresses the request and every redirect may reach, checked after DNS; public ones only when absent. */
  addresses?: AddressPolicy;
}

const PUBLIC_ONLY = new AddressPolicy();

/** A failed request; `retryable` for network faults and timeouts, which may pass. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

// Keep-alive sockets: a crawl fetches many pages from one host.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 32 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 32 }),
};

/**
 * One GET, following redirects, within one deadline for the whole exchange. The body is read as a
 * stream and cut off at `maxBytes`, so an oversized page never sits whole in memory. Each hop's URL
 * and resolved address go through `addresses` before a socket connects: a redirect to a refused
 * address fails with PermanentPageError ('blocked-address').
 */
export async function httpGet(url: string, opts: GetOptions): Promise<HttpResponse> {
  const deadline = Date.now() + opts.timeoutMs;
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    const res = await exchange(current, opts, deadline);
    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && res.status !== 304 && location) {
      if (hop >= (opts.maxRedirects ?? 5)) throw new FetchError(`more than ${opts.maxRedirects ?? 5} redirects`, false);
      current = new URL(location, current);
      continue;
    }
    return { ...res, url: current.toString() };
  }
}

function exchange(url: URL, opts: GetOptions, deadline: number): Promise<Omit<HttpResponse, 'url'>> {
  const addresses = opts.addresses ?? PUBLIC_ONLY;
  try {
    addresses.assertUrl(url);
  } catch (err) {
    return Promise.reject(err);
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err: Error | null, value?: Omit<HttpResponse, 'url'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(value!);
    };
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(
      url,
      {
        method: 'GET',
        headers: { 'accept-encoding': 'gzip, deflate, br', ...opts.headers },
        agent: agents[url.protocol as keyof typeof agents],
        lookup: addresses.lookup,
        // Many government hosts serve incomplete certificate chains; crawlee does not verify either.
        rejectUnauthorized: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if ((status >= 300 && status < 400) || status === 204) {
          res.resume();
          return finish(null, { status, headers: res.headers, body: Buffer.alloc(0), truncated: false });
        }
        const stream = decompress(res);
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          if (size + chunk.length > opts.maxBytes) {
            chunks.push(chunk.subarray(0, opts.maxBytes - size));
            size = opts.maxBytes;
            finish(null, { status, headers: res.headers, body: Buffer.concat(chunks, size), truncated: true });
            res.destroy();
            if (stream !== res) stream.destroy();
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        stream.on('end', () => finish(null, { status, headers: res.headers, body: Buffer.concat(chunks, size), truncated: false }));
        stream.on('error', (err) => finish(new FetchError(`reading the body failed: ${err.message}`, true)));
        res.on('aborted', () => finish(new FetchError('the connection closed before the body was complete', true)));
      },
    );
    const timer = setTimeout(() => {
      const err = new FetchError(`timed out after ${Math.round(opts.timeoutMs / 100) / 10} s`, true);
      finish(err);
      req.destroy(err);
    }, Math.max(0, deadline - Date.now()));
    req.on('error', (err) => finish(err instanceof PermanentPageError ? err : new FetchError(networkMessage(err), true)));
    req.end();
  });
}

function decompress(res: http.IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null;
  if (!decoder) return res;
  res.on('error', (err) => decoder.destroy(err));
  return res.pipe(decoder);
}

function networkMessage(err: NodeJS.ErrnoException): string {
  const code = err.code ? `${err.code}: ` : '';
  return `network error: ${code}${err.message}`.replace(/(\w+): \1\b/, '$1');
}
