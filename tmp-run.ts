import { Command } from 'commander';
import { registerSourcesNew } from './src/cli/sources-new.ts';
import { startDraftSite, DRAFT_SITE_KINDS } from './test/fixtures/draft-sites/index.ts';
import fs from 'node:fs';
const kind = DRAFT_SITE_KINDS[Number(process.argv[2])];
const f = await startDraftSite(kind);
for (const c of f.columns) {
  const t = Date.now();
  const program = new Command('sources').exitOverride();
  registerSourcesNew(program);
  await program.parseAsync(['new', f.site.url + c.listPath, '--region', f.region, '--out', '/tmp/drafts-out', '--force', ...process.argv.slice(3)], { from: 'user' });
  console.log('took', Date.now() - t);
}
await f.site.close();
