// Several hub instances on one PostgreSQL (issue 22): two instances started at once on a fresh database (their
// migrations race), long polling woken across instances by LISTEN/NOTIFY, and on PGlite by its in-process listen;
// background work (pruning) run by one instance at a time, taken over when the runner's connection goes.
import { advisoryKey } from '@egov-vn/database';
import { ExchangeClient } from '@egov-vn/exchange-client';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase } from '../chaos/run.js';
import { BACKGROUND_LOCK } from './background.js';
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

const TICK_MS = 150;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `ok()` holds (checked every 50 ms), failing after `ms`. */
async function until(ok: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(50);
  }
}

/** Rows older than every replay window (1 day), as a hub that crashed long ago left them, and one fresh nonce. */
async function insertReplayRows(hub: RunningHub, tag: string): Promise<void> {
  const old = new Date(Date.now() - 86_400_000);
  await hub.store.db
    .insertInto('nonces')
    .values([
      { system_id: 'sys.vpcp', nonce: `old-${tag}`, seen_at: old },
      { system_id: 'sys.vpcp', nonce: `fresh-${tag}`, seen_at: new Date() },
    ])
    .execute();
  await hub.store.db
    .insertInto('axis_replay')
    .values({ system_id: 'sys.qn', timestamp: `old-${tag}`, hash_header: 'h', operation: 'countReceiveEdoc', body_sha256: 'b', seen_at: old })
    .execute();
}

/** Which of the rows of `insertReplayRows(tag)` are left. */
async function replayRowsLeft(hub: RunningHub, tag: string): Promise<string[]> {
  const nonces = await hub.store.db.selectFrom('nonces').select('nonce').where('nonce', 'in', [`old-${tag}`, `fresh-${tag}`]).execute();
  const axis = await hub.store.db.selectFrom('axis_replay').select('timestamp').where('timestamp', '=', `old-${tag}`).execute();
  return [...nonces.map((r) => r.nonce), ...axis.map((r) => `axis-${r.timestamp}`)].sort();
}

describe('long polling on PGlite (one instance, in-process wake-up)', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub({ port: 0, seed, backgroundIntervalMs: TICK_MS });
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

  it('runs the background work itself (no lock on PGlite): old nonces and axis header sets are pruned, fresh ones kept', async () => {
    await insertReplayRows(hub, 'lite');
    await until(async () => (await replayRowsLeft(hub, 'lite')).length === 1);
    expect(await replayRowsLeft(hub, 'lite')).toEqual(['fresh-lite']);
    expect(hub.background.leader).toBe(true);
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toContain('hub_background_leader 1');
    expect(metrics).toMatch(/hub_background_runs_total\{job="prune-nonces",result="ok"\} [1-9]/);
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
    databaseUrl = await createDatabase(adminUrl!, name);
    // Both at once on the fresh database: migrations and seeds race and must both succeed.
    hubs = await Promise.all([
      startHub({ port: 0, seed, databaseUrl, backgroundIntervalMs: TICK_MS }),
      startHub({ port: 0, seed, databaseUrl, backgroundIntervalMs: TICK_MS }),
    ]);
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
      expect(applied.rows.map((r) => r.name)).toEqual(['0001_initial', '0002_security_and_axis', '0003_inbox_notify', '0004_period_indexes', '0005_statistics_covering_indexes', '0006_pending_inbox_index']);
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
  /** The backend holding the background lock in this database (none: undefined). */
  async function lockHolder(): Promise<number | undefined> {
    const key = advisoryKey(BACKGROUND_LOCK);
    const r = await sql<{ pid: number }>`
      select pid from pg_locks
      where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())
        and classid = ${Number(key >> 32n)}::oid and objid = ${Number(key & 0xffffffffn)}::oid and objsubid = 1`.execute(hubs[0]!.store.db);
    return r.rows[0]?.pid;
  }

  /** Ticks of each instance's timer, and ticks in which it ran the jobs, during `ms`. */
  async function ticksDuring(ms: number): Promise<{ attempts: number[]; ran: number[] }> {
    const before = hubs.map((h) => ({ attempts: h.background.attempts, ran: h.background.ticks }));
    await sleep(ms);
    return {
      attempts: hubs.map((h, i) => h.background.attempts - (before[i]?.attempts ?? 0)),
      ran: hubs.map((h, i) => h.background.ticks - (before[i]?.ran ?? 0)),
    };
  }

  it('background work runs on one instance at a time (advisory lock): once per tick, and it prunes', async () => {
    await until(() => hubs.some((h) => h.background.leader));
    expect(hubs.filter((h) => h.background.leader)).toHaveLength(1);
    expect(await lockHolder()).toBeTypeOf('number');
    const { attempts, ran } = await ticksDuring(10 * TICK_MS);
    const runner = hubs.findIndex((h) => h.background.leader);
    // Only the runner ran: the other instance ticked too, found the lock taken and did nothing.
    expect(attempts[1 - runner]).toBeGreaterThanOrEqual(2);
    expect(ran[1 - runner]).toBe(0);
    expect(ran[runner]).toBeGreaterThanOrEqual(2);
    expect(ran[runner]).toBeLessThanOrEqual(12);
    expect(hubs[1 - runner]!.background.runs.size).toBe(0);
    await insertReplayRows(hubs[1 - runner]!, 'pg1');
    await until(async () => (await replayRowsLeft(hubs[0]!, 'pg1')).length === 1);
    expect(await replayRowsLeft(hubs[0]!, 'pg1')).toEqual(['fresh-pg1']);
  });

  it("when the runner's lock connection is killed, the lock is taken again and the work still runs once per tick", async () => {
    const pid = await lockHolder();
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    await until(async () => {
      const holder = await lockHolder();
      return holder !== undefined && holder !== pid && hubs.some((h) => h.background.leader);
    });
    const { attempts, ran } = await ticksDuring(6 * TICK_MS);
    expect(attempts.every((n) => n > 0)).toBe(true);
    expect(ran.filter((n) => n > 0)).toHaveLength(1);
  });

  it('when the runner goes away (its connection closed), the other instance takes over', async () => {
    const runner = hubs.findIndex((h) => h.background.leader);
    const other = hubs[1 - runner]!;
    const before = other.background.ticks;
    await hubs[runner]!.background.stop();
    await until(() => other.background.leader);
    await insertReplayRows(other, 'pg2');
    await until(async () => (await replayRowsLeft(other, 'pg2')).length === 1);
    expect(await replayRowsLeft(other, 'pg2')).toEqual(['fresh-pg2']);
    expect(other.background.ticks).toBeGreaterThan(before);
    expect(hubs[runner]!.background.leader).toBe(false);
  });
});
