// Replay stores, in the database: they survive restarts and are shared by several hubs on one PostgreSQL.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db.js';

interface NonceUse {
  systemId: string;
  nonce: string;
  at: Date;
  cutoff: Date;
  resolve: (fresh: boolean) => void;
  reject: (e: unknown) => void;
}

export class ReplayStore {
  #nonces: NonceUse[] = [];
  #flushing = false;

  constructor(readonly db: Kysely<Database>) {}

  /**
   * Records a /v1 nonce; false when it was used within `ttlMs` (a replay). Rows older than `ttlMs` are deleted by the
   * background job `prune-nonces` (`../background.ts`, one instance at a time): a request that old is refused by its
   * timestamp anyway, so the table holds one window of requests (plus one background interval).
   *
   * Every signed request records one, so they are written together: while one insert is in flight, the nonces of the
   * requests arriving meanwhile wait for the next, which records them all in one statement (one round trip and one
   * commit for many requests). The unique key decides across instances; within a batch, the same nonce twice is a
   * replay of the first.
   *
   * The statement commits asynchronously (`synchronous_commit = off` for its own transaction only, set inside it): a
   * read answers without waiting for a disk flush, so a slow `fsync` (a checkpoint, another process writing) no longer
   * stalls every request. Measured on the 2-core machine with a disk writer beside it, open-loop reads at 250/s: p99
   * 75–97 ms → 14–18 ms. What it risks: a crash of PostgreSQL or of its machine may forget the nonces of the last
   * moment (PostgreSQL writes them out within three `wal_writer_delay`s, 0.6 s by default); a request captured in
   * that moment could be replayed once after the crash, within its 5-minute window. A restart of the hub loses
   * nothing, and documents, deliveries and statuses still commit synchronously (another transaction, the setting
   * ends with this one).
   */
  useNonce(systemId: string, nonce: string, now: number, ttlMs: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.#nonces.push({ systemId, nonce, at: new Date(now), cutoff: new Date(now - ttlMs), resolve, reject });
      if (!this.#flushing) void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    try {
      while (this.#nonces.length > 0) {
        const batch = this.#nonces.splice(0, 500);
        const first = new Map<string, NonceUse>();
        const repeated: NonceUse[] = [];
        for (const use of batch) {
          const key = `${use.systemId}\n${use.nonce}`;
          if (first.has(key)) repeated.push(use);
          else first.set(key, use);
        }
        const uses = [...first.values()];
        try {
          const inserted = await sql<{ system_id: string; nonce: string }>`
            insert into nonces (system_id, nonce, seen_at)
            select u.system_id, u.nonce, u.seen_at
            from unnest(${uses.map((u) => u.systemId)}::text[], ${uses.map((u) => u.nonce)}::text[], ${uses.map((u) => u.at.toISOString())}::timestamptz[]) as u(system_id, nonce, seen_at)
            cross join (select set_config('synchronous_commit', 'off', true)) as async_commit
            on conflict (system_id, nonce) do nothing
            returning system_id, nonce`.execute(this.db);
          const fresh = new Set(inserted.rows.map((r) => `${r.system_id}\n${r.nonce}`));
          for (const [key, use] of first) {
            if (fresh.has(key)) use.resolve(true);
            else this.#renew(use).then(use.resolve, use.reject);
          }
          for (const use of repeated) use.resolve(false);
        } catch (e) {
          for (const use of batch) use.reject(e);
        }
      }
    } finally {
      this.#flushing = false;
    }
  }

  /** A nonce already recorded: a row older than the window (not yet pruned) is no replay. */
  async #renew(use: NonceUse): Promise<boolean> {
    const renewed = await this.db
      .updateTable('nonces')
      .set({ seen_at: use.at })
      .where('system_id', '=', use.systemId)
      .where('nonce', '=', use.nonce)
      .where('seen_at', '<', use.cutoff)
      .returning('nonce')
      .executeTakeFirst();
    return renewed !== undefined;
  }

  /**
   * Records the use of an axis header set (systemid, timestamp, hash-header) for an operation and a body; false when
   * the same set was used before for another operation or another body. The same operation with the same body is a
   * retry (true). Rows older than `axisReplayRetentionMs` are deleted by the background job `prune-axis-replay`.
   */
  async useAxisHeaderSet(
    use: { systemId: string; timestamp: string; hashHeader: string; operation: string; bodySha256: string },
    now: number,
  ): Promise<boolean> {
    // committed asynchronously, as the /v1 nonces (see useNonce): an axis read does not wait for a disk flush
    const inserted = await sql<{ operation: string }>`
      insert into axis_replay (system_id, timestamp, hash_header, operation, body_sha256, seen_at)
      select ${use.systemId}, ${use.timestamp}, ${use.hashHeader}, ${use.operation}, ${use.bodySha256}, ${new Date(now).toISOString()}::timestamptz
      from (select set_config('synchronous_commit', 'off', true)) as async_commit
      on conflict (system_id, timestamp, hash_header) do nothing
      returning operation`
      .execute(this.db)
      .then((r) => r.rows[0]);
    if (inserted) return true;
    const first = await this.db
      .selectFrom('axis_replay')
      .select(['operation', 'body_sha256'])
      .where('system_id', '=', use.systemId)
      .where('timestamp', '=', use.timestamp)
      .where('hash_header', '=', use.hashHeader)
      .executeTakeFirst();
    return first !== undefined && first.operation === use.operation && first.body_sha256 === use.bodySha256;
  }
}
