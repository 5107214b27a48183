import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { corpusSets, scoreSet, sharedDir } from '../figures/evaluate.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score the key-figure extraction on the annotated corpus in ../shared')
    .option('--shared <dir>', 'shared folder holding corpus/ and eval/', sharedDir(repoRoot))
    .option('--verbose', 'list missed and spurious figures')
    .option('--json', 'one JSON summary per set')
    .action(async (opts: { shared: string; verbose?: boolean; json?: boolean }) => {
      const corpus = path.join(opts.shared, 'corpus');
      const scorer = path.join(opts.shared, 'eval', 'score-figures');
      if (!existsSync(corpus) || !existsSync(scorer)) {
        process.stderr.write(`eval: skipped, no annotated corpus at ${corpus} (the corpus is not part of this repository)\n`);
        process.exitCode = 0;
        return;
      }
      const sets = await corpusSets(corpus);
      if (!sets.length) {
        process.stderr.write(`eval: no gold/<set>.figures.jsonl with a matching folder in ${corpus}\n`);
        process.exitCode = 1;
        return;
      }
      try {
        for (const set of sets) {
          const out = await scoreSet(scorer, set, [...(opts.verbose ? ['--verbose'] : []), ...(opts.json ? ['--json'] : [])]);
          if (!opts.json) process.stdout.write(`== ${set.name}\n`);
          process.stdout.write(out);
        }
        process.exitCode = 0;
      } catch (e) {
        process.stderr.write(`eval: ${(e as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
