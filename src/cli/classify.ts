import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { classify } from '../figures/classify.ts';

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('say whether text files are regional industrial-performance reports')
    .argument('<files...>', 'text files, as scraped')
    .option('--region <region>', 'region of the source, used when the text names none')
    .action(async (files: string[], opts: { region?: string }) => {
      let failed = false;
      for (const file of files) {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (e) {
          process.stderr.write(`classify: cannot read ${file}: ${(e as Error).message}\n`);
          failed = true;
          continue;
        }
        const r = classify(text, { region: opts.region ?? null });
        process.stdout.write(`${JSON.stringify({ doc: path.basename(file), ...r })}\n`);
      }
      process.exitCode = failed ? 1 : 0;
    });
}
