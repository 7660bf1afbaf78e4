// Property: whatever the interleaving of retries (lost answers) and duplicate sends, each message is stored once and
// delivered exactly once to each of its recipients. Runs against the real hub (PGlite), through the client.
import { ExchangeClient } from '@egov-vn/exchange-client';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHub, startHub } from './server.js';
import { documentPackage, OTHER, R1, R2, seed } from './test-support.js';

const runs = Number(process.env.EGOV_FUZZ_RUNS ?? 12);
let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ port: 0, seed });
});
afterAll(() => hub.close());

/** A fetch that, with the given odds, lets the hub process the request and then loses the answer. */
function lossyFetch(lose: () => boolean): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    if (lose()) {
      await res.arrayBuffer();
      // The message undici gives a failed fetch (ky retries network errors recognised by their message).
      throw new TypeError('fetch failed');
    }
    return res;
  };
}

describe('delivery', () => {
  it('is exactly once per recipient under any interleaving of retries and duplicates', async () => {
    let run = 0;
    const recipients = fc.subarray([R1, R2, OTHER], { minLength: 1 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ to: recipients, copies: fc.integer({ min: 1, max: 3 }), byKey: fc.boolean() }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.boolean(), { maxLength: 6 }),
        fc.scheduler(),
        async (messages, losses, s) => {
          run++;
          // A bounded number of lost answers (fewer than the retries), spread over the requests in order.
          const it = losses[Symbol.iterator]();
          const client = new ExchangeClient({
            baseUrl: hub.url,
            systemId: 'sys.vpcp',
            secret: 'secret-vpcp-123',
            retries: 8,
            backoffLimit: 2,
            fetch: lossyFetch(() => it.next().value === true),
          });
          const ids = messages.map((_, i) => `prop-${run}-${i}-${Date.now()}`);
          const sends = messages.flatMap((m, i) => {
            const edxml = documentPackage({ to: m.to, number: `${run}${i}` });
            const id = ids[i] as string;
            return Array.from({ length: m.copies }, () =>
              s.schedule(Promise.resolve()).then(() =>
                m.byKey ? client.sendDocument({ edxml }, { idempotencyKey: id }) : client.sendDocument({ edxml, messageId: id }),
              ),
            );
          });
          const results = await s.waitFor(Promise.all(sends));
          const byId = new Map<string, Set<string>>();
          for (const r of results) byId.set(r.messageId, (byId.get(r.messageId) ?? new Set()).add(r.documentId));
          for (const id of ids) expect(byId.get(id)?.size).toBe(1);
          expect(results.filter((r) => !r.duplicate).length).toBeLessThanOrEqual(messages.length);
          const rows = await hub.store.db
            .selectFrom('deliveries as d')
            .innerJoin('documents as doc', 'doc.id', 'd.document_id')
            .select(['doc.message_id', 'd.recipient'])
            .where('doc.message_id', 'in', ids)
            .execute();
          messages.forEach((m, i) => {
            const got = rows.filter((r) => r.message_id === ids[i]).map((r) => r.recipient).sort();
            expect(got).toEqual([...m.to].sort());
          });
        },
      ),
      { numRuns: runs },
    );
  });
});
