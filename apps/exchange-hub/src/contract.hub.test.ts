// The contract suite against the real hub on a random port: always on a fresh PGlite database, and also on
// PostgreSQL when TEST_DATABASE_URL (CI: .ci/run starts PostgreSQL and sets it) or DATABASE_URL is given (a fresh
// database is created for the run and dropped after it).
import pg from 'pg';
import { contractSuite } from './contract.js';
import { startHub } from './server.js';
import { seed } from './test-support.js';

contractSuite('hub (PGlite)', async () => {
  const hub = await startHub({ port: 0, seed, maxPackageBytes: 64 * 1024 });
  return { baseUrl: hub.url, close: () => hub.close() };
});

const databaseUrl = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
if (databaseUrl) {
  contractSuite('hub (PostgreSQL)', async () => {
    const name = `egov_hub_test_${process.pid}_${Date.now()}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE ${name}`);
    const probe = new pg.Client({ connectionString: databaseUrl });
    await probe.connect();
    const { rows } = await probe.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    await probe.end();
    const where = new URL(databaseUrl);
    console.log(`[exchange-hub] contract suite on PostgreSQL ${rows[0]?.v ?? '?'} at ${where.host}, database ${name}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const hub = await startHub({ port: 0, seed, maxPackageBytes: 64 * 1024, databaseUrl: url.toString() });
    return {
      baseUrl: hub.url,
      close: async () => {
        await hub.close();
        await admin(`DROP DATABASE ${name}`);
      },
    };
  });
}
