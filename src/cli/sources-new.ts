import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { UserError } from './errors.ts';

interface NewOptions {
  region: string;
  id?: string;
  name?: string;
  out?: string;
  force?: boolean;
  test?: boolean;
}

/** `sources new URL --region R`: writes a draft selectors file for a list page. */
export function registerSourcesNew(sources: Command): void {
  sources
    .command('new')
    .description('fetch a list page and write a draft selectors file for it (list selectors, pagination, CMS preset where proven)')
    .argument('<url>', 'the list (column) page')
    .requiredOption('--region <region>', 'the city or province the site reports on, e.g. 大连市')
    .option('--id <id>', 'source id and file name (default: from the page title, in pinyin)')
    .option('--name <name>', 'display name (default: the site and column names from the page)')
    .option('--out <dir>', 'folder to write to (default: the selectors folder)')
    .option('--force', 'overwrite an existing file')
    .option('--test', 'then test the draft at once and print what it would store (as `sources test`)')
    .action(async (url: string, opts: NewOptions) => {
      // The crawl stack loads here, not when the CLI starts (see src/cli/main.ts).
      const { draftSource } = await import('../sources/draft.ts');
      const { PolitenessSchema } = await import('../sources/schema.ts');
      const { siteIo } = await import('./draft-io.ts');
      const config = loadConfig();
      if (!/^https?:\/\//i.test(url)) throw new UserError(`expected an http(s) URL, not "${url}"`);
      const { AddressPolicy } = await import('../net/address-policy.ts');
      const io = siteIo(config.userAgent, PolitenessSchema.parse({}), new AddressPolicy(config.allowAddresses));
      const draft = await draftSource(url, { region: opts.region, id: opts.id, name: opts.name }, io);
      const file = path.join(opts.out ?? config.selectorsDir, `${draft.id}.yaml`);
      if (!opts.force && (await fs.stat(file).then(() => true, () => false))) throw new UserError(`${file} exists: pass --force to overwrite it or --id to pick another name`);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, draft.yaml);
      process.stdout.write(`wrote ${file}:\n${draft.notes.map((n) => `  ${n}\n`).join('')}`);
      if (!opts.test) {
        process.stdout.write(`check it with: npx indwatch sources test ${file}\n`);
        if (!draft.list && !draft.preset) process.exitCode = 1;
        return;
      }
      const { formatSourceTest, testSource } = await import('./sources-test.ts');
      const result = await testSource(draft.source, { userAgent: config.userAgent, allowAddresses: config.allowAddresses, articles: 3, pages: 1 });
      process.stdout.write(`\n${formatSourceTest(draft.source, result)}\n`);
      if (!result.ok) process.exitCode = 1;
    });
}
