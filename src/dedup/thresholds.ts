/**
 * Deduplication's parameters, chosen from pairs written for test/dedup/texts.ts (a ~300-character
 * bureau release and its variants; `npx indwatch dedup check A B` prints these measures):
 *
 * | pair (against the release)                    | Jaccard | containment | shared numbers | verdict   |
 * |-----------------------------------------------|---------|-------------|----------------|-----------|
 * | mirror: spam banner, other furniture, footer   | 0.934   | 1.000       | 1.000          | same      |
 * | the mirror converted to traditional (twp)      | 0.798   | 0.919       | 1.000          | same      |
 * | city paper: a paragraph added                  | 0.793   | 1.000       | 1.000          | same      |
 * | portal: first two paragraphs only              | 0.620   | 1.000       | 1.000          | same      |
 * | the bureau's revision: one figure, one phrase  | 0.873   | 0.940       | 0.867          | same      |
 * | same bureau, previous month, same template     | 0.397   | 0.569       | 0.000          | different |
 * | same bureau, same month, another subject       | 0.018   | 0.039       | 0.125          | different |
 * | neighbouring city, same template, 7 figures    | 0.682   | 0.813       | 0.533          | different |
 * | round-up quoting one paragraph of the release  | 0.176   | 0.316       | 0.417          | different |
 */

/** Characters per shingle: long enough that shared stock phrases (规模以上工业增加值) weigh little. */
export const SHINGLE_SIZE = 5;

/**
 * 20 bands of 3 MinHash values: a pair is offered as candidates with probability
 * 1-(1-J³)²⁰: 0.42 at J=0.3, 0.93 at J=0.5, 0.99 at J=0.6, 0.0025 at J=0.05 (unrelated reports).
 */
export const LSH_BANDS = 20;
export const LSH_ROWS = 3;

/** Candidates confirmed per new article, the most band keys shared first: bounds the work whatever the corpus. */
export const MAX_CANDIDATES = 20;

/** Jaccard of the shingle sets from which two texts are the same story (lowest true pair 0.62, highest false 0.40 bar the template twin). */
export const SAME_JACCARD = 0.5;

/** Containment of the shorter text from which a cut or lengthened copy is the same story... */
export const SAME_CONTAINMENT = 0.8;
/** ...provided the texts still overlap this much, so a round-up does not swallow the stories it quotes. */
export const CONTAINMENT_MIN_JACCARD = 0.3;

/**
 * Share of the distinctive numbers (decimals, integers ≥ 10 that are not years) of the text with
 * fewer that the other states too. Same-template reports of another month or city share wording
 * but not figures (0.00, 0.53); a revision changes a few (0.87).
 */
export const SAME_NUMBERS = 0.7;
/** Below this many distinctive numbers in either text, figures are not compared. */
export const MIN_NUMBERS_TO_COMPARE = 3;

/** Share of converted traditional characters above which a copy counts as a mirror (a converted mirror measured 0.38). */
export const MIRROR_TRADITIONAL_SHARE = 0.05;
