import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder holding indwatch's package.json: the CLI runs from src/ in development and from
 * dist/src/ once built, so a fixed number of `..` would be wrong in one of them.
 */
export function packageRoot(from = import.meta.dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}
