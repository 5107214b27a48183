import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreReal, ScoreSchema, sharedDir } from '../../src/figures/evaluate.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const shared = sharedDir(repoRoot);
const real = path.join(shared, 'corpus', 'real');
const scorer = path.join(shared, 'eval', 'score-figures');
const present = existsSync(path.join(real, 'gold')) && existsSync(scorer);

/**
 * Issue 11's aims on the real reports: P ≥ 0.93, R ≥ 0.90, tier-1 R ≥ 0.95, region ≥ 0.95,
 * period ≥ 0.92, at most one near-miss negative kept. All are reached on the whole real set; the
 * thresholds below sit a little under what the rules reached (see
 * test/fixtures/corpus/REAL-EVAL.md), so that one figure more or less does not fail the test but
 * a step back does. Scored on the figures a subscriber reads: those of the pages the classifier keeps.
 */
const HELD = {
  precision: 0.94, // aim 0.93, reached 0.949
  recall: 0.94, // aim 0.90, reached 0.952
  tier1Recall: 0.96, // aim 0.95, reached 0.970
  region: 0.99, // aim 0.95, reached 0.997
  period: 0.935, // aim 0.92, reached 0.942
  negativesKept: 0, // aim 1, reached 0 of 12
};

describe('real reports of ../shared/corpus/real', () => {
  it.skipIf(!present)(
    'hold the figures reached on the whole real set',
    async () => {
      const r = await scoreReal(scorer, real, 'all', ['--json']);
      const s = ScoreSchema.parse(JSON.parse(r.output));
      expect(s.precision).toBeGreaterThanOrEqual(HELD.precision);
      expect(s.recall).toBeGreaterThanOrEqual(HELD.recall);
      expect(s.tier1.recall).toBeGreaterThanOrEqual(HELD.tier1Recall);
      expect(s.regionAgreement).toBeGreaterThanOrEqual(HELD.region);
      expect(s.periodAgreement).toBeGreaterThanOrEqual(HELD.period);
      expect(r.negatives.kept).toBeLessThanOrEqual(HELD.negativesKept);
      expect(r.reports.kept).toBe(r.reports.total);
    },
    300_000,
  );
  if (!present) it.skip(`skipped: no real reports or scorer at ${shared} (they are not part of this repository)`, () => {});
});
