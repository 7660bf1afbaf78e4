// A fresh PostgreSQL database for one test file, created from TEST_DATABASE_URL and dropped after.
import pg from 'pg';

export async function freshPostgres(adminUrl: string, label: string): Promise<{ databaseUrl: string; close: () => Promise<void> }> {
  const name = `egov_office_${label}_${process.pid}_${Date.now()}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const close = async (): Promise<void> => {
    // A pool that was just ended may still be closing its connections: wait for them to leave (up to 5 s) before
    // dropping, so FORCE never terminates a connection a client is still ending (pg would report it as an error).
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      for (let i = 0; i < 50; i++) {
        const r = await c.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (Number(r.rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
  return { databaseUrl: url.toString(), close };
}
