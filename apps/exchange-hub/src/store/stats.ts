// Usage statistics per agency and period (civil days in Việt Nam): outgoing and incoming documents.
import type { Stats } from '@egov-vn/exchange-api';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db.js';
import { HubError } from '../hub-error.js';
import type { Caller } from './types.js';
import { isEgovError, VIETNAM_UTC_OFFSET_MINUTES, vietnamDayRange } from '@egov-vn/schemas';

export async function stats(db: Kysely<Database>, caller: Caller, from: string, to: string): Promise<Stats> {
  // Days are civil days in Việt Nam (the kit's one rule: vietnamDayRange of @egov-vn/schemas).
  let range: { start: Date; end: Date };
  try {
    range = vietnamDayRange(from, to);
  } catch (e) {
    if (isEgovError(e)) throw new HubError('VALIDATION_FAILED', { from, to }, e.localized);
    throw e;
  }
  const { start, end } = range;
  if (!(start < end)) throw new HubError('VALIDATION_FAILED', { from, to });
  const outgoing = db
    .selectFrom('documents')
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) filter (where not paper)::int`.as('electronic_only'),
      sql<number>`count(*) filter (where signed)::int`.as('signed'),
    ])
    .where('sender', '=', caller.agency)
    .where(sql<boolean>`kind = 'edoc'`)
    .where('sent_at', '>=', start)
    .where('sent_at', '<', end);
  // The civil day in Việt Nam of a timestamptz column (UTC + the offset of @egov-vn/schemas; no daylight saving).
  const vnDay = (col: string) =>
    sql`((${sql.ref(col)} at time zone 'UTC') + ${sql.lit(VIETNAM_UTC_OFFSET_MINUTES)} * interval '1 minute')::date`;
  const incoming = db
    .selectFrom('deliveries')
    .select([
      sql<number>`count(*)::int`.as('received'),
      sql<number>`count(acknowledged_at)::int`.as('acknowledged'),
      sql<number>`count(*) filter (where acknowledged_at is not null and ${vnDay('acknowledged_at')} = ${vnDay('delivered_at')})::int`.as(
        'same_day',
      ),
    ])
    .where('recipient', '=', caller.agency)
    // literal conditions (not parameters), so that the planner can prove the partial indexes' predicates (0005)
    .where(sql<boolean>`edoc`)
    .where('delivered_at', '>=', start)
    .where('delivered_at', '<', end);
  // Both aggregates (one row each) in one statement: one round trip.
  const row = await db
    .selectFrom(outgoing.as('o'))
    .innerJoin(incoming.as('i'), (join) => join.onTrue())
    .selectAll()
    .executeTakeFirstOrThrow();
  const share = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    agency: caller.agency,
    from,
    to,
    outgoing: {
      total: row.total,
      electronicOnly: row.electronic_only,
      withPaper: row.total - row.electronic_only,
      signed: row.signed,
      signedShare: share(row.signed, row.total),
    },
    incoming: {
      received: row.received,
      acknowledged: row.acknowledged,
      acknowledgedSameDay: row.same_day,
      sameDayShare: share(row.same_day, row.received),
    },
  };
}
