import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads each file as UTF-8 text and hands it on with its base name. A file that cannot be read
 * is reported on stderr and skipped; the result says whether every file was read.
 */
export async function eachTextFile(command: string, files: string[], fn: (doc: string, text: string) => void): Promise<boolean> {
  let ok = true;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      process.stderr.write(`${command}: cannot read ${file}: ${(e as Error).message}\n`);
      ok = false;
      continue;
    }
    fn(path.basename(file), text);
  }
  return ok;
}
