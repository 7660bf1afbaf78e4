// Several hub instances on one PostgreSQL (issue 22): two instances started at once on a fresh database (their
// migrations race), long polling woken across instances by LISTEN/NOTIFY, and on PGlite by its in-process listen.
import { ExchangeClient } from '@egov-vn/exchange-client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase } from '../chaos/run.js';
import { type RunningHub, startHub } from './server.js';
import { documentPackage, R1, seed } from './test-support.js';

const sender = (url: string) => new ExchangeClient({ baseUrl: url, systemId: 'sys.vpcp', secret: 'secret-vpcp-123' });
const receiver = (url: string) => new ExchangeClient({ baseUrl: url, systemId: 'sys.qn', secret: 'secret-qn-123', agency: R1 });

/** A long poll on `pollHub` while `sendHub` delivers after `afterMs`: how long the poll took and what it got. */
async function longPollAcross(pollHub: RunningHub, sendHub: RunningHub, number: string, afterMs: number) {
  const t0 = Date.now();
  const poll = receiver(pollHub.url).listInbox({ state: 'pending', wait: 20 });
  await new Promise((r) => setTimeout(r, afterMs));
  const sent = await sender(sendHub.url).sendDocument({ edxml: documentPackage({ to: [R1], number }) });
  const page = await poll;
  return { ms: Date.now() - t0, page, sent };
}

describe('long polling on PGlite (one instance, in-process wake-up)', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub({ port: 0, seed });
  });
  it('an empty inbox with wait=1 answers an empty page after about a second', async () => {
    const t0 = Date.now();
    const page = await receiver(hub.url).listInbox({ state: 'pending', wait: 1 });
    expect(page.items).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('a send wakes a waiting long poll at once, with the new item', async () => {
    const { ms, page, sent } = await longPollAcross(hub, hub, '101', 400);
    await receiver(hub.url).acknowledge(sent.documentId, { result: 'done' });
    expect(page.items.map((i) => i.documentId)).toEqual([sent.documentId]);
    expect(ms).toBeGreaterThanOrEqual(380);
    expect(ms).toBeLessThan(10_000);
    expect(hub.wakeups.received).toBeGreaterThan(0);
  });

  it('closing the hub answers a waiting long poll at once', async () => {
    const t0 = Date.now();
    const poll = receiver(hub.url).listInbox({ state: 'pending', wait: 30 });
    await new Promise((r) => setTimeout(r, 300));
    await hub.close();
    const page = await poll;
    expect(page.items).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

const adminUrl = process.env['TEST_DATABASE_URL'];
describe.runIf(adminUrl)('two instances on one PostgreSQL (TEST_DATABASE_URL)', () => {
  const name = `egov_hub_multi_${process.pid}_${Date.now()}`;
  let hubs: RunningHub[] = [];
  let databaseUrl = '';
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    // Both at once on the fresh database: migrations and seeds race and must both succeed.
    hubs = await Promise.all([startHub({ port: 0, seed, databaseUrl }), startHub({ port: 0, seed, databaseUrl })]);
  });
  afterAll(async () => {
    await Promise.all(hubs.map((h) => h.close()));
    await dropDatabase(adminUrl!, name);
  });

  it('started at once on a fresh database: each migration applied once, the schema complete', async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      const applied = await c.query<{ name: string }>('select name from kysely_migration order by name');
      expect(applied.rows.map((r) => r.name)).toEqual(['0001_initial', '0002_security_and_axis', '0003_inbox_notify', '0004_period_indexes']);
      const trigger = await c.query(`select 1 from pg_trigger where tgname = 'deliveries_notify_inbox'`);
      expect(trigger.rowCount).toBe(1);
      const systems = await c.query<{ n: string }>('select count(*) as n from systems');
      expect(Number(systems.rows[0]?.n)).toBe(seed.systems.length);
    } finally {
      await c.end();
    }
  });

  it('a send on one instance wakes a long poll on the other (LISTEN/NOTIFY)', async () => {
    const [a, b] = hubs as [RunningHub, RunningHub];
    const before = a.wakeups.received;
    const { ms, page, sent } = await longPollAcross(a, b, '201', 500);
    expect(page.items.map((i) => i.documentId)).toEqual([sent.documentId]);
    expect(ms).toBeGreaterThanOrEqual(480);
    expect(ms).toBeLessThan(10_000);
    expect(a.wakeups.received).toBeGreaterThan(before);
    await receiver(a.url).acknowledge(sent.documentId, { result: 'done' });
  });

  it("watchInbox on one instance yields what is sent through the other, without waiting for a poll interval", async () => {
    const [a, b] = hubs as [RunningHub, RunningHub];
    const controller = new AbortController();
    const t0 = Date.now();
    setTimeout(() => void sender(b.url).sendDocument({ edxml: documentPackage({ to: [R1], number: '202' }) }), 300);
    let got: string | undefined;
    for await (const item of receiver(a.url).watchInbox({ signal: controller.signal, pollIntervalMs: 60_000, waitSeconds: 20 })) {
      got = item.notation ?? undefined;
      if (got?.startsWith('202/')) controller.abort();
    }
    expect(got).toMatch(/^202\//);
    expect(Date.now() - t0).toBeLessThan(15_000);
  });
});
