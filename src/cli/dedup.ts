import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UserError } from './errors.ts';

/** A text file as is; an HTML page through the generic article extractor, as the crawler would read it. */
async function readText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message}`);
  }
  const { decodeBody } = await import('../fetch/decode.ts');
  const { extractArticle } = await import('../parse/generic-article.ts');
  const { text } = decodeBody(bytes);
  return /^\s*(<!doctype html|<html)/i.test(text) ? extractArticle(text).text : text;
}

export function registerDedup(program: Command): void {
  const dedup = program.command('dedup').description('deduplication tools');
  dedup
    .command('check')
    .description('compare two texts as the store would: both similarity measures and the verdict')
    .argument('<file-a>', 'text file (or saved HTML page) of the first article')
    .argument('<file-b>', 'text file (or saved HTML page) of the second article')
    .option('--json', 'print one JSON object')
    .action(async (fileA: string, fileB: string, opts: { json?: boolean }) => {
      const { checkPair, formatCheck } = await import('../dedup/check.ts');
      const report = checkPair({ label: fileA, text: await readText(fileA) }, { label: fileB, text: await readText(fileB) });
      process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : `${formatCheck(report)}\n`);
    });
}
