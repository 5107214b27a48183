import type { Preset } from './preset.ts';

/** ucap: headline in <ucaptitle>, body in <ucapcontent> or #UCAP-CONTENT, date in meta PubDate. */
export const ucap: Preset = {
  description: 'ucap (ucaptitle, ucapcontent, meta PubDate)',
  list: { item: 'li:has(a)' },
  article: {
    title: 'ucaptitle, meta[name=ArticleTitle], h1',
    date: 'meta[name=PubDate]',
    body: 'ucapcontent, #UCAP-CONTENT',
    remove: ['script', 'style'],
  },
  detect: (html) => {
    const m = /<(ucapcontent|ucaptitle)\b|id=["']?UCAP-CONTENT/i.exec(html);
    return m ? `${m[1] ? `<${m[1].toLowerCase()}>` : '#UCAP-CONTENT'} element` : null;
  },
};
