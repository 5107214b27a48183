import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../context.ts';
import { syncSchedulers } from '../queue/schedulers.ts';
import { syncSources } from '../store/sources.ts';
import { parseSource, SourceFileError } from './load.ts';
import type { Source } from './schema.ts';

/** The name drafts are validated under: a leading `_` spares the id-matches-file-name check, the file is named from the id. */
export const DRAFT_FILE = '_draft.yaml';

/** Validates a draft's text as a selectors file (throws `SourceFileError` naming each bad field). */
export function parseDraft(yaml: string): Source {
  return parseSource(yaml, DRAFT_FILE);
}

export interface InstallOptions {
  /** Replace a file of the same id that is already in the selectors folder. */
  overwrite?: boolean;
}

/**
 * Saves a selectors file's text into the selectors folder as `<id>.yaml` once it validates (a bad
 * field is named as `sources test` names it), then makes the source known to this process and
 * installs its crawl schedule: scheduled without a restart.
 */
export async function installSource(ctx: Pick<AppContext, 'config' | 'db' | 'queues' | 'sources'>, yaml: string, options: InstallOptions = {}): Promise<Source> {
  const source = parseDraft(yaml);
  const id = source.id;
  const file = path.join(ctx.config.selectorsDir, `${id}.yaml`);
  const exists = await fs.stat(file).then(() => true, () => false);
  if (exists && !options.overwrite) {
    throw new SourceFileError([{ file: `${id}.yaml`, line: null, field: 'id', message: `a source "${id}" already exists in the selectors folder: choose another id` }]);
  }
  await fs.mkdir(ctx.config.selectorsDir, { recursive: true });
  // Written aside and renamed, so a crawl that reads the folder meanwhile never sees half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, yaml.endsWith('\n') ? yaml : `${yaml}\n`);
  await fs.rename(tmp, file);
  ctx.sources.add(source);
  await syncSources(ctx.db, [source]);
  await syncSchedulers(ctx);
  return source;
}
