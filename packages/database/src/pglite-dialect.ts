// A small Kysely dialect over PGlite's query API. PGlite is one connection: queries and transactions are serialised
// with a queue, so a transaction never interleaves with another query.
import type { PGlite } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

class Queue {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly db: PGlite) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const res = await this.db.query<R>(query.sql, query.parameters as unknown[]);
    const out: { rows: R[]; numAffectedRows?: bigint } = { rows: res.rows };
    if (res.affectedRows !== undefined) out.numAffectedRows = BigInt(res.affectedRows);
    return out;
  }
  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite dialect: streaming queries are not supported');
  }
}

class PGliteDriver implements Driver {
  readonly #queue = new Queue();
  readonly #releases = new WeakMap<DatabaseConnection, () => void>();
  constructor(private readonly db: PGlite) {}
  async init(): Promise<void> {
    await this.db.waitReady;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#queue.acquire();
    const conn = new PGliteConnection(this.db);
    this.#releases.set(conn, release);
    return conn;
  }
  async beginTransaction(): Promise<void> {
    await this.db.exec('BEGIN');
  }
  async commitTransaction(): Promise<void> {
    await this.db.exec('COMMIT');
  }
  async rollbackTransaction(): Promise<void> {
    await this.db.exec('ROLLBACK');
  }
  releaseConnection(conn: DatabaseConnection): Promise<void> {
    this.#releases.get(conn)?.();
    this.#releases.delete(conn);
    return Promise.resolve();
  }
  async destroy(): Promise<void> {
    await this.db.close();
  }
}

/** Kysely dialect for an embedded PGlite database. */
export class PGliteDialect implements Dialect {
  constructor(private readonly db: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
