import { describe, expect, it } from 'vitest';
import { AddressPolicy, parseAllowList } from '../../src/net/address-policy.ts';
import { loadConfig } from '../../src/config.ts';

// Pure checks: nothing here opens a connection, so non-loopback addresses are safe to name.
describe('which addresses the crawler may reach', () => {
  const strict = new AddressPolicy();

  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['http://10.0.0.1/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://172.16.5.4/', 'private'],
    ['http://100.64.0.1/', 'carrierGradeNat'],
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.8.9.10/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://240.0.0.1/', 'reserved'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://[::1]/', 'loopback'],
    ['http://[::]/', 'unspecified'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::ffff:a9fe:a9fe]/', 'linkLocal'],
    ['http://[fe80::1]/', 'linkLocal'],
    ['http://[fc00::1]/', 'uniqueLocal'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://[64:ff9b::a00:1]/', 'rfc6052'],
    ['http://[2002:a00:1::]/', '6to4'],
  ])('refuses %s (%s)', (url, range) => {
    expect(strict.urlRefusal(url)).toContain(`a ${range} address`);
  });

  it('refuses schemes other than http and https', () => {
    expect(strict.urlRefusal('file:///etc/passwd')).toBe('file: URLs are not fetched, only http and https');
    expect(strict.urlRefusal('ftp://example.org/')).toBe('ftp: URLs are not fetched, only http and https');
    expect(strict.urlRefusal('gopher://example.org/')).toBe('gopher: URLs are not fetched, only http and https');
  });

  it('lets public addresses and host names through to the DNS check', () => {
    expect(strict.urlRefusal('https://8.8.8.8/')).toBeNull();
    expect(strict.urlRefusal('https://[2001:4860::8888]/')).toBeNull();
    expect(strict.urlRefusal('https://gxt.shandong.gov.cn/col/col15201/')).toBeNull();
  });

  it('reaches exactly what the allow-list names, mapped IPv6 included', () => {
    const policy = new AddressPolicy(['127.0.0.1', '10.1.0.0/16']);
    expect(policy.urlRefusal('http://127.0.0.1:8080/')).toBeNull();
    expect(policy.urlRefusal('http://[::ffff:127.0.0.1]/')).toBeNull();
    expect(policy.urlRefusal('http://10.1.200.3/')).toBeNull();
    expect(policy.urlRefusal('http://127.0.0.2/')).toContain('loopback');
    expect(policy.urlRefusal('http://[::1]/')).toContain('loopback');
    expect(policy.urlRefusal('http://10.2.0.1/')).toContain('private');
  });

  it('refuses a host name once DNS says it is loopback', async () => {
    await expect(strict.resolve('localhost')).rejects.toMatchObject({ name: 'PermanentPageError', reason: 'blocked-address' });
  });

  it('reads the allow-list from INDWATCH_ALLOW_ADDRESSES and rejects entries that are not addresses', () => {
    expect(loadConfig({ INDWATCH_ALLOW_ADDRESSES: '127.0.0.1, ::1,10.0.0.0/8' }).allowAddresses).toEqual(['127.0.0.1', '::1', '10.0.0.0/8']);
    expect(loadConfig({}).allowAddresses).toEqual([]);
    expect(() => loadConfig({ INDWATCH_ALLOW_ADDRESSES: '127.0.0.1,intranet' })).toThrow(/intranet.{0,6} is neither an IP address nor a CIDR block/);
    expect(parseAllowList('')).toEqual([]);
  });
});
