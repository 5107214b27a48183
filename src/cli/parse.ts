import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';

interface ParseOptions {
  url?: string;
  json?: boolean;
  encoding?: string;
}

function fail(message: string, code: number): void {
  process.stderr.write(`indwatch parse: ${message}\n`);
  process.exitCode = code;
}

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('extract headline, publication time and main text from a saved article page')
    .argument('<file>', 'HTML file, read as bytes and decoded like a crawled page')
    .option('--url <url>', 'address the page was fetched from')
    .option('--encoding <label>', "decode as this encoding instead of detecting it (e.g. gbk, big5, utf-8)")
    .option('--json', 'print one JSON object')
    .action(async (file: string, opts: ParseOptions) => {
      const { decodeBody, normalizeEncoding } = await import('../fetch/decode.ts');
      const { extractArticle } = await import('../parse/generic-article.ts');
      if (opts.encoding && opts.encoding !== 'auto' && !normalizeEncoding(opts.encoding)) {
        return fail(`unknown encoding "${opts.encoding}"`, 2);
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        return fail(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message}`, 1);
      }
      const decoded = decodeBody(bytes, { override: opts.encoding });
      const article = extractArticle(decoded.text, { url: opts.url });
      if (opts.json) {
        const { title, published, text } = article;
        process.stdout.write(`${JSON.stringify({ file, url: opts.url ?? null, encoding: decoded.encoding, title, published, text })}\n`);
      } else {
        process.stdout.write(
          `Title:     ${article.title ?? '(none found)'}\n` +
            `Published: ${article.published ?? '(none found)'}\n` +
            `Encoding:  ${decoded.encoding} (from ${decoded.source})\n\n` +
            `${article.text || '(no main text found)'}\n`,
        );
      }
      if (!article.text) fail(`no main text found in ${file}`, 1);
    });
}
