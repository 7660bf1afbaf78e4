// The hub's storage and delivery rules, independent of HTTP: the native /v1 API and the axis-compatible /vxp API call
// this one `HubStore`, so both share one inbox, one delivery record per recipient and one status history. Each concern
// lives in its own module under `./store/`:
//   directory.ts  systems, agencies, the seed (cached in the process)
//   replay.ts     /v1 nonces and /vxp header sets, in the database
//   documents.ts  sending (exactly once per sender and message id) and reading documents and deliveries
//   statuses.ts   transport acknowledgements, business statuses (one ordering rule), received status packages, trace
//   axis.ts       what the axis API reads and acknowledges for all of a system's agencies
//   stats.ts      usage statistics per agency and period
//   rows.ts, packages.ts, types.ts: row shapes, checker report → refusals, shared types
import type { Agency, AgencyPage, InboxItem, InboxPage, SentPage, Stats, StatusCode, StatusEntry, Trace } from '@egov-vn/exchange-api';
import type { Kysely } from 'kysely';
import type { Database } from './db.js';
import { AxisQueries } from './store/axis.js';
import { Directory } from './store/directory.js';
import { Documents } from './store/documents.js';
import { ReplayStore } from './store/replay.js';
import { stats } from './store/stats.js';
import { Statuses } from './store/statuses.js';
import type { Caller, CheckProfile, DeliveryRow, DocMeta, Seed, SendInput, SendResult, StoreOptions, SystemEntry } from './store/types.js';

export { isSafeContentType } from './store/packages.js';
export { newDocumentId } from './store/rows.js';
export type {
  AxisTimeZone,
  Caller,
  CheckProfile,
  DocMeta,
  Seed,
  SeedSystem,
  SendInput,
  SendResult,
  StoreOptions,
  SystemEntry,
} from './store/types.js';

export class HubStore {
  readonly directory: Directory;
  readonly replay: ReplayStore;
  readonly documents: Documents;
  readonly statuses: Statuses;
  readonly axis: AxisQueries;
  /** What this process did (served at /metrics): deliveries of new documents, through /v1 and /vxp. */
  readonly counters = { deliveries: 0 };

  constructor(
    readonly db: Kysely<Database>,
    readonly options: StoreOptions,
  ) {
    this.directory = new Directory(db);
    this.replay = new ReplayStore(db);
    this.documents = new Documents(db, options, this.directory);
    this.statuses = new Statuses(db, this.documents, this.directory);
    this.axis = new AxisQueries(db, this.documents, this.statuses);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  // ---------- directory ----------

  /** Adds (or updates) the systems and agencies of a seed. */
  seed(seed: Seed): Promise<void> {
    return this.directory.seed(seed);
  }

  system(systemId: string): Promise<SystemEntry | undefined> {
    return this.directory.system(systemId);
  }

  agencies(q: { q?: string; cursor?: string; limit: number }): Promise<AgencyPage> {
    return this.directory.agencies(q);
  }

  agency(code: string): Promise<Agency> {
    return this.directory.agency(code);
  }

  registerAgency(caller: Caller, code: string, input: { name: string; email: string; endpoint?: string; parentCode?: string }): Promise<Agency> {
    return this.directory.registerAgency(caller, code, input);
  }

  deleteAgency(systemId: string, code: string): Promise<void> {
    return this.directory.deleteAgency(systemId, code);
  }

  // ---------- replay stores ----------

  /** See {@link ReplayStore.useNonce}. */
  useNonce(systemId: string, nonce: string, now: number, ttlMs: number): Promise<boolean> {
    return this.replay.useNonce(systemId, nonce, now, ttlMs);
  }

  /** See {@link ReplayStore.useAxisHeaderSet}. */
  useAxisHeaderSet(
    use: { systemId: string; timestamp: string; hashHeader: string; operation: string; bodySha256: string },
    now: number,
  ): Promise<boolean> {
    return this.replay.useAxisHeaderSet(use, now);
  }

  // ---------- documents ----------

  /** Checks and stores a document package and delivers it once to each recipient. */
  async send(caller: Caller, input: SendInput): Promise<SendResult> {
    const r = await this.documents.send(caller, input);
    if (!r.duplicate) this.counters.deliveries += r.deliveries.length;
    return r;
  }

  inbox(
    caller: Caller,
    q: { state: string; status?: string; sender?: string; since?: string; until?: string; cursor?: string; limit: number },
  ): Promise<InboxPage> {
    return this.documents.inbox(caller, q);
  }

  sent(caller: Caller, q: { since?: string; until?: string; cursor?: string; limit: number }): Promise<SentPage> {
    return this.documents.sent(caller, q);
  }

  /** The document as the caller may see it: as its sender or as one of its recipients; otherwise NOT_FOUND. */
  access(caller: Caller, id: string): Promise<{ doc: DocMeta; delivery: DeliveryRow | undefined }> {
    return this.documents.access(caller, id);
  }

  /** The package bytes of a document (after an access check). */
  edxmlOf(id: string): Promise<Uint8Array> {
    return this.documents.edxmlOf(id);
  }

  view(caller: Caller, id: string): ReturnType<Documents['view']> {
    return this.documents.view(caller, id);
  }

  // ---------- statuses ----------

  acknowledge(caller: Caller, id: string, result: 'done' | 'fail' | 'processing', reason?: string): Promise<InboxItem> {
    return this.statuses.acknowledge(caller, id, result, reason);
  }

  updateStatus(caller: Caller, id: string, input: { code: StatusCode; description?: string; staff?: string }): Promise<{ status: StatusEntry; duplicate: boolean }> {
    return this.statuses.updateStatus(caller, id, input);
  }

  trace(caller: Caller, id: string): Promise<Trace> {
    return this.statuses.trace(caller, id);
  }

  /** See {@link Statuses.receiveStatus}. */
  receiveStatus(caller: Caller, bytes: Uint8Array, profile?: CheckProfile): ReturnType<Statuses['receiveStatus']> {
    return this.statuses.receiveStatus(caller, bytes, profile);
  }

  // ---------- axis-compatible API (a system acts for all its agencies) ----------

  pendingFor(agencies: string[], kind: 'edoc' | 'status', range?: { from?: Date; to?: Date }): Promise<Array<{ doc: DocMeta; delivery: DeliveryRow }>> {
    return this.axis.pendingFor(agencies, kind, range);
  }

  countPending(agencies: string[], kind: 'edoc' | 'status'): Promise<number> {
    return this.axis.countPending(agencies, kind);
  }

  sentBy(agencies: string[], q: { kind?: 'edoc' | 'status'; documentId?: string }): Promise<Array<{ doc: DocMeta; deliveries: DeliveryRow[] }>> {
    return this.axis.sentBy(agencies, q);
  }

  documentFor(agencies: string[], id: string): Promise<DocMeta> {
    return this.axis.documentFor(agencies, id);
  }

  acknowledgeFor(systemId: string, agencies: string[], id: string, result: 'done' | 'fail' | 'processing', reason?: string): Promise<InboxItem[]> {
    return this.axis.acknowledgeFor(systemId, agencies, id, result, reason);
  }

  // ---------- statistics ----------

  stats(caller: Caller, from: string, to: string): Promise<Stats> {
    return stats(this.db, caller, from, to);
  }
}
