// The inbox listing and the document view read document summaries from a bounded in-memory cache (a stored document
// never changes). Property: whatever was sent, acknowledged and reported, a store with a tiny cache (evicting all the
// time) answers every inbox page (each state, each sender filter, paged) and every view (sender, recipients, strangers:
// NOT_FOUND alike) exactly as a store without one, over the same database.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db.js';
import { HubStore } from './store.js';
import { documentPackage, OTHER, R1, R2, seed, SENDER } from './test-support.js';

const AGENCIES = [R1, R2, OTHER] as const;
const systemOf = (agency: string) => seed.systems.find((s) => s.agencies.some((a) => a.code === agency))!.systemId;
const caller = (agency: string) => ({ systemId: systemOf(agency), agency });

/** What a store answers, errors included (as their code), for comparison. */
async function outcome<T>(run: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await run();
  } catch (e) {
    return { error: (e as { code?: string }).code ?? String(e) };
  }
}

describe('document summary cache', () => {
  let db: Awaited<ReturnType<typeof openDatabase>>;
  let plain: HubStore;
  let cached: HubStore;
  let n = 0;
  beforeAll(async () => {
    db = await openDatabase({});
    plain = new HubStore(db, { maxPackageBytes: 1024 * 1024, documentCacheSize: 0 });
    cached = new HubStore(db, { maxPackageBytes: 1024 * 1024, documentCacheSize: 2 });
    await plain.seed(seed);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('answers inbox pages and document views exactly as the database does, with evictions all along', async () => {
    const ids: string[] = [];
    const seen = { views: 0, notFound: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            to: fc.subarray([...AGENCIES], { minLength: 1 }),
            paper: fc.boolean(),
            // what each recipient then does with it
            acts: fc.array(fc.record({ who: fc.constantFrom(...AGENCIES), act: fc.constantFrom('done', 'fail', 'processing', '03', '04', '05') }), {
              maxLength: 3,
            }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.integer({ min: 1, max: 3 }),
        async (sends, limit) => {
          for (const s of sends) {
            const r = await plain.send(caller(SENDER), { edxml: documentPackage({ to: s.to, number: String(++n), paper: s.paper }) });
            ids.push(r.document.id);
            for (const a of s.acts) {
              const act = a.act;
              await outcome<unknown>(() =>
                act === 'done' || act === 'fail' || act === 'processing'
                  ? plain.acknowledge(caller(a.who), r.document.id, act, act === 'fail' ? 'thiếu chữ ký' : undefined)
                  : plain.updateStatus(caller(a.who), r.document.id, { code: act, staff: 'Văn thư' }),
              );
            }
          }
          // views by everyone, through the cache first and second time (miss, then hit)
          for (const id of ids.slice(-6)) {
            for (const agency of [SENDER, ...AGENCIES]) {
              const expected = await outcome(() => plain.view(caller(agency), id));
              if ('error' in expected) seen.notFound++;
              else seen.views++;
              expect(await outcome(() => cached.view(caller(agency), id))).toEqual(expected);
              expect(await outcome(() => cached.view(caller(agency), id))).toEqual(expected);
            }
          }
          // every inbox, every page, per state and sender filter
          for (const agency of AGENCIES) {
            for (const q of [{ state: 'all' }, { state: 'pending' }, { state: 'done' }, { state: 'all', sender: SENDER }, { state: 'all', sender: OTHER }]) {
              let cursor: string | undefined;
              let pages = 0;
              do {
                const query = { ...q, limit, ...(cursor ? { cursor } : {}) };
                const expected = await plain.inbox(caller(agency), query);
                expect(await cached.inbox(caller(agency), query)).toEqual(expected);
                cursor = expected.nextCursor ?? undefined;
                pages++;
              } while (cursor && pages < 4);
            }
          }
        },
      ),
      { numRuns: 15 },
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(15);
    expect(seen.views).toBeGreaterThan(100);
    expect(seen.notFound).toBeGreaterThan(10);
  });
});
