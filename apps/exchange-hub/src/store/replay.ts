// Replay stores, in the database: they survive restarts and are shared by several hubs on one PostgreSQL.
import type { Kysely } from 'kysely';
import type { Database } from '../db.js';

export class ReplayStore {
  constructor(readonly db: Kysely<Database>) {}

  /**
   * Records a /v1 nonce; false when it was used within `ttlMs` (a replay). Rows older than `ttlMs` are deleted by the
   * background job `prune-nonces` (`../background.ts`, one instance at a time): a request that old is refused by its
   * timestamp anyway, so the table holds one window of requests (plus one background interval).
   */
  async useNonce(systemId: string, nonce: string, now: number, ttlMs: number): Promise<boolean> {
    const cutoff = new Date(now - ttlMs);
    const inserted = await this.db
      .insertInto('nonces')
      .values({ system_id: systemId, nonce, seen_at: new Date(now) })
      .onConflict((oc) => oc.columns(['system_id', 'nonce']).doNothing())
      .returning('nonce')
      .executeTakeFirst();
    if (inserted) return true;
    // A row older than the window (not yet pruned) is no replay.
    const renewed = await this.db
      .updateTable('nonces')
      .set({ seen_at: new Date(now) })
      .where('system_id', '=', systemId)
      .where('nonce', '=', nonce)
      .where('seen_at', '<', cutoff)
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
    const inserted = await this.db
      .insertInto('axis_replay')
      .values({
        system_id: use.systemId,
        timestamp: use.timestamp,
        hash_header: use.hashHeader,
        operation: use.operation,
        body_sha256: use.bodySha256,
        seen_at: new Date(now),
      })
      .onConflict((oc) => oc.columns(['system_id', 'timestamp', 'hash_header']).doNothing())
      .returning('operation')
      .executeTakeFirst();
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
