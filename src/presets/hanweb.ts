import type { Preset } from './preset.ts';

/**
 * Hanweb / 大汉 JCMS: columns at /col/colNNN/index.html list their entries as `<record>` blocks
 * (inline in the page or from /module/web/jpage/dataproxy.jsp); articles live at
 * /art/YYYY/M/D/art_<col>_<id>.html with the body in #zoom and ArticleTitle/PubDate metas.
 */
export const hanweb: Preset = {
  description: 'Hanweb / 大汉 JCMS (/col/colNNN/, /art/YYYY/M/D/art_NNN_NNN.html, #zoom)',
  list: { item: "record, li:has(a[href*='/art/']), tr:has(a[href*='/art/'])", link: "a[href*='/art/']" },
  article: {
    title: 'meta[name=ArticleTitle], h1',
    date: 'meta[name=PubDate]',
    body: '#zoom',
    remove: ['script', 'style', '.bt_link'],
  },
  detect: (html) => {
    if (/<record>\s*<!\[CDATA\[/.test(html)) return 'entries in <record><![CDATA[…]]> blocks';
    if (/\/module\/web\/jpage\/dataproxy\.jsp/.test(html)) return 'a /module/web/jpage/dataproxy.jsp list';
    if (/\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\d+_\d+\.html/.test(html)) return 'links to /art/YYYY/M/D/art_NNN_NNN.html';
    if (/<meta\s+name=["']?ArticleTitle/i.test(html) && /id=["']?zoom["'\s>]/.test(html)) return 'ArticleTitle meta and #zoom body';
    return null;
  },
};
