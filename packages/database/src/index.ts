// @egov-vn/database — Kysely over an embedded PGlite database (default) or PostgreSQL (a connection string), with one
// set of migrations for both engines. Node only.
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, type Migration, type MigrationProvider, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import { preparingClient } from './prepared.js';

export { PGliteDialect, preparingClient };
export type { Migration };

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent, an embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` (or absent) keeps everything in memory. */
  dataDir?: string;
  /** The migrations, applied in name order (the same for both engines). */
  migrations: Record<string, Migration>;
  /** Table that records applied migrations (default `kysely_migration`); give each application its own. */
  migrationTableName?: string;
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number;
  /**
   * PostgreSQL dropped an idle pooled connection (a restart, a failover, an administrator's pg_terminate_backend): the
   * pool discards it and opens a new one for the next query. Without a listener this `error` event would end the
   * process; the default writes one line to stderr.
   */
  onPoolError?: (error: Error) => void;
  /**
   * Load `unaccent`, `pg_trgm` and `btree_gin` into PGlite (default true). An application whose migrations create none
   * of them starts faster without.
   */
  pgliteExtensions?: boolean;
  /**
   * PostgreSQL only: run data queries as named prepared statements, parsed and planned once per connection, for at
   * most this many distinct statement texts per process (0 or absent: off). Off by default because a pooler in
   * transaction mode may not carry prepared statements (PgBouncer before 1.21, or without `max_prepared_statements`).
   */
  preparedStatements?: number;
}

/** An open database: the Kysely instance and which engine is under it. */
export interface OpenedDatabase<DB> {
  db: Kysely<DB>;
  engine: 'pglite' | 'postgres';
  /** The embedded PGlite instance when `engine` is `'pglite'` (e.g. for its in-process `LISTEN`). */
  pglite?: PGlite;
}

/**
 * Opens the database (PGlite or PostgreSQL) and brings its schema up to date. `bigint` columns come back as JS numbers
 * (sequences stay far below 2^53). PGlite loads `unaccent`, `pg_trgm` and `btree_gin`, which PostgreSQL ships in
 * contrib, so migrations may `CREATE EXTENSION` them on both.
 */
export async function openDatabase<DB>(options: OpenDatabaseOptions): Promise<OpenedDatabase<DB>> {
  let db: Kysely<DB>;
  let engine: 'pglite' | 'postgres';
  let lite: PGlite | undefined;
  if (options.databaseUrl) {
    pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
    const prepared = options.preparedStatements ?? 0;
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      ...(prepared > 0 ? { Client: preparingClient(prepared) } : {}),
    });
    pool.on(
      'error',
      options.onPoolError ??
        ((error: Error) => console.warn(`@egov-vn/database: PostgreSQL closed an idle connection (${error.message}); a new one is opened when needed`)),
    );
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    engine = 'postgres';
  } else {
    lite = await PGlite.create(options.dataDir ?? 'memory://', {
      parsers: { 20: (v: string) => Number(v) },
      ...(options.pgliteExtensions === false ? {} : { extensions: { unaccent, pg_trgm, btree_gin } }),
    });
    db = new Kysely<DB>({ dialect: new PGliteDialect(lite) });
    engine = 'pglite';
  }
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(options.migrations) };
  const migrator = new Migrator({
    db,
    provider,
    ...(options.migrationTableName
      ? { migrationTableName: options.migrationTableName, migrationLockTableName: `${options.migrationTableName}_lock` }
      : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
  return lite ? { db, engine, pglite: lite } : { db, engine };
}

/** A stable 63-bit key for `pg_try_advisory_lock` from a name (FNV-1a 64, top bit cleared). */
export function advisoryKey(name: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(name)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h & 0x7fffffffffffffffn;
}

/**
 * Runs `fn` on one connection holding the session advisory lock `name`, if no other session holds it; answers
 * `{ acquired: false }` at once otherwise. Several processes sharing one PostgreSQL therefore run `fn` one at a time
 * (e.g. one inbox worker per agency). On PGlite (one process) `fn` simply runs.
 */
export async function withAdvisoryLock<DB, T>(
  database: OpenedDatabase<DB>,
  name: string,
  fn: () => Promise<T>,
): Promise<{ acquired: true; value: T } | { acquired: false }> {
  // PGlite is one connection in one process (its data directory cannot be shared): nothing to exclude, and holding
  // its only connection while `fn` queries would deadlock.
  if (database.engine === 'pglite') return { acquired: true, value: await fn() };
  const key = advisoryKey(name).toString();
  return database.db.connection().execute(async (conn) => {
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${key}::bigint) as ok`.execute(conn);
    if (!got.rows[0]?.ok) return { acquired: false as const };
    try {
      return { acquired: true as const, value: await fn() };
    } finally {
      await sql`select pg_advisory_unlock(${key}::bigint)`.execute(conn);
    }
  });
}
export { version as databaseVersion } from './version.js';
