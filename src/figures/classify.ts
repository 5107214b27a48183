import { normalise, type NormalisedText } from '../text/normalise.ts';
import { extractFromNormalised } from './extract.ts';
import { NATIONAL_FIGURES_WEIGHT, NO_REGION_WEIGHT, POSITIVE } from './lexicon/relevance.ts';
import { firingNegatives } from './report.ts';
import { documentRegion } from './region.ts';
import type { DocumentContext, Figure, Relevance } from './types.ts';

/** Score above which a page is mailed as a report. */
export const RELEVANCE_THRESHOLD = 0.5;

/**
 * Whether a page is a regional industrial-performance report: industrial vocabulary, a
 * region, and figures about it weigh for; tourism, sport, definitions, spam and national
 * circulars weigh against. The score is a logistic of the summed weights.
 */
export function classify(text: string, ctx: DocumentContext = {}): Relevance {
  const n = normalise(text);
  return classifyNormalised(n, extractFromNormalised(n, ctx), ctx);
}

/** `classify` for a text already normalised and its figures already extracted, as the pipeline has them. */
export function classifyNormalised(n: NormalisedText, figures: Figure[], ctx: DocumentContext = {}): Relevance {
  const reasons: string[] = [];
  let sum = -2;
  for (const s of POSITIVE) {
    if (s.re.test(n.text)) {
      sum += s.weight;
      reasons.push(`+${s.weight} ${s.name}`);
    }
  }
  for (const s of firingNegatives(n.text)) {
    sum -= s.weight;
    reasons.push(`-${s.weight} ${s.name} (${s.hits}×)`);
  }
  const region = documentRegion(n.text, ctx.region)?.name ?? null;
  if (region) {
    sum += 0.5;
    reasons.push(`+0.5 region ${region}`);
  } else {
    sum -= NO_REGION_WEIGHT;
    reasons.push(`-${NO_REGION_WEIGHT} no region below the country named`);
  }
  const national = figures.filter((f) => f.region === '全国').length;
  if (national >= 3 && national * 2 > figures.length) {
    sum -= NATIONAL_FIGURES_WEIGHT;
    reasons.push(`-${NATIONAL_FIGURES_WEIGHT} ${national} of ${figures.length} figures about the whole country`);
  }
  // The country's own figures, cited for comparison, say nothing about a region.
  const headline = figures.filter((f) => f.tier === 1 && f.region !== '全国').length;
  const regional = figures.filter((f) => f.region && f.region !== '全国').length;
  if (headline) {
    const w = Math.min(3, headline * 0.75);
    sum += w;
    reasons.push(`+${w} ${headline} headline figures`);
  }
  if (regional >= 3) {
    const w = Math.min(1.5, regional * 0.1);
    sum += w;
    reasons.push(`+${w.toFixed(1)} ${regional} regional figures`);
  } else reasons.push(`${figures.length} figures`);
  const score = Math.round((1 / (1 + Math.exp(-sum))) * 1000) / 1000;
  return { relevant: score >= RELEVANCE_THRESHOLD, score, reasons };
}
