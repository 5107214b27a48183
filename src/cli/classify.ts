import type { Command } from 'commander';
import { eachTextFile } from './text-files.ts';

export function registerClassify(program: Command): void {
  program
    .command('classify')
    .description('say whether text files are regional industrial-performance reports')
    .argument('<files...>', 'text files, as scraped')
    .option('--region <region>', 'region of the source, used when the text names none')
    .action(async (files: string[], opts: { region?: string }) => {
      const { classify } = await import('../figures/classify.ts');
      const ok = await eachTextFile('classify', files, (doc, text) => {
        process.stdout.write(`${JSON.stringify({ doc, ...classify(text, { region: opts.region ?? null }) })}\n`);
      });
      process.exitCode = ok ? 0 : 1;
    });
}
