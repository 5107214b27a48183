import { Worker } from 'node:worker_threads';
import type { ThreadCallArgs, ThreadCallName, ThreadCalls } from '../store/thread-calls.ts';
import type { DbEndpoint } from './lock.ts';
import { deserializeError, type HostReply, type HostRequest, type HostStart, type QueryReply } from './pglite-messages.ts';

/** The embedded database could not be opened (a damaged folder, say); `cause` says why. */
export class EmbeddedDbOpenError extends Error {
  constructor(dir: string, options: { cause: unknown }) {
    super(`cannot open the embedded database ${dir}: ${(options.cause as Error).message ?? options.cause}`, options);
    this.name = 'EmbeddedDbOpenError';
  }
}

type Request = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, 'id'> : never) : never;

/**
 * An embedded PostgreSQL (PGlite) running in a thread of its own. PGlite executes SQL in wasm on
 * the thread that calls it, for milliseconds per statement: on the main thread that time is taken
 * from the crawler, the web server and the renewal of BullMQ's job locks. Here the owning thread
 * only posts statements and awaits their rows, and the database works beside it on another core.
 *
 * The session is the owning thread's from its first query until `release()`; between a release
 * and the next query, clients of the socket server (`serve`) may have their turn.
 */
export class PGliteThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #nextId = 1;
  #exited: Error | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
  }

  /** Starts the thread and opens the database in `dir` (a folder, or `memory://`). */
  static async open(dir: string): Promise<PGliteThread> {
    // From sources (.ts) the thread registers tsx first; compiled, it loads the host module itself.
    const entry = import.meta.url.endsWith('.ts') ? './pglite-host.mjs' : './pglite-host.js';
    const worker = new Worker(new URL(entry, import.meta.url), { workerData: { dir } satisfies HostStart });
    const thread = new PGliteThread(worker);
    const opened = new Promise<void>((resolve, reject) => thread.#pending.set(0, { resolve: () => resolve(), reject }));
    worker.on('message', (reply: HostReply) => thread.#settle(reply));
    worker.on('error', (err) => thread.#fail(err));
    worker.on('exit', (code) => thread.#fail(new Error(`the embedded database thread ended (exit code ${code})`)));
    try {
      await opened;
    } catch (err) {
      await worker.terminate();
      throw new EmbeddedDbOpenError(dir, { cause: err });
    }
    return thread;
  }

  /** Runs one statement, taking the session if this thread does not hold it yet. */
  query<R>(sql: string, params: readonly unknown[]): Promise<{ rows: R[]; affectedRows: number | undefined }> {
    return this.#send({ op: 'query', sql, params: [...params] }) as Promise<QueryReply> as Promise<{ rows: R[]; affectedRows: number | undefined }>;
  }

  /**
   * Runs store work on the database's thread (src/store/thread-calls.ts), which takes the session
   * for it like any other holder. Its arguments and result cross by structured clone.
   */
  call<N extends ThreadCallName>(name: N, args: ThreadCallArgs<N>): ReturnType<ThreadCalls[N]> {
    return this.#send({ op: 'call', name, args }) as ReturnType<ThreadCalls[N]>;
  }

  /** Gives the session back (after a transaction or a lone statement). */
  release(): void {
    void this.#send({ op: 'release' }).catch(() => undefined);
  }

  /** Serves the database to other processes over the PostgreSQL protocol (see socket-server.ts). */
  serve(dataDir: string): Promise<DbEndpoint> {
    return this.#send({ op: 'serve', dataDir }) as Promise<DbEndpoint>;
  }

  /** Stops serving, waits for the session to be free, closes the database and ends the thread. */
  async close(): Promise<void> {
    if (this.#exited) return;
    try {
      await this.#send({ op: 'close' });
    } finally {
      await this.#worker.terminate();
    }
  }

  #send(request: Request): Promise<unknown> {
    if (this.#exited) return Promise.reject(this.#exited);
    const id = this.#nextId++;
    // Like a socket, the thread keeps the process alive only while an answer is awaited.
    if (!this.#pending.size) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id } as HostRequest);
    });
  }

  #settle(reply: HostReply): void {
    const waiting = this.#pending.get(reply.id);
    if (!waiting) return;
    this.#pending.delete(reply.id);
    if (!this.#pending.size) this.#worker.unref();
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(deserializeError(reply.error));
  }

  #fail(err: Error): void {
    this.#exited ??= err;
    for (const waiting of this.#pending.values()) waiting.reject(err);
    this.#pending.clear();
  }
}
