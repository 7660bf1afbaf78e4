// Documents and their deliveries: sending (check, store the package, one delivery per recipient, exactly once per
// (sender, message id)), and reading them back (inbox, sent list, access checks, the package bytes).
import { checkEdxml, type EdxmlDocumentPackage } from '@egov-vn/edxml';
import type { DocumentSummary, InboxItem, InboxPage, SentPage } from '@egov-vn/exchange-api';
import { isSecretClassification } from '@egov-vn/schemas';
import { sql, type Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import type { AttachmentRow, Database } from '../db.js';
import { HubError } from '../hub-error.js';
import type { Directory } from './directory.js';
import { axisRecipient, axisSender, invalidPackage, isSafeContentType, warningRows } from './packages.js';
import {
  currentRegistration,
  decodeCursor,
  DELIVERY_AS_D,
  LATEST_STATUS_AS_S,
  deliveryOf,
  encodeCursor,
  inboxItemOf,
  latestStatusOf,
  latestStatusOfDelivery,
  newDocumentId,
  type StatusShown,
  summary,
} from './rows.js';
import {
  type Caller,
  type CheckProfile,
  DOC_META,
  DOC_META_AS_DOC,
  type DeliveryRow,
  type DocMeta,
  type DocRow,
  type NewDocument,
  type SendInput,
  type SendResult,
  type StoreOptions,
} from './types.js';

/** Document summaries kept in memory by default (about 1 kB each). */
export const DEFAULT_DOCUMENT_CACHE_SIZE = 20_000;

/** How a package sent with `profile` is checked (once): Vietnamese messages (both languages are rebuilt from the codes). */
export function checkOptions(profile: CheckProfile): { lang: 'vi'; warnings: boolean; profile: CheckProfile } {
  return { lang: 'vi', warnings: profile === 'axis', profile };
}

export class Documents {
  #queue: Array<{ row: NewDocument; resolve: (r: DocRow | undefined) => void; reject: (e: unknown) => void }> = [];
  #flushing = false;
  /** Summaries of stored documents by id, in order of last use (see {@link summaries}). */
  #summaries = new Map<string, DocumentSummary>();

  constructor(
    readonly db: Kysely<Database>,
    readonly options: StoreOptions,
    readonly directory: Directory,
  ) {}

  // ---------- sending ----------

  /** Checks and stores a document package and delivers it once to each recipient. */
  async send(caller: Caller, input: SendInput): Promise<SendResult> {
    const bytes = typeof input.edxml === 'string' ? new TextEncoder().encode(input.edxml) : input.edxml;
    if (bytes.length > this.options.maxPackageBytes) {
      throw new HubError('PAYLOAD_TOO_LARGE', { limit: this.options.maxPackageBytes, size: bytes.length });
    }
    const bodySha256 = createHash('sha256').update(bytes).update(input.paper === undefined ? '' : `|paper=${input.paper}`).digest('hex');
    const messageId = input.messageId ?? `sha256:${bodySha256}`;
    const profile = input.profile ?? 'strict';
    // Checked once: here, or while the body streamed in (a report made with the same options, see SendInput.report).
    const report = input.report ?? (await checkEdxml(bytes, checkOptions(profile)));
    // The secret-document guard decides on the folded classification (one function for schemas, client and hub).
    if (
      report.issues.some((i) => i.severity === 'error' && i.code === 'EDXML_SECRET_DOCUMENT') ||
      (report.package?.kind === 'document' && isSecretClassification(report.package.header.otherInfo?.sphereOfPromulgation))
    ) {
      throw new HubError('SECRET_DOCUMENT');
    }
    if (!report.ok || report.kind !== 'document' || report.package?.kind !== 'document') {
      throw invalidPackage(report, 'document');
    }
    const pkg: EdxmlDocumentPackage = report.package;
    const warnings = warningRows(report);
    const from = profile === 'axis' ? axisSender(pkg.header.from?.organId, caller.agency) : pkg.header.from?.organId;
    if (!from || from !== caller.agency) {
      throw new HubError('SENDER_MISMATCH', { from: from ?? null, agency: caller.agency });
    }
    const recipients = [
      ...new Set(
        pkg.header.to
          .map((t) => (profile === 'axis' ? axisRecipient(t.organId) : t.organId))
          .filter((x): x is string => !!x),
      ),
    ];
    if (recipients.length === 0) {
      throw new HubError('UNKNOWN_RECIPIENT', { unknown: [] }, {
        vi: 'Gói tin không có cơ quan nhận (To/OrganId).',
        en: 'The package names no recipient (To/OrganId).',
      });
    }
    const unknown = await this.directory.unknownAgencies(recipients);
    if (unknown.length > 0) {
      throw new HubError('UNKNOWN_RECIPIENT', { unknown }, {
        vi: `Cơ quan nhận không có trong danh bạ của trục: ${unknown.join(', ')}.`,
        en: `Recipient agencies not in the hub directory: ${unknown.join(', ')}.`,
      });
    }
    const badType = pkg.attachments.findIndex((a) => a.contentType !== undefined && !isSafeContentType(a.contentType));
    if (badType >= 0) {
      throw new HubError('INVALID_EDXML', { issues: [{ code: 'EDXML_CONTENT_TYPE', path: `/Attachment/${badType}/ContentType`, message: {
        vi: `Tệp đính kèm ${badType + 1}: ContentType không phải kiểu MIME hợp lệ (có ký tự điều khiển hoặc xuống dòng).`,
        en: `Attachment ${badType + 1}: ContentType is not a valid MIME type (control characters or line breaks).`,
      } }] }, {
        vi: `Tệp đính kèm ${badType + 1}: ContentType không phải kiểu MIME hợp lệ.`,
        en: `Attachment ${badType + 1}: ContentType is not a valid MIME type.`,
      });
    }
    // Where each attachment's encoded content lies in the package, as the reader found it while checking (plain base64
    // text only; none for CDATA, split content or placeholders): a download then reads only that range.
    const attachments: AttachmentRow[] = pkg.attachments.map((a, index) => {
      const row: AttachmentRow = {
        index,
        name: a.attachmentName ?? a.description ?? `attachment-${index + 1}`,
        contentType: a.contentType ?? 'application/octet-stream',
        size: a.size ?? 0,
      };
      const range = a.encodedRange;
      if (range && a.placeholder === undefined) row.encoded = { offset: range.offset, length: range.length };
      return row;
    });
    const code = pkg.header.code;
    const notation =
      code?.codeNumber || code?.codeNotation ? [code.codeNumber, code.codeNotation].filter(Boolean).join('/') : null;
    const now = new Date();
    const id = newDocumentId(now.getTime());
    const row = await this.#insert({
      id,
      message_id: messageId,
      sender: from,
      body_sha256: bodySha256,
      edxml: bytes,
      edxml_document_id: pkg.header.documentId ?? null,
      from_name: pkg.header.from?.organName ?? null,
      subject: pkg.header.subject ?? null,
      notation,
      promulgation_date: pkg.header.promulgationInfo?.promulgationDate ?? null,
      priority: pkg.header.otherInfo?.priority ?? null,
      paper: input.paper ?? pkg.traceHeaderList?.bussiness?.paper === 1,
      signed: pkg.signature !== undefined,
      size: bytes.length,
      recipients,
      attachments: JSON.stringify(attachments),
      warnings: JSON.stringify(warnings),
      sent_at: now,
    });
    const result: SendResult | undefined = row && {
      document: { ...row, attachments, warnings },
      deliveries: recipients.map((r) => ({
        seq: 0,
        document_id: id,
        recipient: r,
        state: 'pending',
        delivered_at: now,
        acknowledged_at: null,
        ack_reason: null,
      })),
      duplicate: false,
    };
    if (result) return result;
    // The message id exists: a retry, a duplicate, or a concurrent send that won the race.
    const earlier = await this.#findSent(caller.agency, messageId);
    if (!earlier) throw new HubError('INTERNAL');
    return this.#duplicate(earlier, bodySha256);
  }

  /**
   * Queues a document for the next insert statement. Concurrent sends are written together: one statement stores the
   * documents and one delivery per recipient, skipping any whose (sender, message id) exists already (a retry or a
   * duplicate send). One statement is atomic without an explicit transaction, and one round trip serves many sends.
   */
  #insert(row: NewDocument): Promise<DocRow | undefined> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ row, resolve, reject });
      if (!this.#flushing) void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    try {
      while (this.#queue.length > 0) {
        // Let the sends that arrive in the same turn join the batch.
        await new Promise((r) => setImmediate(r));
        const batch = this.#queue.splice(0, 100);
        const seen = new Set<string>();
        const first = batch.filter((b) => {
          const key = `${b.row.sender}\n${b.row.message_id}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        try {
          const values = first.map(
            ({ row: r }) =>
              sql`(${r.id}, 'edoc', ${r.message_id}, ${r.sender}, ${r.body_sha256}, ${r.edxml}, ${r.edxml_document_id},
                ${r.from_name}, ${r.subject}, ${r.notation}, ${r.promulgation_date}, ${r.priority}, ${r.paper}, ${r.signed},
                ${r.size}, ${r.recipients}::text[], ${r.attachments}::jsonb, ${r.warnings}::jsonb, ${r.sent_at}::timestamptz)`,
          );
          const result = await sql<DocRow>`
            with doc as (
              insert into documents (id, kind, message_id, sender, body_sha256, edxml, edxml_document_id, from_name,
                subject, notation, promulgation_date, priority, paper, signed, size, recipients, attachments, warnings, sent_at)
              values ${sql.join(values)}
              on conflict (sender, message_id) do nothing
              returning *
            ), deliveries as (
              insert into deliveries (document_id, recipient, state, delivered_at, edoc)
              select doc.id, r, 'pending', doc.sent_at, true from doc, unnest(doc.recipients) with ordinality as u(r, n)
              order by doc.seq, u.n
              returning 1
            )
            select doc.*, (select count(*) from deliveries) as delivered from doc`.execute(this.db);
          const byId = new Map(result.rows.map((r) => [r.id, r]));
          for (const b of batch) b.resolve(byId.get(b.row.id));
        } catch (e) {
          for (const b of batch) b.reject(e);
        }
      }
    } finally {
      this.#flushing = false;
    }
  }

  async #findSent(sender: string, messageId: string): Promise<DocMeta | undefined> {
    return this.db
      .selectFrom('documents')
      .select(DOC_META)
      .where('sender', '=', sender)
      .where('message_id', '=', messageId)
      .executeTakeFirst();
  }

  async #duplicate(row: DocMeta, bodySha256: string): Promise<SendResult> {
    if (row.body_sha256 !== bodySha256) throw new HubError('IDEMPOTENCY_CONFLICT', { documentId: row.id });
    const deliveries = await this.db.selectFrom('deliveries').selectAll().where('document_id', '=', row.id).execute();
    return { document: row, deliveries, duplicate: true };
  }

  // ---------- reading ----------

  async inbox(
    caller: Caller,
    q: { state: string; status?: string; sender?: string; since?: string; until?: string; cursor?: string; limit: number },
  ): Promise<InboxPage> {
    const after = decodeCursor(q.cursor);
    // The deliveries and their latest statuses only: the documents' metadata (immutable once stored) comes from the
    // summary cache, and the database is asked only for those it has not seen.
    let query = this.db
      .selectFrom('deliveries as d')
      .select(['d.document_id as id', ...DELIVERY_AS_D])
      .leftJoinLateral(latestStatusOfDelivery, (join) => join.onTrue())
      .select(LATEST_STATUS_AS_S)
      .where('d.recipient', '=', caller.agency)
      .where(currentRegistration('d'))
      .where('d.edoc', '=', true)
      .where('d.seq', '>', after);
    if (q.state !== 'all') query = query.where('d.state', '=', q.state);
    if (q.sender) {
      const sender = q.sender;
      query = query.where((eb) =>
        eb.exists(eb.selectFrom('documents as doc').select(sql.lit(1).as('one')).whereRef('doc.id', '=', 'd.document_id').where('doc.sender', '=', sender)),
      );
    }
    if (q.since) query = query.where('d.delivered_at', '>=', new Date(q.since));
    if (q.until) query = query.where('d.delivered_at', '<', new Date(q.until));
    if (q.status) {
      const code = q.status;
      query = query.where((eb) =>
        eb
          .selectFrom('statuses as s')
          .select('s.code')
          .whereRef('s.document_id', '=', 'd.document_id')
          .whereRef('s.recipient', '=', 'd.recipient')
          .orderBy('s.id', 'desc')
          .limit(1),
        '=',
        code,
      );
    }
    const rows = await query.orderBy('d.seq').limit(q.limit + 1).execute();
    const page = rows.slice(0, q.limit);
    const summaries = await this.summaries(page.map((r) => r.id));
    const items: InboxItem[] = [];
    for (const r of page) {
      const doc = summaries.get(r.id);
      // (the hub deletes no document, and a delivery cannot outlive its document: always found)
      if (doc) items.push(inboxItemOf(doc, deliveryOf(r), latestStatusOf(r)));
    }
    const last = page.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.d_seq) : null };
  }

  /**
   * The summaries of documents by id, from the bounded cache (least recently used dropped first) or, for those not in
   * it, from one query. A stored document is never changed nor deleted (statuses and deliveries live in their own
   * tables), so a cached summary never goes stale.
   */
  async summaries(ids: readonly string[]): Promise<Map<string, DocumentSummary>> {
    const found = new Map<string, DocumentSummary>();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = this.#summaries.get(id);
      if (cached) {
        this.#summaries.delete(id);
        this.#summaries.set(id, cached);
        found.set(id, cached);
      } else missing.push(id);
    }
    if (missing.length > 0) {
      const rows = await this.db.selectFrom('documents').select(DOC_META).where('id', 'in', missing).execute();
      for (const row of rows) {
        const s = summary(row);
        found.set(row.id, s);
        this.#remember(row.id, s);
      }
    }
    return found;
  }

  #remember(id: string, s: DocumentSummary): void {
    const max = this.options.documentCacheSize ?? DEFAULT_DOCUMENT_CACHE_SIZE;
    if (max <= 0) return;
    this.#summaries.set(id, s);
    if (this.#summaries.size > max) {
      const oldest = this.#summaries.keys().next();
      if (!oldest.done) this.#summaries.delete(oldest.value);
    }
  }

  async sent(caller: Caller, q: { since?: string; until?: string; cursor?: string; limit: number }): Promise<SentPage> {
    const after = decodeCursor(q.cursor);
    let query = this.db
      .selectFrom('documents')
      .select(DOC_META)
      .where('sender', '=', caller.agency)
      .where('kind', '=', 'edoc')
      .where('seq', '>', after);
    if (q.since) query = query.where('sent_at', '>=', new Date(q.since));
    if (q.until) query = query.where('sent_at', '<', new Date(q.until));
    const rows = await query.orderBy('seq').limit(q.limit + 1).execute();
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return { items: page.map(summary), nextCursor: rows.length > q.limit && last ? encodeCursor(last.seq) : null };
  }

  /** The document as the caller may see it: as its sender or as one of its recipients; otherwise NOT_FOUND. */
  async access(caller: Caller, id: string): Promise<{ doc: DocMeta; delivery: DeliveryRow | undefined }> {
    const row = await this.db
      .selectFrom('documents as doc')
      .leftJoin('deliveries as d', (join) =>
        join.onRef('d.document_id', '=', 'doc.id').on('d.recipient', '=', caller.agency).on(currentRegistration('d')),
      )
      .select(DOC_META_AS_DOC)
      .select(DELIVERY_AS_D)
      .where('doc.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new HubError('NOT_FOUND');
    const { d_seq, d_state, d_delivered_at, d_acknowledged_at, d_ack_reason, d_recipient, ...doc } = row;
    const delivery =
      d_seq !== null && d_state !== null && d_delivered_at !== null && d_recipient !== null
        ? deliveryOf({ id, d_seq, d_state, d_delivered_at, d_acknowledged_at, d_ack_reason, d_recipient })
        : undefined;
    if (doc.sender !== caller.agency && !delivery) throw new HubError('NOT_FOUND');
    return { doc, delivery };
  }

  /** The package bytes of a document (after an access check). */
  async edxmlOf(id: string): Promise<Uint8Array> {
    const row = await this.db.selectFrom('documents').select('edxml').where('id', '=', id).executeTakeFirst();
    if (!row) throw new HubError('NOT_FOUND');
    return row.edxml;
  }

  /**
   * The document (GET /v1/documents/{id}) with the caller's delivery and the latest status it reported: one query
   * for the delivery and its status when the summary is cached, else one that reads the document too. NOT_FOUND
   * unless the caller sent or received it.
   */
  async view(caller: Caller, id: string) {
    let document = this.#summaries.get(id);
    let delivery: DeliveryRow | undefined;
    let latest: StatusShown | undefined;
    if (document) {
      const row = await this.db
        .selectFrom('deliveries as d')
        .leftJoinLateral(latestStatusOfDelivery, (join) => join.onTrue())
        .select(DELIVERY_AS_D)
        .select(LATEST_STATUS_AS_S)
        .where('d.document_id', '=', id)
        .where('d.recipient', '=', caller.agency)
        .where(currentRegistration('d'))
        .executeTakeFirst();
      if (row) {
        delivery = deliveryOf({ id, ...row });
        latest = latestStatusOf(row);
      }
    } else {
      const row = await this.db
        .selectFrom('documents as doc')
        .leftJoin('deliveries as d', (join) =>
          join.onRef('d.document_id', '=', 'doc.id').on('d.recipient', '=', caller.agency).on(currentRegistration('d')),
        )
        .leftJoinLateral(latestStatusOfDelivery, (join) => join.onTrue())
        .select(DOC_META_AS_DOC)
        .select(DELIVERY_AS_D)
        .select(LATEST_STATUS_AS_S)
        .where('doc.id', '=', id)
        .executeTakeFirst();
      if (!row) throw new HubError('NOT_FOUND');
      const { d_seq, d_state, d_delivered_at, d_acknowledged_at, d_ack_reason, d_recipient, s_code, s_description, s_staff, s_at, ...doc } = row;
      document = summary(doc);
      this.#remember(id, document);
      if (d_seq !== null && d_state !== null && d_delivered_at !== null && d_recipient !== null) {
        delivery = deliveryOf({ id, d_seq, d_state, d_delivered_at, d_acknowledged_at, d_ack_reason, d_recipient });
        latest = latestStatusOf({ s_code, s_description, s_staff, s_at });
      }
    }
    if (document.from !== caller.agency && !delivery) throw new HubError('NOT_FOUND');
    const role = document.from === caller.agency ? ('sender' as const) : ('recipient' as const);
    let own = null;
    if (delivery) {
      const item = inboxItemOf(document, delivery, latest);
      own = { state: item.state, deliveredAt: item.deliveredAt, acknowledgedAt: item.acknowledgedAt, status: item.status };
    }
    return { document, role, delivery: own };
  }
}
