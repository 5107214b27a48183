import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { politeGet } from '../crawl/polite-fetch.ts';
import { AddressPolicy } from '../net/address-policy.ts';
import { decodeBody } from '../fetch/decode.ts';
import { PolitenessSchema } from '../sources/schema.ts';
import { draftSource, idFromUrl } from '../sources/draft.ts';
import { UserError } from './errors.ts';

interface NewOptions {
  region: string;
  id?: string;
  name?: string;
  out?: string;
  force?: boolean;
}

/** `sources new URL --region R`: writes a draft selectors file for a list page. */
export function registerSourcesNew(sources: Command): void {
  sources
    .command('new')
    .description('fetch a list page and write a draft selectors file for it (CMS preset or proposed selectors)')
    .argument('<url>', 'the list (column) page')
    .requiredOption('--region <region>', 'the city or province the site reports on, e.g. 大连市')
    .option('--id <id>', 'source id and file name (default: from the host name)')
    .option('--name <name>', 'display name (default: the page title)')
    .option('--out <dir>', 'folder to write to (default: the selectors folder)')
    .option('--force', 'overwrite an existing file')
    .action(async (url: string, opts: NewOptions) => {
      const config = loadConfig();
      if (!/^https?:\/\//i.test(url)) throw new UserError(`expected an http(s) URL, not "${url}"`);
      const res = await politeGet(url, { userAgent: config.userAgent, politeness: PolitenessSchema.parse({}), addresses: new AddressPolicy(config.allowAddresses) });
      if (res.status >= 400) throw new UserError(`${url} answered HTTP ${res.status}${res.status === 412 || res.status === 403 ? ' (the site blocks this client or sets a cookie by script)' : ''}`);
      const html = decodeBody(res.body, { contentType: res.headers['content-type'] }).text;
      const id = opts.id ?? idFromUrl(url);
      const draft = draftSource(html, res.url, { id, region: opts.region, name: opts.name });
      const file = path.join(opts.out ?? config.selectorsDir, `${id}.yaml`);
      if (!opts.force && (await fs.stat(file).then(() => true, () => false))) throw new UserError(`${file} exists: pass --force to overwrite it or --id to pick another name`);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, draft.yaml);
      const how = draft.preset ? `preset ${draft.preset}` : draft.list ? `proposed list.item "${draft.list.item}" (${draft.list.count} entries)` : 'no repeated link block found: fill in list.item by hand';
      process.stdout.write(`wrote ${file}: ${how}\ncheck it with: npx indwatch sources test ${file}\n`);
      if (!draft.preset && !draft.list) process.exitCode = 1;
    });
}
