import { NEGATIVE, negativeThreshold, POSITIVE, REPORT_EVIDENCE } from './lexicon/relevance.ts';

const EVIDENCE = POSITIVE.filter((s) => REPORT_EVIDENCE.has(s.name));
const NEGATIVE_GLOBAL = NEGATIVE.map((s) => ({ ...s, re: new RegExp(s.re.source, 'g') }));

/**
 * Whether a text reads as an industrial report: no signal against it (sport, culture,
 * tourism, spam…, counted as `classify` counts them) fires, or its industrial signals
 * outweigh those that do. A marathon story that names a sponsor's sales once is still a
 * marathon story; a short note with no signal either way is given the benefit of the doubt.
 */
export function readsAsReport(text: string): boolean {
  let against = 0;
  for (const s of NEGATIVE_GLOBAL) {
    s.re.lastIndex = 0;
    let hits = 0;
    const need = negativeThreshold(s.weight);
    while (hits < need && s.re.exec(text)) hits++;
    if (hits >= need) against += s.weight;
  }
  if (against === 0) return true;
  let evidence = 0;
  for (const s of EVIDENCE) if (s.re.test(text)) evidence += s.weight;
  return evidence > against;
}
