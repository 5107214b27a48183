import { extractFigures } from '../../src/figures/extract.ts';
import type { DocumentContext, Figure } from '../../src/figures/types.ts';

/** Figures of a short made-up text, as [kind, value, unit, indicator] for compact assertions. */
export function brief(text: string, ctx: DocumentContext = {}): [string, number, string, string][] {
  return extractFigures(text, ctx).map((f) => [f.kind, f.value, f.unit, f.indicator]);
}

export function figures(text: string, ctx: DocumentContext = {}): Figure[] {
  return extractFigures(text, ctx);
}
