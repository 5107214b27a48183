/** A key figure as defined in the corpus annotation guide (ANNOTATION.md). */
export type FigureKind = 'growth' | 'amount' | 'share' | 'gap' | 'rank';

export interface Figure {
  tier: 1 | 2;
  region: string | null;
  period: string | null;
  indicator: string;
  kind: FigureKind;
  value: number;
  unit: string;
  basis: string | null;
  target: boolean;
  /** Exact span of the original (un-normalised) text that states the figure. */
  quote: string;
}

/** What the extractor knows about a document beyond its text. */
export interface DocumentContext {
  /** Region the source reports on (from its selectors file), used when the text never names one. */
  region?: string | null;
  /**
   * Publication date, used for periods whose year the text leaves out: a Date, or text
   * `YYYY-MM-DD` (or an ISO timestamp), `YYYY-MM` or `YYYY` when the page shows no more.
   */
  published?: Date | string | null;
}

export interface Relevance {
  relevant: boolean;
  score: number;
  reasons: string[];
}
