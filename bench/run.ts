/**
 * `npm run bench`: every bench/*.bench.ts in its own process, one after another (two cores: running
 * them side by side would measure the contention). `npm run bench -- extract` runs only those
 * whose name contains "extract"; `--json` is passed through.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const args = process.argv.slice(2);
const filters = args.filter((a) => !a.startsWith('--'));
const passThrough = args.filter((a) => a.startsWith('--'));
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filters.length || filters.some((n) => f.includes(n))))
  .sort();

let failed = 0;
for (const file of benches) {
  process.stderr.write(`\n== ${file}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file), ...passThrough], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`${file} failed (exit ${r.status ?? r.signal})\n`);
  }
}
process.exitCode = failed ? 1 : 0;
