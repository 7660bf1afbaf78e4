// Background work per served agency: receive with `watchInbox` (one worker per agency across every instance sharing
// the database: a PostgreSQL advisory lock), and keep the outbox moving (status packages, sends left `sending`,
// recipients' statuses of recent outgoing documents).
import { withAdvisoryLock, type OpenedDatabase } from '@egov-vn/database';
import { ExchangeError } from '@egov-vn/exchange-client';
import type { OfficeDatabase } from './db.js';
import type { OfficeService } from './service.js';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}

const aborted = (signal: AbortSignal): boolean => signal.aborted;

const errorCode = (e: unknown) => (e instanceof ExchangeError ? e.code : e instanceof Error ? e.name : 'error');

export class Background {
  readonly receiving = new Set<string>();
  readonly #abort = new AbortController();
  readonly #loops: Promise<void>[] = [];
  readonly #wake = new Map<string, () => void>();

  constructor(
    private readonly database: OpenedDatabase<OfficeDatabase>,
    private readonly service: OfficeService,
    private readonly agencies: string[],
    private readonly pollIntervalMs: number,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    if (this.#loops.length > 0) return; // already running
    for (const code of this.agencies) {
      this.#loops.push(this.#receiveLoop(code), this.#outboxLoop(code));
    }
  }

  /** Makes the outbox loop of an agency run now (after a user action queued a status). */
  nudge(agency: string): void {
    this.#wake.get(agency)?.();
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await Promise.allSettled(this.#loops);
  }

  /** One full round for an agency, for tests and one-shot runs: receive what is pending, then the outbox. */
  async runOnce(agency: string): Promise<{ received: number }> {
    const client = this.service.client(agency);
    let received = 0;
    for (const { item, edxml } of await client.pending(50)) {
      if (await this.service.ingest(agency, item, edxml)) received++;
      await client.acknowledge(item.documentId);
    }
    await this.#outboxRound(agency);
    return { received };
  }

  async #receiveLoop(agency: string): Promise<void> {
    const signal = this.#abort.signal;
    while (!signal.aborted) {
      try {
        const r = await withAdvisoryLock(this.database, `egov-office-inbox:${agency}`, async () => {
          this.receiving.add(agency);
          try {
            for await (const { item, edxml } of this.service.client(agency, 3).watch({ signal, pollIntervalMs: this.pollIntervalMs })) {
              if (await this.service.ingest(agency, item, edxml)) this.log(`office: ${agency} received ${item.documentId} from ${item.from}`);
              this.nudge(agency);
            }
          } finally {
            this.receiving.delete(agency);
          }
        });
        if (!r.acquired) await sleep(this.pollIntervalMs * 5, signal);
      } catch (e) {
        if (aborted(signal)) return;
        this.log(`office: receiving for ${agency} failed (${errorCode(e)}), retrying`);
        await sleep(this.pollIntervalMs * 2, signal);
      }
    }
  }

  async #outboxLoop(agency: string): Promise<void> {
    const signal = this.#abort.signal;
    while (!signal.aborted) {
      try {
        await withAdvisoryLock(this.database, `egov-office-outbox:${agency}`, () => this.#outboxRound(agency));
      } catch (e) {
        if (aborted(signal)) return;
        this.log(`office: outbox of ${agency} failed (${errorCode(e)}), retrying`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.pollIntervalMs);
        this.#wake.set(agency, () => {
          clearTimeout(t);
          resolve();
        });
        signal.addEventListener('abort', () => {
          clearTimeout(t);
          resolve();
        }, { once: true });
      });
    }
  }

  async #outboxRound(agency: string): Promise<void> {
    const db = this.service.db;
    await this.service.dispatchStatuses(agency);
    await this.service.resumeSending(agency);
    // Axis: the recipients' statuses arrive as status packages (no trace call); stored, then taken off the list.
    const transport = this.service.client(agency);
    if (transport.collectStatuses) {
      await transport.collectStatuses(async (st) => {
        if (!(await this.service.recordStatus(agency, st))) this.log(`office: ${agency} got status ${st.code} from ${st.from} for an unknown document`);
      });
    }
    const since = new Date(Date.now() - 30 * 86_400_000);
    const recent = await db.selectFrom('outgoing').selectAll().where('agency', '=', agency).where('state', '=', 'sent').where('sent_at', '>=', since).orderBy('seq', 'desc').limit(20).execute();
    for (const row of recent) await this.service.refreshTrace(row);
    await db
      .insertInto('workers')
      .values({ agency, last_poll_at: new Date(), last_error: null })
      .onConflict((oc) => oc.column('agency').doUpdateSet({ last_poll_at: new Date(), last_error: null }))
      .execute();
  }
}
