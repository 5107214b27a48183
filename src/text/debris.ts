import { replaceMapped, type MappedText } from './mapped-text.ts';

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', middot: '·', mdash: '—', hellip: '…', ensp: ' ', emsp: ' ' };

// Tags are short and never span lines in scraped text; bounding them keeps a stray `<` harmless.
const TAG = /<\/?[a-zA-Z][^<>\n]{0,200}>|&(?:#(\d{1,6})|#x([0-9a-fA-F]{1,5})|([a-zA-Z]{2,7}));/g;

/** A character reference's character; one naming a surrogate or no character at all is U+FFFD, as in HTML. */
function codePoint(n: number): string {
  return n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? '\ufffd' : String.fromCodePoint(n);
}

/** HTML debris left in scraped text: tags and character entities. */
export function stripHtmlDebris(src: MappedText): MappedText {
  if (src.text.indexOf('<') < 0 && src.text.indexOf('&') < 0) return src;
  return replaceMapped(src, TAG, (m) => {
    if (m[1]) return codePoint(Number(m[1]));
    if (m[2]) return codePoint(parseInt(m[2], 16));
    if (m[3]) return ENTITIES[m[3].toLowerCase()] ?? m[0];
    return /^<\/?(p|br|div|li|tr|h\d)\b/i.test(m[0]) ? '\n' : '';
  });
}

// A pinyin reading in brackets right after a Han character: 區(qū), 業(yè). Readings are
// lower-case Latin letters, usually with a tone mark; `(套)` or `(MES)` are left alone.
const PINYIN = /(?<=[\u4e00-\u9fff])\((?=[a-zü]*[\u00e0-\u00fc\u0101-\u01dc])[a-z\u00e0-\u00fc\u0101-\u01dc]{1,7}\)/g;
// Mis-decoded characters show up as `??`, `?X` or U+FFFD between Han characters; a lone `?`
// may be a real question mark.
const GARBAGE = /(?<=[\u4e00-\u9fff])(?:\?+[A-Za-z]|\?{2,})(?=[\u4e00-\u9fff])|\uFFFD+/g;

// Some mirrors drop the tone marks (`產(chan)`, `業(ye)`): then only a whole syllable of
// pinyin, lower case, counts, so that `(ok)` or `(pdf)` after a character stay.
const SYLLABLE = '(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)';
const PINYIN_PLAIN = new RegExp(`(?<=[\\u4e00-\\u9fff])\\(${SYLLABLE}\\)`, 'g');

/** Stray pinyin annotations and mis-decoding garbage from mirrored pages. */
const MIRROR_NOISE = new RegExp(`${PINYIN.source}|${PINYIN_PLAIN.source}|${GARBAGE.source}`, 'g');

export function stripMirrorNoise(src: MappedText): MappedText {
  return replaceMapped(src, MIRROR_NOISE, () => '');
}

// **bold**, __bold__, leading heading marks.
const MARKDOWN = /\*\*|__|^#{1,6} /gm;

export function stripMarkdown(src: MappedText): MappedText {
  if (src.text.indexOf('**') < 0 && src.text.indexOf('__') < 0 && src.text.indexOf('#') < 0) return src;
  return replaceMapped(src, MARKDOWN, () => '');
}
