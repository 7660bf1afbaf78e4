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
  return { databaseUrl: url.toString(), close: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
