import type { Command } from 'commander';
import { z } from 'zod';
import { PublishedTextSchema } from '../figures/published.ts';
import type { Figure } from '../figures/types.ts';
import { eachTextFile } from './text-files.ts';

const OptionsSchema = z.object({
  region: z.string().min(1).optional(),
  published: PublishedTextSchema.optional(),
  jsonl: z.boolean().optional(),
});

function table(doc: string, figures: Figure[]): string {
  const rows = figures.map((f) =>
    [f.tier, f.kind, `${f.value}${f.unit}`, f.indicator, f.region ?? '-', f.period ?? '-', f.basis ?? '-', f.target ? 'target' : ''].join('\t'),
  );
  return [`# ${doc}: ${figures.length} figures`, 'tier\tkind\tvalue\tindicator\tregion\tperiod\tbasis\ttarget', ...rows].join('\n');
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('print the key figures of report text files')
    .argument('<files...>', 'text files, as scraped')
    .option('--region <region>', 'region of the source, used when the text names none')
    .option('--published <date>', 'publication date YYYY-MM-DD, or YYYY-MM or YYYY when no more is known, for years the text leaves out')
    .option('--jsonl', 'one JSON object a line instead of a table')
    .action(async (files: string[], raw: unknown) => {
      const parsed = OptionsSchema.safeParse(raw);
      if (!parsed.success) {
        process.stderr.write(`extract: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
        process.exitCode = 2;
        return;
      }
      const opts = parsed.data;
      const { extractFigures } = await import('../figures/extract.ts');
      const ok = await eachTextFile('extract', files, (doc, text) => {
        const figures = extractFigures(text, { region: opts.region ?? null, published: opts.published ?? null });
        if (opts.jsonl) {
          for (const f of figures) process.stdout.write(`${JSON.stringify({ doc, ...f })}\n`);
        } else process.stdout.write(`${table(doc, figures)}\n\n`);
      });
      process.exitCode = ok ? 0 : 1;
    });
}
