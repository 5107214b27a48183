import type { Preset } from './preset.ts';

/** TRS WCM: articles at ./YYYYMM/tYYYYMMDD_<id>.html with the body in .TRS_Editor or .TRS_UEDITOR. */
export const trs: Preset = {
  description: 'TRS WCM (./YYYYMM/tYYYYMMDD_NNN.html, .TRS_Editor)',
  list: { item: "li:has(a[href*='/t20']), tr:has(a[href*='/t20'])", link: "a[href*='/t20']" },
  article: {
    title: 'meta[name=ArticleTitle], h1',
    date: 'meta[name=PubDate]',
    body: '.TRS_Editor, .TRS_UEDITOR',
    remove: ['script', 'style'],
  },
  detect: (html) => {
    if (/class=["']?[^"'>]*\bTRS_(Editor|UEDITOR)\b/.test(html)) return 'a .TRS_Editor body';
    if (/createPageHTML\s*\(/.test(html)) return 'a createPageHTML(…) pager';
    if (/\/\d{6}\/t\d{8}_\d+\.s?html?/.test(html)) return 'links to YYYYMM/tYYYYMMDD_NNN.html';
    return null;
  },
};
