import chardet from 'chardet';
import iconv from 'iconv-lite';
import { wellFormed } from '../text/well-formed.ts';

export type EncodingSource = 'override' | 'header' | 'meta' | 'bom' | 'sniff' | 'default';

export interface DecodedBody {
  text: string;
  /** Canonical label of the encoding used, e.g. 'utf-8', 'gb18030', 'big5'. */
  encoding: string;
  source: EncodingSource;
}

export interface DecodeOptions {
  /** The HTTP Content-Type header, if any. */
  contentType?: string | null;
  /** Per-source encoding: 'auto' (or absent) to detect, otherwise a label that wins over everything. */
  override?: string;
}

/** How far into the document `<meta>` charset declarations are looked for. */
const META_SCAN_BYTES = 4096;

// GB2312 and GBK are strict subsets of GB18030, and pages labelled gb2312 routinely use GBK-only
// characters (e.g. 镕, 堃), so the whole family is decoded as GB18030.
const GB_FAMILY = new Set(['gb2312', 'gbk', 'x-gbk', 'gb_2312-80', 'gb_2312', 'euc-cn', 'csgb2312', 'cp936', 'windows-936', 'chinese', 'iso-ir-58', 'gb18030']);
const BIG5_FAMILY = new Set(['big5', 'big5-hkscs', 'big5hkscs', 'cn-big5', 'x-x-big5', 'csbig5', 'cp950']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'x-unicode20utf8']);

/**
 * Maps an encoding label from a header, a `<meta>` or a source's configuration to the label
 * iconv-lite decodes with, or null if the label is unknown.
 */
export function normalizeEncoding(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (l === '') return null;
  if (UTF8_LABELS.has(l)) return 'utf-8';
  if (GB_FAMILY.has(l)) return 'gb18030';
  // iconv-lite's big5 is the HKSCS superset, which is what browsers use for "big5" too.
  if (BIG5_FAMILY.has(l)) return 'big5';
  if (l === 'utf-16' || l === 'unicode') return 'utf-16le';
  return iconv.encodingExists(l) ? l : null;
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'gb18030' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function bomOf(body: Buffer): { encoding: string; length: number } | null {
  for (const bom of BOMS) {
    if (body.length >= bom.bytes.length && bom.bytes.every((b, i) => body[i] === b)) {
      return { encoding: bom.encoding, length: bom.bytes.length };
    }
  }
  return null;
}

function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return m ? m[1] : null;
}

function charsetFromMeta(body: Buffer): string | null {
  const head = body.subarray(0, META_SCAN_BYTES).toString('latin1');
  // Covers both <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
  const re = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/gi;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    if (normalizeEncoding(m[1])) return m[1];
  }
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(body: Buffer): boolean {
  try {
    strictUtf8.decode(body);
    return true;
  } catch {
    return false;
  }
}

/** True when the bytes are valid UTF-8 and actually use multi-byte sequences (i.e. are not plain ASCII). */
function looksLikeUtf8(body: Buffer): boolean {
  return body.some((b) => b >= 0x80) && isValidUtf8(body);
}

// A legacy encoding declared for bytes that are valid, non-ASCII UTF-8 is almost always a page
// saved or re-served as UTF-8 with a stale declaration: real GBK, Big5 or Shift_JIS text of any
// length practically never forms valid UTF-8.
function declaredButReallyUtf8(encoding: string, body: Buffer): boolean {
  return encoding !== 'utf-8' && !encoding.startsWith('utf-16') && looksLikeUtf8(body);
}

// Servers often send a default "charset=utf-8" for pages that are really GBK. A stray bad byte
// (e.g. a truncated body) is tolerated; a body where many characters fail to decode is not UTF-8.
function declaredUtf8ButNot(encoding: string, body: Buffer): boolean {
  if (encoding !== 'utf-8' || isValidUtf8(body)) return false;
  const text = body.toString('utf8');
  let bad = 0;
  let nonAscii = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') bad++;
    else if (ch.charCodeAt(0) >= 0x80) nonAscii++;
  }
  return bad > 3 && bad * 20 > nonAscii;
}

const SNIFF_ACCEPTED: Record<string, string> = {
  'UTF-8': 'utf-8',
  GB18030: 'gb18030',
  Big5: 'big5',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'EUC-JP': 'euc-jp',
  Shift_JIS: 'shift_jis',
  'EUC-KR': 'euc-kr',
};

function sniff(body: Buffer): string | null {
  if (!body.some((b) => b >= 0x80)) return null;
  if (isValidUtf8(body)) return 'utf-8';
  const candidates = chardet.analyse(body);
  // The sites watched are Chinese: a Chinese candidate with reasonable confidence beats a
  // Japanese/Korean guess, which chardet tends to make on short GBK snippets.
  const chinese = candidates.find((c) => (c.name === 'GB18030' || c.name === 'Big5') && c.confidence >= 30);
  if (chinese) return SNIFF_ACCEPTED[chinese.name];
  const top = candidates.find((c) => SNIFF_ACCEPTED[c.name]);
  return top ? SNIFF_ACCEPTED[top.name] : null;
}

// Unpaired UTF-16 surrogates (a UTF-16 page cut mid-character, or one that is simply broken) make
// later stages throw ("Invalid code point"): each becomes U+FFFD at decode time, as a browser shows it.
function decodeWith(body: Buffer, encoding: string, source: EncodingSource): DecodedBody {
  const bom = bomOf(body);
  const payload = bom && bom.encoding === encoding ? body.subarray(bom.length) : body;
  return { text: wellFormed(iconv.decode(payload, encoding, { stripBOM: true })), encoding, source };
}

function replacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/**
 * The declared encoding's decoding, unless it yields replacement characters and another
 * candidate (the other declaration, then a sniffed guess) decodes without any: servers, CMS
 * templates and editors each declare a charset, and they often disagree with the bytes.
 */
function cleanest(body: Buffer, first: DecodedBody, declaredLater: [string, EncodingSource][]): DecodedBody {
  if (replacements(first.text) === 0) return first;
  const sniffed = sniff(body);
  const others: [string, EncodingSource][] = [...declaredLater, ...(sniffed ? [[sniffed, 'sniff'] as [string, EncodingSource]] : [])];
  for (const [encoding, source] of others) {
    if (encoding === first.encoding) continue;
    const candidate = decodeWith(body, encoding, source);
    if (replacements(candidate.text) === 0) return candidate;
  }
  return first;
}

/**
 * Decodes an HTML (or text) response body. Order: per-source override (unless 'auto') > BOM >
 * HTTP header charset > `<meta>` charset > sniffing > UTF-8.
 */
export function decodeBody(body: Buffer, opts: DecodeOptions = {}): DecodedBody {
  if (opts.override && opts.override.trim().toLowerCase() !== 'auto') {
    const encoding = normalizeEncoding(opts.override);
    if (!encoding) throw new Error(`unknown encoding "${opts.override}" configured for this source`);
    return decodeWith(body, encoding, 'override');
  }

  const bom = bomOf(body);
  if (bom) return decodeWith(body, bom.encoding, 'bom');

  const declared: [string | null, EncodingSource][] = [
    [charsetFromContentType(opts.contentType), 'header'],
    [charsetFromMeta(body), 'meta'],
  ];
  const usable = declared.flatMap(([label, source]) => {
    const encoding = label ? normalizeEncoding(label) : null;
    return encoding ? [[encoding, source] as [string, EncodingSource]] : [];
  });
  for (const [i, [encoding, source]] of usable.entries()) {
    if (declaredButReallyUtf8(encoding, body)) return decodeWith(body, 'utf-8', 'sniff');
    if (declaredUtf8ButNot(encoding, body)) continue;
    return cleanest(body, decodeWith(body, encoding, source), usable.slice(i + 1));
  }

  const sniffed = sniff(body);
  if (sniffed) return decodeWith(body, sniffed, 'sniff');
  return decodeWith(body, 'utf-8', 'default');
}
