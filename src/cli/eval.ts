import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { packageRoot } from './package-root.ts';

const repoRoot = packageRoot();

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score the key-figure extraction on the annotated corpora (../shared/corpus and test/fixtures/corpus)')
    .option('--shared <dir>', 'shared folder holding corpus/ and eval/ (the scorer)', path.resolve(repoRoot, '../shared'))
    .option('--corpus <dir...>', 'corpus folders to score, each with gold/<set>.figures.jsonl and <set>/*.txt (default: the shared corpus and the repository\'s held-out set)')
    .option('--verbose', 'list missed and spurious figures')
    .option('--json', 'one JSON summary per set')
    .action(async (opts: { shared: string; corpus?: string[]; verbose?: boolean; json?: boolean }) => {
      const { corpusSets, localCorpusDir, scoreSet } = await import('../figures/evaluate.ts');
      const scorer = path.join(opts.shared, 'eval', 'score-figures');
      if (!existsSync(scorer)) {
        process.stderr.write(`eval: skipped, no scorer at ${scorer} (the shared folder is not part of this repository)\n`);
        process.exitCode = 0;
        return;
      }
      const corpora = opts.corpus ?? [path.join(opts.shared, 'corpus'), localCorpusDir(repoRoot)];
      let scored = 0;
      try {
        for (const corpus of corpora) {
          const sets = existsSync(corpus) ? await corpusSets(corpus) : [];
          if (!sets.length) {
            process.stderr.write(`eval: no gold/<set>.figures.jsonl with a matching folder in ${corpus}\n`);
            continue;
          }
          for (const set of sets) {
            const out = await scoreSet(scorer, set, [...(opts.verbose ? ['--verbose'] : []), ...(opts.json ? ['--json'] : [])]);
            if (opts.json) process.stdout.write(`${JSON.stringify({ set: set.name, corpus, ...JSON.parse(out) })}\n`);
            else process.stdout.write(`== ${set.name} (${corpus})\n${out}`);
            scored++;
          }
        }
        process.exitCode = scored ? 0 : 1;
      } catch (e) {
        process.stderr.write(`eval: ${(e as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
