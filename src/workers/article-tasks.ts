import { readArticleHtml, readArticlePdf, type ArticleRead, type ListHint } from '../crawl/article-page.ts';
import { featuresOfNormalised, type DedupFeatures } from '../dedup/features.ts';
import { classifyNormalised } from '../figures/classify.ts';
import { extractFromNormalised } from '../figures/extract.ts';
import type { DocumentContext, Figure, Relevance } from '../figures/types.ts';
import { PermanentPageError, type PermanentReason } from '../crawl/page-errors.ts';
import type { Source } from '../sources/schema.ts';
import { normalise } from '../text/normalise.ts';

/** What the stored article is made of: its figures, how relevant it is, and what dedupe compares. */
export interface ArticleAnalysis {
  figures: Figure[];
  relevance: Relevance;
  dedup: DedupFeatures;
}

/** normalise → extract → classify → dedupe features: the CPU-bound part of processing an article. */
export function analyseArticleText(text: string, ctx: DocumentContext): ArticleAnalysis {
  const normalised = normalise(text);
  const figures = extractFromNormalised(normalised, ctx);
  const relevance = classifyNormalised(normalised, figures, ctx);
  return { figures, relevance, dedup: featuresOfNormalised(normalised) };
}

/** One unit of work for the article thread pool; everything in it survives structured cloning. */
export type ArticleTask =
  | { kind: 'read-html'; html: string; url: string; source: Source; hint: ListHint }
  | { kind: 'read-pdf'; pdf: Uint8Array; source: Source; hint: ListHint }
  | { kind: 'analyse'; text: string; ctx: DocumentContext };

/**
 * A task's outcome as it crosses back to the main thread: structured cloning keeps an Error's
 * message but not its class, so a permanent failure travels as data and is rebuilt there.
 */
export type ArticleTaskOutcome = { ok: true; value: ArticleRead | ArticleAnalysis } | { ok: false; reason: PermanentReason; message: string };

/** Runs one task in a pool thread. */
export async function runArticleTask(task: ArticleTask): Promise<ArticleTaskOutcome> {
  try {
    const value =
      task.kind === 'read-html'
        ? readArticleHtml(task.html, task.url, task.source, task.hint)
        : task.kind === 'read-pdf'
          ? await readArticlePdf(task.pdf, task.source, task.hint)
          : analyseArticleText(task.text, task.ctx);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof PermanentPageError) return { ok: false, reason: err.reason, message: err.message };
    throw err;
  }
}

/**
 * The pool thread's entry: tells the waiting main thread (through `started`) that the task's
 * clock may start, then runs it.
 */
export default function run({ task, started }: { task: ArticleTask; started: Int32Array }): Promise<ArticleTaskOutcome> {
  Atomics.store(started, 0, 1);
  Atomics.notify(started, 0);
  return runArticleTask(task);
}
