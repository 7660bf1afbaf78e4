// The office contract suite on embedded PGlite, and on PostgreSQL when TEST_DATABASE_URL is set (CI sets it), with
// what only PostgreSQL can show: two server instances on one database numbering at once never give the same number.
import { IncomingDetailSchema, IncomingPageSchema } from '@egov-vn/office-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A, call, inboxItem, officeSuite, parsed, startSuiteServer, type SuiteTarget, users } from './office.suite.js';
import { freshPostgres } from './pg-test-database.js';

const adminUrl = process.env['TEST_DATABASE_URL'];

officeSuite('PGlite', () => Promise.resolve({ dataDir: 'memory://' }));

if (adminUrl) {
  officeSuite('PostgreSQL', () => freshPostgres(adminUrl, 'suite'));

  describe('registers on PostgreSQL: parallel numbering', () => {
    let one: SuiteTarget;
    let two: SuiteTarget;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const db = await freshPostgres(adminUrl, 'parallel');
      close = db.close;
      one = await startSuiteServer({ databaseUrl: db.databaseUrl });
      two = await startSuiteServer({ databaseUrl: db.databaseUrl });
    });
    afterAll(async () => {
      await one.close();
      await two.close();
      await close();
    });

    it('40 documents received at once by clerks on two instances get 40 distinct arrival numbers, 1…40', async () => {
      for (let i = 0; i < 40; i++) await one.server.service.ingest(A, inboxItem());
      const page = parsed(IncomingPageSchema, await call(one, users.clerkA, 'GET', '/v1/incoming?state=arrived&limit=100'));
      expect(page.items).toHaveLength(40);
      const results = await Promise.all(
        page.items.map((item, i) => call(i % 2 === 0 ? one : two, users.clerkA, 'POST', `/v1/incoming/${item.id}/receive`, {})),
      );
      const numbers = results.map((r) => parsed(IncomingDetailSchema, r).arrivalNumber);
      expect([...numbers].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });
  });
}
