import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { extractFigures } from './extract.ts';

const run = promisify(execFile);

/** The folder shared with the annotators, beside the repository; absent on most machines. */
export function sharedDir(repoRoot: string): string {
  return path.resolve(repoRoot, '../shared');
}

/** The held-out reports written for this repository (our own text, annotated like the seeds). */
export function localCorpusDir(repoRoot: string): string {
  return path.join(repoRoot, 'test', 'fixtures', 'corpus');
}

export const ScoreSchema = z.object({
  gold: z.number(),
  pred: z.number(),
  matched: z.number(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  tier1: z.object({ gold: z.number(), matched: z.number(), recall: z.number() }).passthrough(),
  regionAgreement: z.number().nullable(),
  periodAgreement: z.number().nullable(),
});
export type Score = z.infer<typeof ScoreSchema>;

export interface CorpusSet {
  name: string;
  gold: string;
  docs: string;
}

/** Every `gold/<set>.figures.jsonl` whose documents are in `<set>/`. */
export async function corpusSets(corpus: string): Promise<CorpusSet[]> {
  const goldDir = path.join(corpus, 'gold');
  if (!existsSync(goldDir)) return [];
  const sets: CorpusSet[] = [];
  for (const f of (await readdir(goldDir)).sort()) {
    const m = /^(.+)\.figures\.jsonl$/.exec(f);
    if (m && existsSync(path.join(corpus, m[1]))) sets.push({ name: m[1], gold: path.join(goldDir, f), docs: path.join(corpus, m[1]) });
  }
  return sets;
}

/** Extracts the figures of every `.txt` in a folder as JSON lines, `doc` the base name. */
export async function extractFolder(dir: string): Promise<string> {
  const lines: string[] = [];
  for (const f of (await readdir(dir)).filter((x) => x.endsWith('.txt')).sort()) {
    const text = await readFile(path.join(dir, f), 'utf8');
    for (const fig of extractFigures(text)) lines.push(JSON.stringify({ doc: f, ...fig }));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Runs the annotators' scorer on one set; `args` are passed through (`--verbose`, `--json`). */
export async function scoreSet(scorer: string, set: CorpusSet, args: string[] = []): Promise<string> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'indwatch-eval-'));
  try {
    const pred = path.join(tmp, `${set.name}.pred.jsonl`);
    await writeFile(pred, await extractFolder(set.docs));
    const { stdout } = await run(process.execPath, [scorer, '--gold', set.gold, '--pred', pred, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
