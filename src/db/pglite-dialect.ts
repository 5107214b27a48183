import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { PGliteGate } from './pglite-gate.ts';

/**
 * What the dialect runs statements on: the database's thread, from the thread owning it
 * (`PGliteThread`), or PGlite itself, in that thread (`localDb` in connect.ts).
 */
export interface PGliteSession {
  query<R>(sql: string, params: readonly unknown[]): Promise<{ rows: R[]; affectedRows: number | undefined }>;
  /** Gives the session back, after a transaction or a lone statement. */
  release(): void;
  /** Closes the database, when the dialect owns it. */
  close(): Promise<void>;
}

export interface PGliteDialectOptions {
  /** The gate the session is taken through, when other holders share it; else the dialect's own. */
  gate?: PGliteGate;
  /** Run once the database is closed (give the data folder's lock back). */
  afterClose?: () => Promise<void>;
}

/**
 * PGlite has a single connection. Kysely acquires a connection per query and holds it for a
 * whole transaction; a gate around acquire/release keeps this process's other queries out
 * meanwhile (the gate is shared when other holders in the same thread take turns), and the
 * release hands the session back, where the socket server's clients may take their turn.
 */
class PGliteDriver implements Driver {
  readonly #connection: PGliteConnection;
  readonly #gate: PGliteGate;

  constructor(
    private readonly session: PGliteSession,
    private readonly options: PGliteDialectOptions,
  ) {
    this.#connection = new PGliteConnection(session);
    this.#gate = options.gate ?? new PGliteGate();
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    this.#connection.release = await this.#gate.acquire();
    return this.#connection;
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.#connection.release;
    this.#connection.release = undefined;
    this.session.release();
    release?.();
  }

  /** The dialect owns its session: closing the database releases the data folder. */
  async destroy(): Promise<void> {
    await this.#gate.drained();
    await this.session.close();
    await this.options.afterClose?.();
  }
}

class PGliteConnection implements DatabaseConnection {
  release?: () => void;

  constructor(private readonly session: PGliteSession) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.session.query<R>(query.sql, query.parameters);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on PGlite');
  }
}

export class PGliteDialect implements Dialect {
  constructor(
    private readonly session: PGliteSession,
    private readonly options: PGliteDialectOptions = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.session, this.options);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
