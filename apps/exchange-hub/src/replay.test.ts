// The /v1 nonce store writes the nonces of concurrent requests together (one statement while another is in flight):
// each nonce is still accepted exactly once — within a batch, across batches, across two stores on one database (two
// hub instances) — and a row older than the window is no replay.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, dropDatabase } from '../chaos/run.js';
import { openDatabase } from './db.js';
import { ReplayStore } from './store/replay.js';

const TTL = 60_000;

/** Runs the property; answers how many rounds ran. */
async function exactlyOnce(stores: ReplayStore[], runs: number): Promise<number> {
  let round = 0;
  await fc.assert(
    fc.asyncProperty(
      // requests: which nonce (of a few) and which store (instance) each one uses, all sent at once
      fc.array(fc.record({ nonce: fc.integer({ min: 0, max: 7 }), store: fc.nat({ max: stores.length - 1 }), system: fc.constantFrom('a', 'b') }), {
        minLength: 1,
        maxLength: 60,
      }),
      async (requests) => {
        round++;
        const now = Date.now();
        const results = await Promise.all(requests.map((r) => stores[r.store]!.useNonce(r.system, `n${round}-${r.nonce}`, now, TTL)));
        // per (system, nonce): exactly one request accepted
        const accepted = new Map<string, number>();
        requests.forEach((r, i) => {
          const key = `${r.system}/${r.nonce}`;
          accepted.set(key, (accepted.get(key) ?? 0) + (results[i] ? 1 : 0));
        });
        expect([...accepted.values()].every((n) => n === 1)).toBe(true);
        // and afterwards every one of them is a replay, on any store
        const again = await Promise.all(requests.map((r) => stores[(r.store + 1) % stores.length]!.useNonce(r.system, `n${round}-${r.nonce}`, now, TTL)));
        expect(again.every((x) => !x)).toBe(true);
      },
    ),
    { numRuns: runs },
  );
  return round;
}

describe('the /v1 nonce store (PGlite)', () => {
  it('accepts each nonce exactly once among concurrent requests, and again only once its window has passed', async () => {
    const db = await openDatabase({});
    try {
      const store = new ReplayStore(db);
      expect(await exactlyOnce([store], 40)).toBe(40);
      // outside the window: renewed once, then a replay again
      const t0 = Date.now();
      expect(await store.useNonce('a', 'late', t0, TTL)).toBe(true);
      const later = t0 + TTL + 1;
      expect(await Promise.all([store.useNonce('a', 'late', later, TTL), store.useNonce('a', 'late', later, TTL)])).toEqual([true, false]);
      expect(await store.useNonce('a', 'late', later + 1, TTL)).toBe(false);
      // a failing statement answers every request of its batch with the error (none is accepted silently)
      await db.destroy();
      await expect(store.useNonce('a', 'closed', Date.now(), TTL)).rejects.toThrow();
    } finally {
      await db.destroy().catch(() => undefined);
    }
  });
});

const adminUrl = process.env['TEST_DATABASE_URL'];
describe.runIf(adminUrl)('the /v1 nonce store on PostgreSQL, two instances (TEST_DATABASE_URL)', () => {
  const name = `egov_hub_replay_${process.pid}_${Date.now()}`;
  afterAll(async () => {
    await dropDatabase(adminUrl!, name);
    await dropDatabase(adminUrl!, `${name}_async`);
  });
  it('accepts each nonce exactly once across two stores writing in batches', async () => {
    const databaseUrl = await createDatabase(adminUrl!, name);
    const a = await openDatabase({ databaseUrl });
    const b = await openDatabase({ databaseUrl });
    try {
      expect(await exactlyOnce([new ReplayStore(a), new ReplayStore(b)], 40)).toBe(40);
    } finally {
      await a.destroy();
      await b.destroy();
    }
  });

  it("turns synchronous_commit off for the nonce statement's transaction only: the connection commits what follows synchronously", async () => {
    const databaseUrl = await createDatabase(adminUrl!, `${name}_async`);
    const db = await openDatabase({ databaseUrl, poolSize: 1 });
    const other = await openDatabase({ databaseUrl });
    try {
      const store = new ReplayStore(db);
      const setting = async () => (await sql<{ s: string }>`select current_setting('synchronous_commit') as s`.execute(db)).rows[0]!.s;
      expect(await setting()).toBe('on');
      expect(await store.useNonce('a', 'async', Date.now(), TTL)).toBe(true);
      // one connection (pool of 1): a session-wide SET, or set_config(…, false), would still show here
      expect(await setting()).toBe('on');
      // committed: another connection (another instance) sees the nonce as used
      expect(await new ReplayStore(other).useNonce('a', 'async', Date.now(), TTL)).toBe(false);
    } finally {
      await db.destroy();
      await other.destroy();
    }
  });
});
