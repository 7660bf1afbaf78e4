// Rows to contract shapes, and the query pieces every module shares (access to a delivery, cursors, statuses).
import { statusCodeInfo } from '@egov-vn/edxml';
import type { DocumentSummary, InboxItem, StatusCode, StatusEntry } from '@egov-vn/exchange-api';
import { type ExpressionBuilder, sql, type Kysely } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Database } from '../db.js';
import { HubError } from '../hub-error.js';
import { publicAttachment } from './attachments.js';
import { DOC_META_AS_DOC, type DeliveryRow, type DocMeta, type StatusRow } from './types.js';

export const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

/** A 24-hex id like the axis DocId: 4 bytes of seconds then 8 random bytes. */
export function newDocumentId(now = Date.now()): string {
  const t = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0');
  return t + randomBytes(8).toString('hex');
}

/** What a status entry shows of a stored status. */
export type StatusShown = Pick<StatusRow, 'code' | 'description' | 'staff' | 'at'>;

export function statusEntry(row: StatusShown): StatusEntry {
  const info = statusCodeInfo(row.code);
  return {
    code: row.code as StatusCode,
    label: { vi: info?.vi ?? row.code, en: info?.en ?? row.code },
    description: row.description,
    staff: row.staff,
    at: iso(row.at),
  };
}

export function summary(row: DocMeta): DocumentSummary {
  return {
    documentId: row.id,
    messageId: row.message_id,
    edxmlDocumentId: row.edxml_document_id,
    from: row.sender,
    fromName: row.from_name,
    to: row.recipients,
    subject: row.subject,
    notation: row.notation,
    promulgationDate: row.promulgation_date,
    priority: row.priority,
    paper: row.paper,
    signed: row.signed,
    size: row.size,
    sentAt: iso(row.sent_at),
    attachments: row.attachments.map(publicAttachment),
    ...(row.warnings.length > 0 ? { warnings: row.warnings } : {}),
  };
}

/** An inbox item: the document, the caller's delivery and the latest status it reported (`undefined`: none). */
export function inboxItem(doc: DocMeta, d: DeliveryRow, latest: StatusShown | undefined): InboxItem {
  return inboxItemOf(summary(doc), d, latest);
}

/** {@link inboxItem} from the document's summary. */
export function inboxItemOf(doc: DocumentSummary, d: DeliveryRow, latest: StatusShown | undefined): InboxItem {
  return {
    ...doc,
    state: d.state as InboxItem['state'],
    deliveredAt: iso(d.delivered_at),
    acknowledgedAt: d.acknowledged_at ? iso(d.acknowledged_at) : null,
    status: latest ? statusEntry(latest) : null,
  };
}

/**
 * The delivery belongs to the recipient's current registration: an agency deleted and registered again starts with
 * an empty inbox (deliveries older than its `registered_at` stay with the sender's trace, unseen by the new one).
 */
export function currentRegistration(alias: 'd' | 'deliveries') {
  return sql<boolean>`exists (select 1 from agencies ag where ag.code = ${sql.ref(`${alias}.recipient`)} and ${sql.ref(`${alias}.delivered_at`)} >= ag.registered_at)`;
}

export const encodeCursor = (seq: number): string => Buffer.from(`s${seq}`).toString('base64url');
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const m = /^s(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  // A sequence is a bigint: anything longer than 15 digits (2^53 and far beyond 2^63) is no cursor this hub gave.
  if (!m) throw new HubError('VALIDATION_FAILED', { field: 'cursor' });
  return Number(m[1]);
}

/** The delivery of a row of {@link deliveriesWithDocuments}. */
export function deliveryOf(r: {
  id: string;
  d_seq: number;
  d_recipient: string;
  d_state: string;
  d_delivered_at: Date;
  d_acknowledged_at: Date | null;
  d_ack_reason: string | null;
}): DeliveryRow {
  return {
    seq: r.d_seq,
    document_id: r.id,
    recipient: r.d_recipient,
    state: r.d_state,
    delivered_at: r.d_delivered_at,
    acknowledged_at: r.d_acknowledged_at,
    ack_reason: r.d_ack_reason,
  };
}

/** The columns of a delivery `d`, prefixed `d_` (read back with {@link deliveryOf}). */
export const DELIVERY_AS_D = [
  'd.seq as d_seq',
  'd.state as d_state',
  'd.delivered_at as d_delivered_at',
  'd.acknowledged_at as d_acknowledged_at',
  'd.ack_reason as d_ack_reason',
  'd.recipient as d_recipient',
] as const;

/** The columns of the latest status `ls` ({@link latestStatusOfDelivery}; read back with {@link latestStatusOf}). */
export const LATEST_STATUS_AS_S = ['ls.s_code', 'ls.s_description', 'ls.s_staff', 'ls.s_at'] as const;

/** Deliveries joined with their documents: the document's columns, and the delivery's prefixed `d_`. */
export function deliveriesWithDocuments(db: Kysely<Database>) {
  return db.selectFrom('deliveries as d').innerJoin('documents as doc', 'doc.id', 'd.document_id').select(DOC_META_AS_DOC).select(DELIVERY_AS_D);
}

/** The lateral subquery `ls`: the latest status reported on delivery `d` (a query that names its delivery `d`). */
export function latestStatusOfDelivery(eb: ExpressionBuilder<Database & { d: Database['deliveries'] }, 'd'>) {
  return eb
    .selectFrom('statuses as s')
    .select(['s.code as s_code', 's.description as s_description', 's.staff as s_staff', 's.at as s_at'])
    .whereRef('s.document_id', '=', 'd.document_id')
    .whereRef('s.recipient', '=', 'd.recipient')
    .orderBy('s.id', 'desc')
    .limit(1)
    .as('ls');
}

/** The latest status of a row that joined {@link latestStatusOfDelivery} and selected {@link LATEST_STATUS_AS_S}. */
export function latestStatusOf(r: { s_code: string | null; s_description: string | null; s_staff: string | null; s_at: Date | null }): StatusShown | undefined {
  return r.s_code !== null && r.s_at !== null ? { code: r.s_code, description: r.s_description, staff: r.s_staff, at: r.s_at } : undefined;
}

/** The statuses of these documents (every recipient's), oldest first, keyed `documentId|recipient`. */
export async function statusesOf(db: Kysely<Database>, documentIds: string[]): Promise<Map<string, StatusRow[]>> {
  const out = new Map<string, StatusRow[]>();
  if (documentIds.length === 0) return out;
  const q = db.selectFrom('statuses').selectAll().where('document_id', 'in', documentIds);
  for (const row of await q.orderBy('id').execute()) {
    const key = `${row.document_id}|${row.recipient}`;
    out.set(key, [...(out.get(key) ?? []), row]);
  }
  return out;
}
