import type { Comparable } from './features.ts';
import { estimateJaccard } from './minhash.ts';
import { CONTAINMENT_MIN_JACCARD, MIN_NUMBERS_TO_COMPARE, SAME_CONTAINMENT, SAME_JACCARD, SAME_NUMBERS } from './thresholds.ts';

export interface Similarity {
  /** Shared shingles over all shingles of both texts. */
  jaccard: number;
  /** Shared shingles over the shingles of the shorter text: high when one text contains the other. */
  containment: number;
  /** Jaccard estimated from the MinHash signatures, as the index sees it. */
  estimated: number;
  /** Shared numbers over the numbers of the text with fewer; null when either states too few. */
  numbers: number | null;
  verdict: 'identical' | 'same story' | 'different';
  reason: string;
}

/** Compares two texts the way a candidate from the index is confirmed before two articles are joined. */
export function compareFeatures(a: Comparable, b: Comparable): Similarity {
  const shared = intersectionSize(a.shingles, b.shingles);
  const union = a.shingles.size + b.shingles.size - shared;
  const jaccard = union ? shared / union : 1;
  const smaller = Math.min(a.shingles.size, b.shingles.size);
  const containment = smaller ? shared / smaller : 1;
  const fewer = Math.min(a.numbers.size, b.numbers.size);
  const numbers = fewer >= MIN_NUMBERS_TO_COMPARE ? intersectionSize(a.numbers, b.numbers) / fewer : null;
  const base = { jaccard, containment, estimated: estimateJaccard(a.signature, b.signature), numbers };
  if (a.contentHash === b.contentHash) return { ...base, verdict: 'identical', reason: 'same normalised text' };
  // Containment alone would let a round-up page swallow every story it quotes.
  const textAlike = jaccard >= SAME_JACCARD || (containment >= SAME_CONTAINMENT && jaccard >= CONTAINMENT_MIN_JACCARD);
  if (!textAlike) {
    return {
      ...base,
      verdict: 'different',
      reason: `text overlap below thresholds (jaccard < ${SAME_JACCARD}, and not containment ≥ ${SAME_CONTAINMENT} with jaccard ≥ ${CONTAINMENT_MIN_JACCARD})`,
    };
  }
  if (numbers !== null && numbers < SAME_NUMBERS) {
    return { ...base, verdict: 'different', reason: `same wording but different figures (shared numbers < ${SAME_NUMBERS}): another report on the same template` };
  }
  return { ...base, verdict: 'same story', reason: jaccard >= SAME_JACCARD ? 'text overlap above jaccard threshold' : 'one text contains the other' };
}

function intersectionSize<T>(a: Set<T>, b: Set<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}
