import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusSets, localCorpusDir, scoreSet, ScoreSchema, sharedDir, type Score } from '../../src/figures/evaluate.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const shared = sharedDir(repoRoot);
const corpus = path.join(shared, 'corpus');
const scorer = path.join(shared, 'eval', 'score-figures');
const present = existsSync(corpus) && existsSync(scorer);

async function score(dir: string, name: string): Promise<Score> {
  const set = (await corpusSets(dir)).find((s) => s.name === name);
  expect(set).toBeDefined();
  return ScoreSchema.parse(JSON.parse(await scoreSet(scorer, set!, ['--json'])));
}

function expectIssueTargets(s: Score): void {
  expect(s.precision).toBeGreaterThanOrEqual(0.95);
  expect(s.recall).toBeGreaterThanOrEqual(0.9);
  expect(s.tier1.recall).toBeGreaterThanOrEqual(0.98);
  expect(s.regionAgreement).toBeGreaterThanOrEqual(0.95);
  expect(s.periodAgreement).toBeGreaterThanOrEqual(0.95);
}

describe('annotated corpus evaluation', () => {
  it.skipIf(!present)('meets the targets of issue 3 on the seeds', async () => {
    expectIssueTargets(await score(corpus, 'seeds'));
  });
  // The held-out reports are ours, but scoring them needs the annotators' scorer in ../shared.
  for (const name of ['heldout', 'fresh']) {
    it.skipIf(!present)(`meets them on the ${name} reports in test/fixtures/corpus`, async () => {
      expectIssueTargets(await score(localCorpusDir(repoRoot), name));
    });
  }
  // Written and annotated by someone who never saw the rules: held to the issue's aims for unseen reports.
  it.skipIf(!present)('stays above the aims for unseen reports on the blind set', async () => {
    const s = await score(localCorpusDir(repoRoot), 'blind');
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.recall).toBeGreaterThanOrEqual(0.8);
  });
  if (!present) it.skip(`skipped: no annotated corpus or scorer at ${shared} (it is not part of this repository)`, () => {});
});
