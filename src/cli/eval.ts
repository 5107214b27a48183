import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { RealHalf } from '../figures/evaluate.ts';
import { packageRoot } from './package-root.ts';

const repoRoot = packageRoot();

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score the key-figure extraction on the annotated corpora (../shared/corpus, its real reports by halves, and test/fixtures/corpus)')
    .option('--shared <dir>', 'shared folder holding corpus/ and eval/ (the scorer)', path.resolve(repoRoot, '../shared'))
    .option('--corpus <dir...>', 'corpus folders to score, each with gold/<set>.figures.jsonl and <set>/*.txt (default: the shared corpus and the repository\'s held-out set)')
    .option('--real <dir>', 'real reports with gold/<batch>.docs.jsonl, scored whole and by odd and even file number (default: the shared corpus/real)')
    .option('--verbose', 'list missed and spurious figures')
    .option('--json', 'one JSON summary per set')
    .action(async (opts: { shared: string; corpus?: string[]; real?: string; verbose?: boolean; json?: boolean }) => {
      const { corpusSets, localCorpusDir, scoreReal, scoreSet } = await import('../figures/evaluate.ts');
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
        // The real set: odd file numbers are the half rules were tuned on, even ones the half held back.
        const real = opts.real ?? path.join(opts.shared, 'corpus', 'real');
        if (existsSync(path.join(real, 'gold'))) {
          for (const half of ['all', 'odd', 'even'] as RealHalf[]) {
            const r = await scoreReal(scorer, real, half, [...(opts.verbose ? ['--verbose'] : []), ...(opts.json ? ['--json'] : [])]);
            const name = half === 'all' ? 'real' : `real-${half}`;
            const kept = `reports kept ${r.reports.kept}/${r.reports.total}, negatives kept ${r.negatives.kept}/${r.negatives.total}${r.negatives.files.length ? ` (${r.negatives.files.join(', ')})` : ''}`;
            if (opts.json) process.stdout.write(`${JSON.stringify({ set: name, corpus: real, ...JSON.parse(r.output), extractorAlone: JSON.parse(r.extractorOutput), reports: r.reports, negatives: r.negatives })}\n`);
            else {
              const alone = /^precision.*$/m.exec(r.extractorOutput)?.[0] ?? '';
              process.stdout.write(`== ${name} (${real}), figures of the pages the classifier keeps\n${r.output}${kept}\nextractor alone, every page: ${alone}\n`);
            }
            scored++;
          }
        } else if (opts.real) process.stderr.write(`eval: no gold/ folder in ${real}\n`);
        process.exitCode = scored ? 0 : 1;
      } catch (e) {
        process.stderr.write(`eval: ${(e as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
