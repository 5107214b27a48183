import { dedupFeatures, type DedupFeatures } from './features.ts';
import { compareFeatures, type Similarity } from './similarity.ts';
import * as thresholds from './thresholds.ts';

export interface TextReport {
  label: string;
  comparedChars: number;
  numbers: number;
  traditionalShare: number;
}

export interface CheckReport {
  a: TextReport;
  b: TextReport;
  similarity: Similarity;
  /** LSH band keys the two share: at least one and the index offers each as the other's candidate. */
  sharedBands: number;
  bands: number;
  thresholds: typeof thresholds;
}

/** Both similarity measures of two texts and the verdict the store would reach, for tuning. */
export function checkPair(a: { label: string; text: string }, b: { label: string; text: string }): CheckReport {
  const fa = dedupFeatures(a.text);
  const fb = dedupFeatures(b.text);
  const bandsB = new Set(fb.bands);
  return {
    a: describe(a.label, fa),
    b: describe(b.label, fb),
    similarity: compareFeatures(fa, fb),
    sharedBands: fa.bands.filter((k) => bandsB.has(k)).length,
    bands: fa.bands.length,
    thresholds: { ...thresholds },
  };
}

function describe(label: string, f: DedupFeatures): TextReport {
  return { label, comparedChars: f.text.length, numbers: f.numbers.size, traditionalShare: f.traditionalShare };
}

export function formatCheck(r: CheckReport): string {
  const t = r.thresholds;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const line = (x: TextReport, name: string) =>
    `${name}: ${x.label}\n   ${x.comparedChars} characters compared, ${x.numbers} distinctive numbers, ${pct(x.traditionalShare)} converted from traditional`;
  const s = r.similarity;
  return [
    line(r.a, 'A'),
    line(r.b, 'B'),
    '',
    `Jaccard (${t.SHINGLE_SIZE}-character shingles):      ${s.jaccard.toFixed(3)}   same story from ${t.SAME_JACCARD}`,
    `Containment (of the shorter):       ${s.containment.toFixed(3)}   same story from ${t.SAME_CONTAINMENT} when Jaccard ≥ ${t.CONTAINMENT_MIN_JACCARD}`,
    `MinHash estimate of Jaccard:        ${s.estimated.toFixed(3)}   ${r.sharedBands} of ${r.bands} LSH bands shared${r.sharedBands ? ' (the index finds the pair)' : ' (the index would not offer the pair)'}`,
    `Shared numbers:                     ${s.numbers === null ? `n/a (fewer than ${t.MIN_NUMBERS_TO_COMPARE} in one text)` : s.numbers.toFixed(3)}${s.numbers === null ? '' : `   at least ${t.SAME_NUMBERS} for the same story`}`,
    '',
    `Verdict: ${s.verdict} (${s.reason})`,
  ].join('\n');
}
