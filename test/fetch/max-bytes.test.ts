import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpGet } from '../../src/crawl/http-get.ts';
import { AddressPolicy } from '../../src/net/address-policy.ts';
import { MAX_PAGE_BYTES, PolitenessSchema } from '../../src/sources/schema.ts';
import { startSite, type FixtureSite } from '../fixtures/http-site.ts';

// 200 MB of zeros in about 200 kB: what a hostile site sends to exhaust memory.
const bomb = zlib.gzipSync(Buffer.alloc(200_000_000), { level: 9 });
let site: FixtureSite;

beforeAll(async () => {
  site = await startSite({
    '/bomb.html': { body: bomb, headers: { 'content-encoding': 'gzip' } },
    '/bomb.br': { body: zlib.brotliCompressSync(Buffer.alloc(50_000_000)), headers: { 'content-encoding': 'br' } },
  });
});
afterAll(() => site.close());

describe('maxBytes', () => {
  // Before: 2e9 was accepted (2.5 GB resident seen with a gzip bomb).
  it('is bounded in the selectors schema', () => {
    const tooBig = PolitenessSchema.safeParse({ maxBytes: 2e9 });
    expect(tooBig.success).toBe(false);
    expect(tooBig.error?.issues[0]).toMatchObject({ path: ['maxBytes'] });
    expect(PolitenessSchema.parse({ maxBytes: MAX_PAGE_BYTES }).maxBytes).toBe(MAX_PAGE_BYTES);
  });

  it('counts decompressed bytes: a gzip or brotli bomb is cut off at the bound, not read whole', async () => {
    const addresses = new AddressPolicy(['127.0.0.1']);
    const gz = await httpGet(`${site.url}/bomb.html`, { headers: {}, timeoutMs: 60_000, maxBytes: MAX_PAGE_BYTES, addresses });
    expect(bomb.length).toBeLessThan(1_000_000);
    expect(gz).toMatchObject({ status: 200, truncated: true });
    expect(gz.body.length).toBe(MAX_PAGE_BYTES);
    const br = await httpGet(`${site.url}/bomb.br`, { headers: {}, timeoutMs: 60_000, maxBytes: 1_000_000, addresses });
    expect(br).toMatchObject({ truncated: true });
    expect(br.body.length).toBe(1_000_000);
  });
});
