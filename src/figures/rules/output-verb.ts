import { NOT_PRODUCT_START, OUTPUT_VERBS } from '../lexicon/cues.ts';

const OUTPUT = new RegExp(`(?:${OUTPUT_VERBS.join('|')})([\\u4e00-\\u9fff]{1,8})$`);
const NOT_PRODUCT = new RegExp(`^(?:${NOT_PRODUCT_START.join('|')})|[业值额率]$`);

/**
 * `当月生产汽车` → `汽车产量`: a subject that ends in a verb of making and its product is the
 * product's output. The subject unchanged when it is not.
 */
export function outputIndicator(subject: string): string {
  const m = OUTPUT.exec(subject);
  if (!m || NOT_PRODUCT.test(m[1])) return subject;
  return `${m[1]}产量`;
}
