import { createHash } from 'node:crypto';
import { normalise, type NormalisedText } from '../text/normalise.ts';
import { hashSlice } from './hash32.ts';
import { minhash, lshBands } from './minhash.ts';
import { SHINGLE_SIZE } from './thresholds.ts';

/** What deduplication knows about one text. */
export interface DedupFeatures {
  /** Hash of the comparison text: equal for the same story under another URL, site or script. */
  contentHash: string;
  /** Normalised text with everything but Han characters, letters and digits removed. */
  text: string;
  /** Hashes of the character n-grams of `text`. */
  shingles: Set<number>;
  /** The numbers the text states, as written after normalisation. */
  numbers: Set<string>;
  /** MinHash signature of `shingles`. */
  signature: Uint32Array;
  /** LSH band keys of `signature`, as signed 64-bit integers in decimal. */
  bands: string[];
  /** Share of the Han characters that were traditional and converted: a mirror's mark. */
  traditionalShare: number;
}

const HAN = /[\u3400-\u9fff]/;
// A full stop between digits is a decimal point and stays: 8.6% and 86% are different figures.
const NOT_TEXT = /[^\u3400-\u9fffA-Za-z0-9.]+|(?<!\d)\.|\.(?!\d)/g;
const NUMBER = /\d+(?:\.\d+)?/g;

/**
 * Reads a page's text the way deduplication compares it: traditional characters simplified,
 * furniture and banners dropped (src/text/normalise.ts), then punctuation and spacing ignored,
 * so a mirror that only re-punctuates or re-flows a report still hashes the same.
 */
export function dedupFeatures(raw: string): DedupFeatures {
  return featuresOfNormalised(normalise(raw));
}

/** `dedupFeatures` for a text already normalised, as the pipeline has it. */
export function featuresOfNormalised(n: NormalisedText): DedupFeatures {
  const text = n.text.replace(NOT_TEXT, '');
  const compared = comparable(text, (n.text.match(NUMBER) ?? []).filter(telling), createHash('sha256').update(text).digest('hex').slice(0, 32));
  return { ...compared, text, bands: lshBands(compared.signature), traditionalShare: traditionalShare(n) };
}

/** What comparing two texts needs (src/dedup/similarity.ts). */
export type Comparable = Pick<DedupFeatures, 'contentHash' | 'shingles' | 'numbers' | 'signature'>;

/**
 * A stored article as a candidate is compared, from what it keeps (`dedup_text`, `dedup_numbers`,
 * `content_hash`): its text need not be normalised again on every lookup.
 */
export function comparable(text: string, numbers: Iterable<string>, contentHash: string): Comparable {
  const shingles = shingleSet(text);
  return { contentHash, shingles, numbers: new Set(numbers), signature: minhash(shingles) };
}

/** Character n-grams, not words: Chinese has no spaces to split on. */
export function shingleSet(text: string, size = SHINGLE_SIZE): Set<number> {
  const out = new Set<number>();
  if (text.length <= size) {
    if (text) out.add(hashSlice(text, 0, text.length));
    return out;
  }
  for (let i = 0; i + size <= text.length; i++) out.add(hashSlice(text, i, i + size));
  return out;
}

/**
 * Numbers that tell one report from another: small integers (1-5月, 第3位) and years are shared
 * by every report of a series, so only decimals and integers of two or more digits count.
 */
function telling(n: string): boolean {
  if (n.includes('.')) return true;
  const v = Number(n);
  return v >= 10 && !(v >= 1900 && v <= 2100 && n.length === 4);
}

function traditionalShare(n: NormalisedText): number {
  let han = 0;
  let converted = 0;
  for (let i = 0; i < n.text.length; i++) {
    const c = n.text[i];
    if (!HAN.test(c)) continue;
    han++;
    if (n.ends[i] - n.starts[i] === 1 && n.original[n.starts[i]] !== c) converted++;
  }
  return han ? converted / han : 0;
}
