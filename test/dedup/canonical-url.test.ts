import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/crawl/canonical-url.ts';

describe('canonicalUrl', () => {
  it('writes one page reached under several URLs the same way', () => {
    const variants = [
      'http://gxj.qingchuan.gov.cn/art/2025/6/18/art_12_345.html',
      'HTTP://GXJ.QingChuan.gov.cn:80/art/2025/6/18/art_12_345.html',
      'http://gxj.qingchuan.gov.cn/art/2025/6/18/art_12_345.html#zoom',
      'http://gxj.qingchuan.gov.cn/art/2025/6/18/art_12_345.html?utm_source=wechat&utm_medium=share',
      'http://gxj.qingchuan.gov.cn/art/2025/6/18/art_12_345.html?spm=a1z2.3&from=timeline',
      'http://gxj.qingchuan.gov.cn/art/2025/6/18/art_12_345.html;jsessionid=8F3A0C1D2E',
      'http://gxj.qingchuan.gov.cn/art/2025/6/18/art_12_345.html?JSESSIONID=abc&sid=42',
      'http://gxj.qingchuan.gov.cn//art/2025/6/18/art_12_345.html',
      '  http://gxj.qingchuan.gov.cn/art/2025/6/18/art_12_345.html ',
    ];
    expect(new Set(variants.map((u) => canonicalUrl(u)))).toEqual(new Set(['http://gxj.qingchuan.gov.cn/art/2025/6/18/art_12_345.html']));
  });

  it('writes a directory index as the directory and resolves relative links', () => {
    expect(canonicalUrl('https://www.example.cn:443/col/col15201/index.html')).toBe('https://www.example.cn/col/col15201/');
    expect(canonicalUrl('./202506/t20250618_88.html?b=2&a=1', 'http://news.example.cn/jjxw/index.shtml')).toBe(
      'http://news.example.cn/jjxw/202506/t20250618_88.html?a=1&b=2',
    );
  });

  it('keeps the parameters that choose the page', () => {
    expect(canonicalUrl('http://x.example.cn/show.jsp?id=42&utm_campaign=a')).toBe('http://x.example.cn/show.jsp?id=42');
    expect(canonicalUrl('http://x.example.cn/show.jsp?id=42')).not.toBe(canonicalUrl('http://x.example.cn/show.jsp?id=43'));
    expect(canonicalUrl('http://x.example.cn:8080/a.html')).toBe('http://x.example.cn:8080/a.html');
  });
});
