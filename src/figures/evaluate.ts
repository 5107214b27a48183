import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { classify } from './classify.ts';
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

/** One line of a real batch's `<batch>.docs.jsonl`: what the page was and what is known about it. */
export const RealDocSchema = z.object({
  file: z.string().regex(/^[\w.-]+\.txt$/),
  url: z.string().nullable().optional(),
  region_guess: z.string().nullable().optional(),
  published_guess: z.string().nullable().optional(),
  label: z.enum(['report', 'negative']),
});
export type RealDoc = z.infer<typeof RealDocSchema>;

/** Which documents of the real set to score: all, or the half whose file number is odd (tuned on) or even (held back). */
export type RealHalf = 'all' | 'odd' | 'even';

export function inHalf(file: string, half: RealHalf): boolean {
  if (half === 'all') return true;
  const n = /(\d+)\.txt$/.exec(file);
  return !!n && (Number(n[1]) % 2 === 1) === (half === 'odd');
}

async function readJsonLines(file: string): Promise<unknown[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as unknown);
}

/** The real reports of `../shared/corpus/real`: `docs/*.txt`, `gold/<batch>.docs.jsonl` and `gold/<batch>.figures.jsonl`. */
export async function realDocs(dir: string): Promise<RealDoc[]> {
  const goldDir = path.join(dir, 'gold');
  if (!existsSync(goldDir)) return [];
  const docs: RealDoc[] = [];
  for (const f of (await readdir(goldDir)).filter((x) => x.endsWith('.docs.jsonl')).sort()) {
    for (const line of await readJsonLines(path.join(goldDir, f))) docs.push(RealDocSchema.parse(line));
  }
  return docs;
}

export interface RealScore {
  half: RealHalf;
  /** The scorer's output (its JSON when asked for with `--json`) on the figures a subscriber would see: those of pages the classifier keeps. */
  output: string;
  /** The same on every figure extracted, kept pages or not: the extractor alone. */
  extractorOutput: string;
  reports: { total: number; kept: number };
  negatives: { total: number; kept: number; files: string[] };
}

/**
 * Scores the real set, or one half of it: each document extracted with what the pipeline would
 * know of it (its publication date, its source's region), and classified to count the
 * reports kept and the near-miss negatives let through.
 */
export async function scoreReal(scorer: string, dir: string, half: RealHalf, args: string[] = []): Promise<RealScore> {
  const docs = (await realDocs(dir)).filter((d) => inHalf(d.file, half));
  const chosen = new Set(docs.map((d) => d.file));
  const pred: string[] = [];
  const all: string[] = [];
  const reports = { total: 0, kept: 0 };
  const negatives = { total: 0, kept: 0, files: [] as string[] };
  for (const d of docs) {
    const text = await readFile(path.join(dir, 'docs', d.file), 'utf8');
    const ctx = { region: d.region_guess ?? null, published: d.published_guess ?? null };
    const relevant = classify(text, ctx).relevant;
    for (const fig of extractFigures(text, ctx)) {
      const line = JSON.stringify({ doc: d.file, ...fig });
      all.push(line);
      // The digest mails only pages the classifier keeps: their figures are what a subscriber reads.
      if (relevant) pred.push(line);
    }
    const bucket = d.label === 'negative' ? negatives : reports;
    bucket.total++;
    if (relevant) bucket.kept++;
    if (relevant && d.label === 'negative') negatives.files.push(d.file);
  }
  const gold: string[] = [];
  for (const f of (await readdir(path.join(dir, 'gold'))).filter((x) => x.endsWith('.figures.jsonl')).sort()) {
    for (const line of await readJsonLines(path.join(dir, 'gold', f))) {
      if (chosen.has(z.object({ doc: z.string() }).passthrough().parse(line).doc)) gold.push(JSON.stringify(line));
    }
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'indwatch-eval-'));
  try {
    const lines = (xs: string[]) => (xs.length ? `${xs.join('\n')}\n` : '');
    await writeFile(path.join(tmp, 'pred.jsonl'), lines(pred));
    await writeFile(path.join(tmp, 'all.jsonl'), lines(all));
    await writeFile(path.join(tmp, 'gold.jsonl'), lines(gold));
    const score = async (file: string) =>
      (await run(process.execPath, [scorer, '--gold', path.join(tmp, 'gold.jsonl'), '--pred', path.join(tmp, file), ...args], { maxBuffer: 64 * 1024 * 1024 })).stdout;
    return { half, output: await score('pred.jsonl'), extractorOutput: await score('all.jsonl'), reports, negatives };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
