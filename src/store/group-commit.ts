import type { Transaction } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';

export interface GroupCommitOptions<I, R> {
  /** Most items one transaction takes. */
  maxBatch: number;
  /** Run once at the start of each transaction, before the first item (a lock, say). */
  begin?: (trx: Transaction<Database>) => Promise<void>;
  /** One item's work; items of a batch run one after another and see each other's writes. */
  each: (trx: Transaction<Database>, item: I) => Promise<R>;
}

interface Pending<I, R> {
  item: I;
  resolve: (r: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: items handed in while a transaction is running wait, and the next transaction
 * takes all of them (up to `maxBatch`). One BEGIN, `begin` hook and COMMIT then serve many items,
 * which is most of the cost of a small write on PGlite and most of the round trips on PostgreSQL.
 * Each caller's promise settles only once its transaction has committed, so whatever the caller
 * records afterwards (crawl progress) never runs ahead of the store. A batch that fails is rolled
 * back and its items are run again one transaction each: one bad item fails alone.
 */
export class GroupCommit<I, R> {
  readonly #db: Db;
  readonly #options: GroupCommitOptions<I, R>;
  #queue: Pending<I, R>[] = [];
  #running = false;

  constructor(db: Db, options: GroupCommitOptions<I, R>) {
    this.#db = db;
    this.#options = options;
  }

  run(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (!this.#running) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running = true;
    try {
      while (this.#queue.length) {
        const batch = this.#queue.splice(0, this.#options.maxBatch);
        if (batch.length === 1) await this.#alone(batch[0]!);
        else await this.#together(batch);
      }
    } finally {
      this.#running = false;
    }
  }

  async #together(batch: Pending<I, R>[]): Promise<void> {
    let results: R[];
    try {
      results = await this.#transaction(async (trx) => {
        const out: R[] = [];
        for (const p of batch) out.push(await this.#options.each(trx, p.item));
        return out;
      });
    } catch {
      for (const p of batch) await this.#alone(p);
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i]!));
  }

  async #alone(p: Pending<I, R>): Promise<void> {
    try {
      p.resolve(await this.#transaction((trx) => this.#options.each(trx, p.item)));
    } catch (err) {
      p.reject(err);
    }
  }

  #transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.#db.transaction().execute(async (trx) => {
      await this.#options.begin?.(trx);
      return work(trx);
    });
  }
}
