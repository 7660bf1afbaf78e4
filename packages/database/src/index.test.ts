import { type Generated, type Kysely, type Migration, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { advisoryKey, openDatabase, type OpenedDatabase, preparingClient, withAdvisoryLock } from './index.js';

interface DB {
  items: { id: Generated<number>; name: string };
}

const migrations: Record<string, Migration> = {
  '0001': {
    async up(db: Kysely<unknown>) {
      await sql`create extension if not exists unaccent`.execute(db);
      await db.schema
        .createTable('items')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

async function exercise(opened: OpenedDatabase<DB>) {
  const { db } = opened;
  await db.insertInto('items').values({ name: 'Quyết định' }).execute();
  const row = await db.selectFrom('items').select(['id', 'name']).executeTakeFirstOrThrow();
  expect(typeof row.id).toBe('number');
  const folded = await sql<{ f: string }>`select unaccent('Quyết định Đà Nẵng') as f`.execute(db);
  expect(folded.rows[0]?.f).toBe('Quyet dinh Da Nang');
  // a transaction that fails leaves nothing behind
  await expect(
    db.transaction().execute(async (tx) => {
      await tx.insertInto('items').values({ name: 'rolled back' }).execute();
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  const names = await db.selectFrom('items').select('name').execute();
  expect(names.map((n) => n.name)).toEqual(['Quyết định']);
}

describe('openDatabase on PGlite', () => {
  it('migrates, reads bigint as number, has unaccent, rolls back failed transactions', async () => {
    const opened = await openDatabase<DB>({ migrations });
    expect(opened.engine).toBe('pglite');
    await exercise(opened);
    const again = await withAdvisoryLock(opened, 'x', () => Promise.resolve(42));
    expect(again).toEqual({ acquired: true, value: 42 });
    await opened.db.destroy();
  });
  it('answers its PGlite instance, and opens without the contrib extensions when asked (they are then missing)', async () => {
    const opened = await openDatabase<DB>({ migrations: {} });
    expect(opened.pglite).toBeDefined();
    expect((await opened.pglite!.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
    await opened.db.destroy();
    const bare = await openDatabase<DB>({ migrations: {}, pgliteExtensions: false });
    await expect(sql`create extension unaccent`.execute(bare.db)).rejects.toThrow(/unaccent/);
    await bare.db.destroy();
  });
  it('refuses to open when a migration fails, naming it', async () => {
    const bad: Record<string, Migration> = { '0001_bad': { up: (db: Kysely<unknown>) => sql`select nope()`.execute(db).then(() => undefined) } };
    await expect(openDatabase({ migrations: bad })).rejects.toThrow(/0001_bad/);
  });
});

describe('advisoryKey', () => {
  it('is stable, positive and differs by name', () => {
    expect(advisoryKey('inbox:000.00.01.H49')).toBe(advisoryKey('inbox:000.00.01.H49'));
    expect(advisoryKey('a')).not.toBe(advisoryKey('b'));
    expect(advisoryKey('a') >= 0n && advisoryKey('a') < 2n ** 63n).toBe(true);
  });
});

const adminUrl = process.env['TEST_DATABASE_URL'];
describe.runIf(adminUrl)('openDatabase on PostgreSQL (TEST_DATABASE_URL)', () => {
  const name = `egov_database_test_${process.pid}_${Date.now()}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      return (await c.query<Record<string, unknown>>(q)).rows;
    } finally {
      await c.end();
    }
  };
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${name}`);
  });
  it('migrates and behaves like PGlite; an advisory lock excludes a second holder', async () => {
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl ?? '');
    url.pathname = `/${name}`;
    const a = await openDatabase<DB>({ migrations, databaseUrl: url.toString() });
    const b = await openDatabase<DB>({ migrations, databaseUrl: url.toString() });
    expect(a.engine).toBe('postgres');
    await exercise(a);
    let inner: unknown;
    const outer = await withAdvisoryLock(a, 'worker', async () => {
      inner = await withAdvisoryLock(b, 'worker', () => Promise.resolve('second'));
      return 'first';
    });
    expect(outer).toEqual({ acquired: true, value: 'first' });
    expect(inner).toEqual({ acquired: false });
    expect(await withAdvisoryLock(b, 'worker', () => Promise.resolve('later'))).toEqual({ acquired: true, value: 'later' });
    await a.db.destroy();
    await b.db.destroy();
  });

  it('survives PostgreSQL dropping its idle connections (onPoolError), and the next query opens a new one', async () => {
    const url = new URL(adminUrl ?? '');
    url.pathname = `/${name}`;
    const errors: Error[] = [];
    const opened = await openDatabase<DB>({ migrations, databaseUrl: url.toString(), onPoolError: (e) => errors.push(e) });
    // Two pooled connections, both idle afterwards.
    await Promise.all([sql`select pg_sleep(0.05)`.execute(opened.db), sql`select pg_sleep(0.05)`.execute(opened.db)]);
    const killed = await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
    expect(killed.length).toBe(2);
    // Every killed idle connection reports once; until it has, the pool could still hand out that dead connection.
    await expect.poll(() => errors.length, { timeout: 10_000 }).toBe(killed.length);
    expect(errors.every((e) => /terminat/i.test(e.message))).toBe(true);
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(opened.db);
    expect(rows).toEqual([{ one: 1 }]);
    await opened.db.destroy();
  });

  it('preparedStatements: data queries run prepared once per connection, DDL never; a result type changed under a statement falls back to unnamed', async () => {
    const url = new URL(adminUrl ?? '');
    url.pathname = `/${name}`;
    const opened = await openDatabase<DB>({ migrations, databaseUrl: url.toString(), poolSize: 1, preparedStatements: 100 });
    const { db } = opened;
    try {
      const byId = (id: number) => db.selectFrom('items').selectAll().where('id', '=', id).execute();
      const first = await db.insertInto('items').values({ name: 'Công văn' }).returning('id').executeTakeFirstOrThrow();
      expect(await byId(first.id)).toEqual([{ id: first.id, name: 'Công văn' }]);
      expect(await byId(first.id)).toEqual([{ id: first.id, name: 'Công văn' }]);
      // the one pooled connection holds each text once; the migrations' DDL is not among them
      const statements = (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)).rows.map((r) => r.statement);
      expect(statements.filter((t) => t.startsWith('insert into "items"'))).toHaveLength(1);
      expect(statements.filter((t) => t.startsWith('select * from "items" where "id" = $1'))).toHaveLength(1);
      expect(statements.filter((t) => /^\s*(create|alter|drop)\b/i.test(t))).toEqual([]);
      // another instance's migration changes the table under the prepared select: the query still answers, unnamed
      await sql`alter table items add column note text`.execute(db);
      expect(await byId(first.id)).toEqual([{ id: first.id, name: 'Công văn', note: null }]);
      expect(await byId(first.id)).toEqual([{ id: first.id, name: 'Công văn', note: null }]);
      await sql`alter table items drop column note`.execute(db);
    } finally {
      await opened.db.destroy();
    }
  });

  it('preparingClient(max) prepares at most `max` distinct texts; the others run unnamed with the same answers', async () => {
    const url = new URL(adminUrl ?? '');
    url.pathname = `/${name}`;
    const Client = preparingClient(1);
    const c = new Client({ connectionString: url.toString() });
    await c.connect();
    try {
      expect((await c.query('select $1::int + 1 as n', [1])).rows).toEqual([{ n: 2 }]);
      expect((await c.query('select $1::int + 2 as n', [1])).rows).toEqual([{ n: 3 }]);
      expect((await c.query('select $1::int + 1 as n', [5])).rows).toEqual([{ n: 6 }]);
      const prepared = await c.query<{ statement: string }>('select statement from pg_prepared_statements');
      expect(prepared.rows.map((r) => r.statement)).toEqual(['select $1::int + 1 as n']);
    } finally {
      await c.end();
    }
  });
});
