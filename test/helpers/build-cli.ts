import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Vitest global setup: the tests that spawn `bin/indwatch.js` run the compiled CLI in dist/, so
 * it is rebuilt from the current sources first (incremental: quick when nothing changed).
 */
export default function buildCli(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
