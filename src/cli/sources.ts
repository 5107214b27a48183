import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { AddressPolicy } from '../net/address-policy.ts';
import { UserError } from './errors.ts';

/** `sources list|validate`, and the subcommands defined elsewhere (`test`, `new`) that main.ts loads when they can be wanted. */
export function registerSources(program: Command, subcommands: ((sources: Command) => void)[] = []): void {
  const sources = program.command('sources').description('list and check the source sites in selectors/');

  sources
    .command('list')
    .description('every source with its region, schedule and last crawl')
    .option('--json', 'one JSON object a line')
    .action(async (opts: { json?: boolean }) => {
      const { openConfiguredDb } = await import('../db/connect.ts');
      const { crawlStates } = await import('../store/sources.ts');
      const { loadSourcesDir } = await import('../sources/load.ts');
      const config = loadConfig();
      const { sources: all, errors } = await loadSourcesDir(config.selectorsDir);
      const db = await openConfiguredDb(config);
      const states = await crawlStates(db).finally(() => db.destroy());
      const rows = all.map((s) => {
        const st = states.get(s.id);
        return {
          id: s.id,
          name: s.name,
          region: s.region,
          schedule: `${s.schedule.cron} (${s.schedule.timezone})`,
          rendering: s.rendering,
          verified: s.verified,
          lastCrawlAt: st?.lastCrawlAt?.toISOString() ?? null,
          lastCrawlStatus: st?.lastCrawlStatus ?? null,
        };
      });
      if (opts.json) {
        for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
      } else {
        printTable(
          ['ID', 'REGION', 'SCHEDULE', 'VERIFIED', 'LAST CRAWL'],
          rows.map((r) => [r.id, r.region, r.schedule, r.verified ? 'yes' : 'no', r.lastCrawlAt ? `${r.lastCrawlAt.slice(0, 16).replace('T', ' ')}Z ${r.lastCrawlStatus}` : 'never']),
        );
      }
      for (const e of errors) process.stderr.write(`${e.message}\n`);
      if (errors.length) process.exitCode = 1;
    });

  sources
    .command('validate')
    .description('check selectors files against the schema (all of selectors/ by default)')
    .argument('[files...]', 'selectors files')
    .action(async (files: string[]) => {
      const { formatProblem, loadSourceFile, SourceFileError } = await import('../sources/load.ts');
      const config = loadConfig();
      const targets = files.length ? files : await listYaml(config.selectorsDir);
      if (!targets.length) throw new UserError(`no selectors files in ${config.selectorsDir}`);
      const addresses = new AddressPolicy(config.allowAddresses);
      let bad = 0;
      for (const file of targets) {
        try {
          const s = await loadSourceFile(file);
          // Names are resolved at fetch time; a literal address the crawler would refuse is caught here.
          const refused = s.list.urls.flatMap((url, i) => {
            const why = addresses.urlRefusal(url);
            return why ? [{ file, line: null, field: `list.urls.${i}`, message: why }] : [];
          });
          if (refused.length) throw new SourceFileError(refused);
          process.stdout.write(`ok    ${file} (${s.id}, ${s.region})\n`);
        } catch (err) {
          bad++;
          if (err instanceof SourceFileError) for (const p of err.problems) process.stdout.write(`error ${formatProblem(p)}\n`);
          else process.stdout.write(`error ${file}: ${(err as Error).message}\n`);
        }
      }
      if (bad) process.exitCode = 1;
    });

  for (const register of subcommands) register(sources);
}

async function listYaml(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => path.join(path.relative(process.cwd(), dir) || '.', n));
}

export function printTable(header: string[], rows: string[][]): void {
  const width = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  const cols = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(cols[i] - width(c)))).join('  ');
  process.stdout.write(`${[line(header), ...rows.map(line)].join('\n')}\n`);
}
