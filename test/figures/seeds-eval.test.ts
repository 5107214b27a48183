import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusSets, scoreSet, ScoreSchema, sharedDir } from '../../src/figures/evaluate.ts';

const shared = sharedDir(path.resolve(import.meta.dirname, '../..'));
const corpus = path.join(shared, 'corpus');
const scorer = path.join(shared, 'eval', 'score-figures');
const present = existsSync(corpus) && existsSync(scorer);

describe('seed corpus evaluation', () => {
  it.skipIf(!present)('meets the targets of issue 3 on the seeds', async () => {
    const seeds = (await corpusSets(corpus)).find((s) => s.name === 'seeds');
    expect(seeds).toBeDefined();
    const score = ScoreSchema.parse(JSON.parse(await scoreSet(scorer, seeds!, ['--json'])));
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.tier1.recall).toBeGreaterThanOrEqual(0.98);
    expect(score.regionAgreement).toBeGreaterThanOrEqual(0.95);
    expect(score.periodAgreement).toBeGreaterThanOrEqual(0.95);
  });
  if (!present) it.skip(`skipped: no annotated corpus at ${corpus} (it is not part of this repository)`, () => {});
});
