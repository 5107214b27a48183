import { NEGATIVE, negativeThreshold, negativeWeight, POSITIVE, REPORT_EVIDENCE } from './lexicon/relevance.ts';

const EVIDENCE = POSITIVE.filter((s) => REPORT_EVIDENCE.has(s.name));
const NEGATIVE_GLOBAL = NEGATIVE.map((s) => ({ ...s, re: new RegExp(s.re.source, 'g') }));

export interface FiringSignal {
  name: string;
  weight: number;
  hits: number;
}

/** The signals against a text being a report that fire (often enough), with how often they hit. */
export function firingNegatives(text: string): FiringSignal[] {
  const out: FiringSignal[] = [];
  for (const s of NEGATIVE_GLOBAL) {
    const hits = text.match(s.re)?.length ?? 0;
    // A passing mention of tourism in an economic report is not a tourism story.
    if (hits >= negativeThreshold(s.weight)) out.push({ name: s.name, weight: negativeWeight(s.weight, hits), hits });
  }
  return out;
}

/**
 * Whether a text reads as an industrial report: no signal against it (sport, culture,
 * tourism, spam…, counted as `classify` counts them) fires, or its industrial signals
 * outweigh those that do. A marathon story that names a sponsor's sales once is still a
 * marathon story; a short note with no signal either way is given the benefit of the doubt.
 */
export function readsAsReport(text: string): boolean {
  const against = firingNegatives(text).reduce((sum, s) => sum + s.weight, 0);
  if (against === 0) return true;
  let evidence = 0;
  for (const s of EVIDENCE) if (s.re.test(text)) evidence += s.weight;
  return evidence > against;
}
