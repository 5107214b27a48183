import os from 'node:os';
import { Piscina } from 'piscina';
import type { ArticleRead, ListHint } from '../crawl/article-page.ts';
import { PermanentPageError } from '../crawl/page-errors.ts';
import type { DocumentContext } from '../figures/types.ts';
import type { Source } from '../sources/schema.ts';
import type { ArticleAnalysis, ArticleTask, ArticleTaskOutcome } from './article-tasks.ts';

export interface ArticlePoolOptions {
  /** Threads reading articles at once; one per core but one, at least one. */
  threads?: number;
  /**
   * Wall-clock time one article may take; the thread running it is then stopped and the page
   * refused as too costly. Generous: a normal page takes milliseconds, a huge one a second.
   */
  taskTimeoutMs?: number;
  /** Told when a thread starts reading an article (its URL), e.g. to log what the pool is busy with. */
  onTaskStart?: (url: string) => void;
}

const DEFAULT_TIMEOUT_MS = 30_000;

// Node 20 has Atomics.waitAsync; TypeScript's ES2023 library does not describe it yet.
interface AtomicsWithWaitAsync {
  waitAsync(array: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> };
}

/**
 * Worker threads for the CPU-heavy stages of one article (parse, read a PDF, normalise, extract), so the
 * event loop that answers /healthz and renews BullMQ job locks never waits on a hostile page,
 * and a page that would take too long is stopped rather than waited for.
 */
export class ArticlePool {
  readonly #piscina: Piscina;
  /** PDFs' own thread, started at the first PDF: loading pdfjs replaces builtins of its thread (see pdf-text.ts). */
  #pdfs: Piscina | undefined;
  readonly #worker: string;
  readonly #timeoutMs: number;
  readonly #onTaskStart: ((url: string) => void) | undefined;

  constructor(options: ArticlePoolOptions = {}) {
    const threads = options.threads ?? Math.max(1, os.availableParallelism() - 1);
    this.#timeoutMs = options.taskTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#onTaskStart = options.onTaskStart;
    // From sources (.ts) a thread needs tsx registered first; compiled, it loads the tasks module itself.
    this.#worker = new URL(import.meta.url.endsWith('.ts') ? './article-worker.mjs' : './article-tasks.js', import.meta.url).href;
    this.#piscina = this.#threads(threads);
  }

  #threads(maxThreads: number): Piscina {
    // Starting a thread loads every stage's module (seconds on a busy machine): keep them a while.
    return new Piscina({ filename: this.#worker, minThreads: 0, maxThreads, idleTimeout: 60_000 });
  }

  /** Reads an HTML article page (see readArticleHtml) in a pool thread. */
  readHtml(html: string, url: string, source: Source, hint: ListHint): Promise<ArticleRead> {
    return this.#run({ kind: 'read-html', html, url, source, hint }, url) as Promise<ArticleRead>;
  }

  /** Reads a PDF attachment (see readArticlePdf) in the pool's PDF thread. */
  readPdf(pdf: Uint8Array, url: string, source: Source, hint: ListHint): Promise<ArticleRead> {
    this.#pdfs ??= this.#threads(1);
    return this.#run({ kind: 'read-pdf', pdf, source, hint }, url, this.#pdfs) as Promise<ArticleRead>;
  }

  /** Normalises an article's text and extracts its figures, relevance and dedupe features in a pool thread. */
  analyse(text: string, ctx: DocumentContext, url: string): Promise<ArticleAnalysis> {
    return this.#run({ kind: 'analyse', text, ctx }, url) as Promise<ArticleAnalysis>;
  }

  async #run(task: ArticleTask, url: string, threads = this.#piscina): Promise<ArticleRead | ArticleAnalysis> {
    // The clock starts when a thread starts the task (it flips `started`), not when it is queued:
    // a thread booting on a busy machine, or a queue of pages, is not the page's cost.
    const started = new Int32Array(new SharedArrayBuffer(4));
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    const wait = (Atomics as unknown as AtomicsWithWaitAsync).waitAsync(started, 0, 0);
    const startClock = () => {
      if (done || Atomics.load(started, 0) !== 1) return;
      timer = setTimeout(() => controller.abort(), this.#timeoutMs);
      this.#onTaskStart?.(url);
    };
    if (wait.async) void wait.value.then(startClock);
    else startClock();
    const { signal } = controller;
    let outcome: ArticleTaskOutcome;
    try {
      outcome = await threads.run({ task, started }, { signal });
    } catch (err) {
      if (signal.aborted) {
        throw new PermanentPageError('too-costly', `${url} took more than ${this.#timeoutMs / 1000} s to read and was abandoned`, { cause: err });
      }
      throw err;
    } finally {
      done = true;
      clearTimeout(timer);
      // A task that never started leaves the waiter pending: wake it so nothing is left behind.
      Atomics.notify(started, 0);
    }
    if (!outcome.ok) throw new PermanentPageError(outcome.reason, outcome.message);
    return outcome.value;
  }

  /** Stops the threads; tasks still running are abandoned. */
  async close(): Promise<void> {
    await Promise.all([this.#piscina.destroy(), this.#pdfs?.destroy()]);
  }
}

let shared: ArticlePool | null = null;

/** The pool every crawl and article job of this process shares, started on first use. */
export function articlePool(): ArticlePool {
  shared ??= new ArticlePool();
  return shared;
}
