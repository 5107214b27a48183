import { describe, expect, it } from 'vitest';
import { html, safeHref, trusted } from '../../src/web/html.ts';
import { page } from '../../src/web/pages/layout.ts';

describe('page markup', () => {
  it('escapes every value a template is given, also inside lists, and keeps nested markup', () => {
    const title = '<script>alert(1)</script>"&';
    const out = html`<ul>${['a<b', html`<li>${title}</li>`]}</ul><p title="${title}">${null}${false}${0}</p>`.value;
    expect(out).toBe('<ul>a&lt;b<li>&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;</li></ul><p title="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;">0</p>');
    expect(html`${trusted('<b>ours</b>')}`.value).toBe('<b>ours</b>');
  });

  it('lets only http(s) addresses become links', () => {
    expect(safeHref('javascript:alert(1)')).toBe('#');
    expect(safeHref('data:text/html,x')).toBe('#');
    expect(safeHref('not a url')).toBe('#');
    expect(safeHref('http://gxj.example.gov.cn/a?b=1&c=2')).toBe('http://gxj.example.gov.cn/a?b=1&c=2');
  });

  it('frames a page with its language, the style sheet and a switch to the other language', () => {
    const out = page({ lang: 'zh', title: '订阅', path: '/subscribe', body: html`<p>x</p>` }).value;
    expect(out).toContain('<html lang="zh-CN">');
    expect(out).toContain('<link rel="stylesheet" href="/static/app.css">');
    expect(out).toContain('href="/subscribe?lang=en">English</a>');
    expect(out).not.toMatch(/<script(?! src)/);
  });
});
