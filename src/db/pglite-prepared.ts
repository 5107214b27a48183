import { parse, protocol, type messages, type PGlite } from '@electric-sql/pglite';

const { serialize } = protocol;
type BackendMessage = messages.BackendMessage;

/** Numbers statement names across instances: two of them on one PGlite must not take the same name. */
let named = 0;

/** SQLSTATE of "cached plan must not change result type". */
const CACHED_PLAN_CHANGED = '0A000';

export interface PreparedStatementsOptions {
  /** Statements kept prepared at once; beyond it the least recently run is closed. Default 64. */
  capacity?: number;
}

interface Prepared {
  name: string;
  /** Type of each parameter, as PostgreSQL inferred it: picks the serializer of each value. */
  paramTypes: number[];
}

/**
 * Runs statements on PGlite as named prepared statements, one per distinct SQL text. PGlite's
 * `query` parses, analyses and plans its text at every call; the store sends the same few
 * statements for every article, and in wasm that work cost about as much as running them. A
 * prepared statement is parsed once and, after a few runs, keeps its plan (PostgreSQL's plan
 * cache, which re-plans by itself after a schema change). Built on PGlite's public protocol API
 * (`execProtocolStream`, `protocol.serialize`, `parse.parseResults`), the same messages its own
 * `query` sends, with the statement named instead of unnamed.
 *
 * The caller holds the session: messages of two statements must not interleave.
 */
export class PreparedStatements {
  readonly #pglite: PGlite;
  readonly #capacity: number;
  /** By SQL text; the map's order is the order of last use. */
  readonly #statements = new Map<string, Prepared>();

  constructor(pglite: PGlite, options: PreparedStatementsOptions = {}) {
    this.#pglite = pglite;
    this.#capacity = options.capacity ?? 64;
  }

  async query<R>(text: string, params: readonly unknown[]): Promise<{ rows: R[]; affectedRows: number | undefined }> {
    try {
      return await this.#run<R>(text, params);
    } catch (err) {
      // A table a statement reads changed shape since it was prepared: PostgreSQL re-plans by
      // itself but refuses a plan whose result has other columns. The statement is prepared
      // afresh; run again only outside a transaction, where the failure changed nothing.
      if ((err as { code?: string }).code !== CACHED_PLAN_CHANGED || !this.#statements.has(text)) throw err;
      const status = await this.#forget(text);
      if (status !== 'I') throw err;
      return this.#run<R>(text, params);
    }
  }

  async #run<R>(text: string, params: readonly unknown[]): Promise<{ rows: R[]; affectedRows: number | undefined }> {
    const messages: BackendMessage[] = [];
    try {
      const statement = this.#statements.get(text) ?? (await this.#prepare(text, messages));
      this.#statements.delete(text);
      this.#statements.set(text, statement);
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serializer = this.#pglite.serializers[statement.paramTypes[i]!];
        return serializer ? serializer(value) : String(value);
      });
      messages.push(
        ...(await this.#send(serialize.bind({ statement: statement.name, values }))),
        ...(await this.#send(serialize.describe({ type: 'P' }))),
        ...(await this.#send(serialize.execute({}))),
      );
    } finally {
      messages.push(...(await this.#send(serialize.sync())));
    }
    // As PGlite's `query` does after each statement: a persisted folder is brought up to date.
    await this.#pglite.syncToFs();
    const [result] = parse.parseResults(messages, this.#pglite.parsers);
    return { rows: (result?.rows ?? []) as R[], affectedRows: result?.affectedRows };
  }

  /** Statements prepared now, for tests and diagnostics. */
  get size(): number {
    return this.#statements.size;
  }

  /** Closes the statement of `text`; gives the session's transaction status afterwards ('I': none). */
  async #forget(text: string): Promise<string | undefined> {
    const statement = this.#statements.get(text);
    this.#statements.delete(text);
    const replies = [...(statement ? await this.#send(serialize.close({ type: 'S', name: statement.name })) : []), ...(await this.#send(serialize.sync()))];
    return replies.filter((m): m is messages.ReadyForQueryMessage => m.name === 'readyForQuery').at(-1)?.status;
  }

  async #prepare(text: string, messages: BackendMessage[]): Promise<Prepared> {
    if (this.#statements.size >= this.#capacity) {
      const [oldestText, oldest] = this.#statements.entries().next().value as [string, Prepared];
      this.#statements.delete(oldestText);
      messages.push(...(await this.#send(serialize.close({ type: 'S', name: oldest.name }))));
    }
    const name = `indwatch_${++named}`;
    messages.push(...(await this.#send(serialize.parse({ name, text }))));
    const paramTypes = parse.parseDescribeStatementResults(await this.#send(serialize.describe({ type: 'S', name })));
    const prepared = { name, paramTypes };
    this.#statements.set(text, prepared);
    return prepared;
  }

  #send(message: Uint8Array): Promise<BackendMessage[]> {
    return this.#pglite.execProtocolStream(message, { syncToFs: false });
  }
}
