import { replaceMapped, type MappedText } from './mapped-text.ts';

/**
 * Whole lines that are page furniture, not article text. Each pattern is matched against a
 * trimmed line; a matching line is dropped. Written for the simplified, half-width text.
 */
export const FURNITURE_LINES: { name: string; re: RegExp }[] = [
  // Gambling and other spam banners injected above mirrored articles.
  { name: 'spam banner', re: /宝典|彩票|六合彩|博彩|娱乐城|赌场|开奖|百家乐|老虎机|资料大全|欢迎光临.{0,30}官方网站/ },
  // Metadata lines: publication date, source, font size, counters, print/close buttons.
  { name: 'metadata', re: /^(?:发布日期|发布时间|发文日期|时间|日期|来源|文章来源|信息来源|稿源|作者|责任编辑|编辑|审核|字号|浏览次数|阅读次数|点击数|访问量|分享到)\s*[:：].{0,60}$/ },
  { name: 'buttons', re: /^[\[【]?\s*(?:打印|关闭|关闭窗口|打印本页|返回顶部|收藏|分享)\s*[\]】]?(?:\s*[\[【]?\s*(?:打印|关闭|关闭窗口|打印本页|返回顶部|收藏|分享)\s*[\]】]?)*$/ },
  { name: 'font size', re: /^字号\s*[:：]?\s*[大中小\s]+$/ },
  // Lists of unrelated dated entries after the article (入驻:2026-02-23, 举办:… 至 …).
  { name: 'dated entry', re: /^[\u4e00-\u9fff]{1,6}\s*[:：]\s*\d{4}-\d{1,2}-\d{1,2}(?:\s*(?:至|-|~)\s*\d{4}-\d{1,2}-\d{1,2})?$/ },
  { name: 'bare date', re: /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/ },
  // A date and the issuing office, under the title (`2024-04-19  某县经济和信息化局`).
  { name: 'date and issuer', re: /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+(?:来源\s*[:：]\s*)?[\u4e00-\u9fff]{2,24}$|^(?:来源\s*[:：]\s*)?[\u4e00-\u9fff]{2,24}\s+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/ },
  // Telephone numbers on their own line.
  { name: 'phone', re: /^(?:(?:联系)?电话|Tel|传真)?\s*[:：]?\s*(?:\(?0\d{2,3}\)?[-\s]?)?\d{7,8}$/i },
  // Photo credits: `… 孙鹏伟 摄`, `… 资料片`, and the caption block's heading.
  { name: 'photo credit', re: /(?:\s|^)[\u4e00-\u9fff]{2,4}\s*摄$|资料片$|资料图$|^图片说明$|^\(图\)$/ },
  // Bylines: short lines naming reporters or the outlet's app, without sentences in them.
  { name: 'byline', re: /^(?=.{0,30}$)(?!.*[。,;])(?:.*(?:记者|通讯员|特约撰稿|撰稿|采写|整理|客户端|编辑)).*$/ },
];

const PUBLISHED = /(?:(?:发布日期|发布时间|发文日期|时间|日期)\s*[:：]\s*|^|\s)(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})/;

export interface FurnitureResult {
  text: MappedText;
  /** Publication date read off a metadata line, YYYY-MM-DD. */
  published: string | null;
  removed: { name: string; line: string }[];
}

/** Drops furniture lines and remembers the publication date they carried. */
export function removeFurniture(src: MappedText): FurnitureResult {
  let published: string | null = null;
  const removed: { name: string; line: string }[] = [];
  const text = replaceMapped(src, /^[^\n]*$/gm, (m) => {
    const line = m[0].trim();
    if (!line) return m[0];
    for (const f of FURNITURE_LINES) {
      if (!f.re.test(line)) continue;
      if (!published) {
        const p = PUBLISHED.exec(line);
        if (p) published = `${p[1]}-${p[2].padStart(2, '0')}-${p[3].padStart(2, '0')}`;
      }
      removed.push({ name: f.name, line });
      return '';
    }
    return m[0];
  });
  // `本报讯 记者某某报道` opens the first paragraph of many newspaper stories.
  const lead = replaceMapped(text, /(?:本报讯|本报[\u4e00-\u9fff]{0,4}电)\s*(?:[(（]?记者\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*\s*(?:报道)?[)）]?)?/g, () => '');
  return { text: lead, published, removed };
}
