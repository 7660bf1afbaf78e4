// Upgrading a database written by an earlier hub: migration 0005 marks the deliveries of status packages, so that the
// statistics (which no longer join the documents) count documents only, on the rows that existed before the upgrade.
import { PGliteDialect } from '@egov-vn/database';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, migrations, openDatabase } from './db.js';
import { HubStore } from './store.js';

describe('migration 0005 on a database of the previous release', () => {
  const dir = mkdtempSync(join(tmpdir(), 'egov-hub-migrate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('marks status deliveries (edoc = false), drops the default, and the statistics count documents only', async () => {
    // The previous release's schema (migrations up to 0004) with one document and the status package sent back.
    const lite = await PGlite.create(dir);
    const old = new Kysely<Database>({ dialect: new PGliteDialect(lite) });
    const upTo0004 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= '0004'));
    const migrated = await new Migrator({ db: old, provider: { getMigrations: () => Promise.resolve(upTo0004) } }).migrateToLatest();
    expect(migrated.error).toBeUndefined();
    const sender = '000.00.01.H49';
    const recipient = '000.00.02.H49';
    await sql`insert into systems (id, secret) values ('s1', 'x'), ('s2', 'y')`.execute(old);
    const at = new Date('2026-12-02T03:00:00Z');
    for (const [id, kind, from, to] of [
      ['doc1', 'edoc', sender, recipient],
      ['st1', 'status', recipient, sender],
    ] as const) {
      await sql`insert into documents (id, kind, message_id, sender, body_sha256, edxml, paper, signed, size, recipients, attachments, sent_at)
        values (${id}, ${kind}, ${id}, ${from}, 'h', ${new Uint8Array([60])}, false, true, 1, ${[to]}::text[], '[]'::jsonb, ${at})`.execute(old);
      await sql`insert into deliveries (document_id, recipient, state, delivered_at) values (${id}, ${to}, 'pending', ${at})`.execute(old);
    }
    await old.destroy();

    // The new release opens the same directory.
    const db = await openDatabase({ dataDir: dir });
    try {
      const rows = await sql<{ document_id: string; edoc: boolean }>`select document_id, edoc from deliveries order by document_id`.execute(db);
      expect(rows.rows).toEqual([
        { document_id: 'doc1', edoc: true },
        { document_id: 'st1', edoc: false },
      ]);
      // no default: an insert that does not say what it delivers is refused
      await expect(sql`insert into deliveries (document_id, recipient, state, delivered_at) values ('doc1', 'x', 'pending', now())`.execute(db)).rejects.toThrow(/edoc/);
      const store = new HubStore(db, { maxPackageBytes: 1024 });
      const ofSender = await store.stats({ systemId: 's1', agency: sender }, '2026-12-02', '2026-12-02');
      expect(ofSender.outgoing.total).toBe(1);
      expect(ofSender.incoming.received).toBe(0); // the status package is not a received document
      const ofRecipient = await store.stats({ systemId: 's2', agency: recipient }, '2026-12-02', '2026-12-02');
      expect([ofRecipient.outgoing.total, ofRecipient.incoming.received]).toEqual([0, 1]);
      const indexes = await sql<{ indexname: string }>`select indexname from pg_indexes where indexname like '%period%' order by 1`.execute(db);
      expect(indexes.rows.map((r) => r.indexname)).toEqual(['deliveries_edoc_period', 'documents_edoc_period']);
      const pending = await sql<{ indexname: string }>`select indexname from pg_indexes where indexname = 'deliveries_pending'`.execute(db);
      expect(pending.rows).toHaveLength(1);
    } finally {
      await db.destroy();
    }
  });
});
