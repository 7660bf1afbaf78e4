// The axis-compatible API's reads and acknowledgements: a system acts for all its agencies at once.
import type { InboxItem } from '@egov-vn/exchange-api';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db.js';
import { HubError } from '../hub-error.js';
import type { Documents } from './documents.js';
import { currentRegistration, deliveriesWithDocuments, deliveryOf } from './rows.js';
import type { Statuses } from './statuses.js';
import { DOC_META, type DeliveryRow, type DocMeta } from './types.js';

export class AxisQueries {
  constructor(
    readonly db: Kysely<Database>,
    readonly documents: Documents,
    readonly statuses: Statuses,
  ) {}

  /** What is delivered to these agencies and not yet `done` (pending, processing, fail), oldest first. */
  async pendingFor(
    agencies: string[],
    kind: 'edoc' | 'status',
    range: { from?: Date; to?: Date } = {},
  ): Promise<Array<{ doc: DocMeta; delivery: DeliveryRow }>> {
    if (agencies.length === 0) return [];
    let q = deliveriesWithDocuments(this.db)
      .where('d.recipient', 'in', agencies)
      .where(currentRegistration('d'))
      .where('doc.kind', '=', kind)
      .where('d.state', '!=', 'done');
    if (range.from) q = q.where('d.delivered_at', '>=', range.from);
    if (range.to) q = q.where('d.delivered_at', '<=', range.to);
    const rows = await q.orderBy('d.seq').execute();
    return rows.map((r) => ({ doc: r, delivery: deliveryOf(r) }));
  }

  async countPending(agencies: string[], kind: 'edoc' | 'status'): Promise<number> {
    if (agencies.length === 0) return 0;
    const row = await this.db
      .selectFrom('deliveries as d')
      .innerJoin('documents as doc', 'doc.id', 'd.document_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('d.recipient', 'in', agencies)
      .where(currentRegistration('d'))
      .where('doc.kind', '=', kind)
      .where('d.state', '!=', 'done')
      .executeTakeFirstOrThrow();
    return row.n;
  }

  /** Messages sent by these agencies (one, or all of a kind), each with its deliveries. */
  async sentBy(
    agencies: string[],
    q: { kind?: 'edoc' | 'status'; documentId?: string },
  ): Promise<Array<{ doc: DocMeta; deliveries: DeliveryRow[] }>> {
    if (agencies.length === 0) return [];
    let docs = this.db.selectFrom('documents').select(DOC_META).where('sender', 'in', agencies);
    if (q.documentId) docs = docs.where('id', '=', q.documentId);
    if (q.kind) docs = docs.where('kind', '=', q.kind);
    const rows = await docs.orderBy('seq').execute();
    if (rows.length === 0) return [];
    const deliveries = await this.db
      .selectFrom('deliveries')
      .selectAll()
      .where('document_id', 'in', rows.map((r) => r.id))
      .orderBy('seq')
      .execute();
    return rows.map((doc) => ({ doc, deliveries: deliveries.filter((d) => d.document_id === doc.id) }));
  }

  /** The message as one of these agencies may see it (sender or recipient); otherwise NOT_FOUND. */
  async documentFor(agencies: string[], id: string): Promise<DocMeta> {
    for (const agency of agencies) {
      try {
        return (await this.documents.access({ systemId: '', agency }, id)).doc;
      } catch (e) {
        if (!(e instanceof HubError) || e.body.code !== 'NOT_FOUND') throw e;
      }
    }
    throw new HubError('NOT_FOUND', { documentId: id });
  }

  /** The transport acknowledgement of every delivery of `id` to these agencies (NOT_FOUND when there is none). */
  async acknowledgeFor(
    systemId: string,
    agencies: string[],
    id: string,
    result: 'done' | 'fail' | 'processing',
    reason?: string,
  ): Promise<InboxItem[]> {
    const deliveries = agencies.length
      ? await this.db
          .selectFrom('deliveries')
          .select('recipient')
          .where('document_id', '=', id)
          .where('recipient', 'in', agencies)
          .where(currentRegistration('deliveries'))
          .execute()
      : [];
    if (deliveries.length === 0) throw new HubError('NOT_FOUND', { documentId: id });
    const out: InboxItem[] = [];
    for (const d of deliveries) out.push(await this.statuses.acknowledge({ systemId, agency: d.recipient }, id, result, reason));
    return out;
  }
}
