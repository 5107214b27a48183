import fc from 'fast-check';

/** Any UTF-16 code unit, lone surrogates included: what a broken decoder or a hostile page can hand on. */
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Pieces of the reports the extractor reads, so that random text reaches its deeper rules. */
const REPORT_PIECES = [
  '增长', '同比', '下降', '提高', '百分点', '亿元', '万元', '万吨', '%', '％', '1.2', '6.5', '12,345.6', '0', '9',
  '2024年', '1-9月', '1—9月', '一季度', '上半年', '全年', '前三季度', '到2025年', '力争', '分别', '、', '，', '。',
  '；', '\n', '\r\n', ' ', '\u3000', '规上工业增加值', '全市', '全省', '济南市', '排名第', '居全省第一', '占', '比重',
  '较', '差距', '十二', '两', '〇', '二〇二四年三月十一日', '2024-03-11 09:30', '03-11', '3月11日', '发布时间：',
  '来源：', '《', '》', '“', '”', '（', '）', '(', ')', '<br>', '&nbsp;', '&#x4e00;', '**', '[', ']', '增长率',
  '個', '與', '０', '１', '．', 'zēng', '—', '~', '至', '到', '达', '实现', '完成', '投资', '营业收入',
];

/** Text made of report pieces and random code units. */
export const reportText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...REPORT_PIECES) }, { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 6 }) }), {
    maxLength: 120,
  })
  .map((xs) => xs.join(''));

/** Any string: random code units or report-like text. */
export const anyText = fc.oneof(fc.string({ unit: codeUnit, maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), reportText);

const TAGS = ['div', 'p', 'span', 'b', 'table', 'tr', 'td', 'ul', 'li', 'h1', 'title', 'script', 'style', 'a', 'br', 'img', 'nav', 'aside', 'article', 'meta', 'body', 'html', 'head', 'iframe', 'template', 'svg', '!--', 'x-y'];
const ATTRS = ['class="content"', 'id="zoom"', 'class="TRS_Editor"', 'style="display:none"', 'hidden', 'name="PubDate" content="2024-03-11"', 'href="javascript:alert(1)"', 'class=share', 'x="<>"', "y='\"'", 'z'];

/** Tag soup: open and close tags in any order, attributes, text and entities. */
export const htmlSoup = fc
  .array(
    fc.oneof(
      fc.record({ tag: fc.constantFrom(...TAGS), attrs: fc.array(fc.constantFrom(...ATTRS), { maxLength: 3 }) }).map(({ tag, attrs }) => `<${tag}${attrs.map((a) => ` ${a}`).join('')}>`),
      fc.constantFrom(...TAGS).map((t) => `</${t}>`),
      reportText,
      fc.string({ unit: codeUnit, maxLength: 8 }),
      fc.constantFrom('<', '>', '&', '&amp;', '&#0;', '&#xD800;', '<!DOCTYPE html>', '<![CDATA[', ']]>', '-->', '<?xml?>', '<script>var d="2024-03-11";</script>'),
    ),
    { maxLength: 80 },
  )
  .map((xs) => xs.join(''));
