/**
 * Start-up cost of the CLI: `indwatch --help`, `sources validate FILE` and `extract FILE`, each
 * against `node -e 0` measured in the same run (median of 5 runs; wall clock, and CPU time and
 * peak memory when /usr/bin/time is there to read them). Aims: --help and sources validate under
 * 5× `node -e 0`, extract under 10×.
 *   node --import tsx bench/cli.bench.ts [--json] [--bin path/to/bin/indwatch.js]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const binArg = args.indexOf('--bin');
const bin = binArg >= 0 ? path.resolve(args[binArg + 1]) : path.join(repoRoot, 'bin/indwatch.js');
const RUNS = 5;
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

// The compiled CLI is what users run: make sure it is current.
if (binArg < 0) execFileSync(path.join(repoRoot, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: repoRoot, stdio: 'inherit' });

interface Sample {
  wallMs: number;
  cpuMs?: number;
  rssMb?: number;
}

function once(argv: string[]): Sample {
  const t0 = performance.now();
  const r = hasTime
    ? spawnSync(TIME, ['-f', '%U %S %M', process.execPath, ...argv], { cwd: repoRoot, encoding: 'utf8' })
    : spawnSync(process.execPath, argv, { cwd: repoRoot, encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (!hasTime) return { wallMs };
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const [user, sys, rssKb] = last.split(' ').map(Number);
  return { wallMs, cpuMs: (user + sys) * 1000, rssMb: rssKb / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(argv: string[]): Sample {
  once(argv); // warm the file cache
  const samples = Array.from({ length: RUNS }, () => once(argv));
  return {
    wallMs: median(samples.map((s) => s.wallMs)),
    cpuMs: hasTime ? median(samples.map((s) => s.cpuMs!)) : undefined,
    rssMb: hasTime ? median(samples.map((s) => s.rssMb!)) : undefined,
  };
}

const extractFile = path.join(repoRoot, 'test/fixtures/corpus/heldout/h01_province_gxt_monthly.txt');
const selectorsFile = path.join(repoRoot, 'selectors/_example.yaml');
const cases: [string, string[], number][] = [
  ['--help', [bin, '--help'], 5],
  ['sources validate', [bin, 'sources', 'validate', selectorsFile], 5],
  ['extract FILE', [bin, 'extract', extractFile], 10],
];

const baseline = measure(['-e', '0']);
const rows = cases.map(([name, argv, aim]) => {
  const s = measure(argv);
  return {
    name,
    ...s,
    wallRatio: s.wallMs / baseline.wallMs,
    cpuRatio: s.cpuMs !== undefined && baseline.cpuMs ? s.cpuMs / baseline.cpuMs : undefined,
    aim,
  };
});

if (json) {
  process.stdout.write(`${JSON.stringify({ bench: 'cli', bin, baseline, rows })}\n`);
} else {
  const fmt = (s: Sample) => `${s.wallMs.toFixed(0)} ms wall${s.cpuMs !== undefined ? `, ${s.cpuMs.toFixed(0)} ms CPU, ${s.rssMb!.toFixed(0)} MB` : ''}`;
  process.stdout.write(`cli (median of ${RUNS}; ${bin})\n  node -e 0          ${fmt(baseline)}\n`);
  for (const r of rows) {
    const ratio = `${r.wallRatio.toFixed(1)}× wall${r.cpuRatio !== undefined ? `, ${r.cpuRatio.toFixed(1)}× CPU` : ''}`;
    process.stdout.write(`  ${r.name.padEnd(18)} ${fmt(r)}  = ${ratio} node -e 0 (aim < ${r.aim}×)${r.wallRatio < r.aim ? '' : '  ABOVE AIM'}\n`);
  }
}
