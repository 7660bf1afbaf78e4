// The hub's storage and delivery rules, independent of HTTP: the REST API (and later the axis-compatible API) call
// these functions, so both share one inbox, one delivery record per recipient and one status history.
import {
  buildEdxml,
  checkEdxml,
  statusCodeInfo,
  type EdxmlCheckReport,
  type EdxmlStatusPackage,
  type EdxmlDocumentPackage,
  type EdxmlIssue,
} from '@egov-vn/edxml';
import {
  type Agency,
  type AgencyPage,
  type DocumentSummary,
  type InboxItem,
  type InboxPage,
  type SentPage,
  type Stats,
  type StatusCode,
  type StatusEntry,
  statusRank,
  type Trace,
  type ErrorIssue,
} from '@egov-vn/exchange-api';
import { classifyAgencyCode, foldForSearch, isSecretClassification, statusTransition } from '@egov-vn/schemas';
import { sql, type Kysely, type Selectable } from 'kysely';
import { randomBytes, createHash } from 'node:crypto';
import type { AgencyTable, AttachmentRow, Database, DeliveryTable, DocumentTable, StatusTable, WarningRow } from './db.js';
import { HubError } from './hub-error.js';

/** How a system's `XroadVnpt-timestamp` (no zone in it) is read. */
export type AxisTimeZone = 'Asia/Ho_Chi_Minh' | 'UTC' | 'either';

export interface SeedSystem {
  systemId: string;
  secret: string;
  /** How its axis timestamps are read (default `either`: the Việt Nam reading or the UTC reading). */
  timeZone?: AxisTimeZone;
  agencies: Array<{ code: string; name: string; email?: string }>;
}

export interface Seed {
  systems: SeedSystem[];
}

/** Who is calling: an authenticated system acting for one of its agencies. */
export interface Caller {
  systemId: string;
  agency: string;
}

type DocRow = Selectable<DocumentTable>;
/** A document without its package bytes: what listings and access checks read (never the full edXML). */
export type DocMeta = Omit<DocRow, 'edxml'>;
const DOC_META = [
  'seq',
  'id',
  'kind',
  'message_id',
  'sender',
  'body_sha256',
  'edxml_document_id',
  'from_name',
  'subject',
  'notation',
  'promulgation_date',
  'priority',
  'paper',
  'signed',
  'size',
  'recipients',
  'attachments',
  'warnings',
  'sent_at',
] as const;
const DOC_META_AS_DOC = DOC_META.map((c) => `doc.${c}` as const);
type NewDocument = Omit<DocRow, 'seq' | 'kind' | 'attachments' | 'warnings'> & { attachments: string; warnings: string };
type DeliveryRow = Selectable<DeliveryTable>;
type StatusRow = Selectable<StatusTable>;

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

/** `yyyy/MM/dd HH:mm:ss` in Việt Nam time (UTC+7), as edXML timestamps are written. */
function edxmlTimestamp(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return `${t.slice(0, 4)}/${t.slice(5, 7)}/${t.slice(8, 10)} ${t.slice(11, 19)}`;
}

/** A 24-hex id like the axis DocId: 4 bytes of seconds then 8 random bytes. */
export function newDocumentId(now = Date.now()): string {
  const t = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0');
  return t + randomBytes(8).toString('hex');
}

function toIssue(i: EdxmlIssue, en: EdxmlIssue | undefined): ErrorIssue {
  const out: ErrorIssue = { code: i.code, message: { vi: i.message, en: en?.message ?? i.message } };
  if (i.location?.path) out.path = i.location.path;
  if (i.location?.line !== undefined) out.line = i.location.line;
  if (i.location?.column !== undefined) out.column = i.location.column;
  return out;
}

/** The checker's warnings in both languages, as stored with a delivery (`documents.warnings`). */
async function warningRows(bytes: Uint8Array, report: EdxmlCheckReport): Promise<WarningRow[]> {
  const vi = report.issues.filter((i) => i.severity === 'warning');
  if (vi.length === 0) return [];
  const en = (await checkEdxml(bytes, { lang: 'en', profile: report.profile })).issues.filter((i) => i.severity === 'warning');
  return vi.map((i, k) => {
    const row: WarningRow = { code: i.code, message: { vi: i.message, en: en[k]?.message ?? i.message } };
    if (i.location?.path) row.path = i.location.path;
    return row;
  });
}

/** INVALID_EDXML with the checker's located issues in Vietnamese and English (and why the kind is wrong). */
async function invalidPackage(bytes: Uint8Array, report: EdxmlCheckReport, expected: 'document' | 'status'): Promise<HubError> {
  const errors = report.issues.filter((i) => i.severity === 'error');
  const en = (await checkEdxml(bytes, { lang: 'en', warnings: false, profile: report.profile })).issues.filter((i) => i.severity === 'error');
  const issues = errors.map((i, k) => toIssue(i, en[k]));
  if (report.ok && report.kind !== expected) {
    issues.push(
      expected === 'document'
        ? {
            code: 'NOT_A_DOCUMENT_PACKAGE',
            message: {
              vi: 'Gói tin trạng thái được gửi bằng thao tác cập nhật trạng thái, không phải gửi văn bản.',
              en: 'A status package is sent with the status operation, not as a document.',
            },
          }
        : {
            code: 'NOT_A_STATUS_PACKAGE',
            message: {
              vi: 'Gói tin văn bản được gửi với messagetype=edoc, không phải status.',
              en: 'A document package is sent with messagetype=edoc, not status.',
            },
          },
    );
  }
  const first = issues[0];
  return new HubError(
    'INVALID_EDXML',
    { issues },
    first
      ? { vi: `Gói tin edXML không hợp lệ: ${first.message.vi}`, en: `The edXML package is not valid: ${first.message.en}` }
      : undefined,
  );
}

function statusEntry(row: StatusRow): StatusEntry {
  const info = statusCodeInfo(row.code);
  return {
    code: row.code as StatusCode,
    label: { vi: info?.vi ?? row.code, en: info?.en ?? row.code },
    description: row.description,
    staff: row.staff,
    at: iso(row.at),
  };
}

function summary(row: DocMeta): DocumentSummary {
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
    attachments: row.attachments,
    ...(row.warnings.length > 0 ? { warnings: row.warnings } : {}),
  };
}

/**
 * The delivery belongs to the recipient's current registration: an agency deleted and registered again starts with
 * an empty inbox (deliveries older than its `registered_at` stay with the sender's trace, unseen by the new one).
 */
function currentRegistration(alias: 'd' | 'deliveries') {
  return sql<boolean>`exists (select 1 from agencies ag where ag.code = ${sql.ref(`${alias}.recipient`)} and ${sql.ref(`${alias}.delivered_at`)} >= ag.registered_at)`;
}

/** A MIME type as a header may carry it: `type/subtype` and parameters, printable ASCII only (no CR, LF, NUL). */
export function isSafeContentType(value: string): boolean {
  return value.length <= 255 && /^[A-Za-z0-9][\w!#$&^.+-]*\/[A-Za-z0-9][\w!#$&^.+-]*(?:\s*;\s*[\w!#$&^.+-]+=(?:[\w!#$&^.+-]+|"[\x20-\x21\x23-\x7e]*"))*$/.test(value);
}

const encodeCursor = (seq: number): string => Buffer.from(`s${seq}`).toString('base64url');
function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const m = /^s(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  // A sequence is a bigint: anything longer than 15 digits (2^53 and far beyond 2^63) is no cursor this hub gave.
  if (!m) throw new HubError('VALIDATION_FAILED', { field: 'cursor' });
  return Number(m[1]);
}

/** The delivery of a row of `#deliveriesWithDocuments`. */
function deliveryOf(r: {
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

/**
 * `strict` (the text of QCVN 102:2016: /v1, and /vxp with HUB_STRICT=1) or `axis` (what the national axis accepts:
 * only what breaks delivery is refused, every deviation is a warning stored with the delivery).
 */
export type CheckProfile = 'strict' | 'axis';

export interface SendInput {
  edxml: string;
  /** Default `strict`. */
  profile?: CheckProfile;
  messageId?: string;
  paper?: boolean;
}

export interface SendResult {
  document: DocMeta;
  deliveries: DeliveryRow[];
  duplicate: boolean;
}

export interface StoreOptions {
  /** Largest accepted edXML package in bytes. */
  maxPackageBytes: number;
}

export interface SystemEntry {
  secret: string;
  agencies: Set<string>;
  /** How its axis timestamps are read (absent: `either`). */
  timeZone?: AxisTimeZone;
}

export class HubStore {
  /** systemId → secret, agencies; refreshed from the database on a miss. */
  #systems = new Map<string, SystemEntry>();
  #unknownSystems = new Set<string>();
  #agencyCodes: Set<string> | undefined;
  #queue: Array<{ row: NewDocument; resolve: (r: DocRow | undefined) => void; reject: (e: unknown) => void }> = [];
  #flushing = false;

  constructor(
    readonly db: Kysely<Database>,
    readonly options: StoreOptions,
  ) {}

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** Adds (or updates) the systems and agencies of a seed. */
  async seed(seed: Seed): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      for (const s of seed.systems) {
        await tx
          .insertInto('systems')
          .values({ id: s.systemId, secret: s.secret, time_zone: s.timeZone ?? 'either' })
          .onConflict((oc) => oc.column('id').doUpdateSet({ secret: s.secret, time_zone: s.timeZone ?? 'either' }))
          .execute();
        for (const a of s.agencies) {
          await tx
            .insertInto('agencies')
            .values({ code: a.code, name: a.name, email: a.email ?? null, system_id: s.systemId, updated_at: new Date(), registered_at: new Date() })
            .onConflict((oc) =>
              oc.column('code').doUpdateSet({ name: a.name, email: a.email ?? null, system_id: s.systemId }),
            )
            .execute();
        }
      }
    });
    this.#systems.clear();
    this.#unknownSystems.clear();
    this.#agencyCodes = undefined;
  }

  async system(systemId: string): Promise<SystemEntry | undefined> {
    const cached = this.#systems.get(systemId);
    if (cached) return cached;
    // Unknown ids are remembered too (bounded), so that a stranger costs what a known system costs: no database round
    // trip tells them apart by time. Systems change only through the seed, which clears both caches.
    if (this.#unknownSystems.has(systemId)) return undefined;
    const row = await this.db.selectFrom('systems').select(['secret', 'time_zone']).where('id', '=', systemId).executeTakeFirst();
    if (!row) {
      if (this.#unknownSystems.size >= 10_000) this.#unknownSystems.clear();
      this.#unknownSystems.add(systemId);
      return undefined;
    }
    const agencies = await this.db.selectFrom('agencies').select('code').where('system_id', '=', systemId).execute();
    const entry: SystemEntry = { secret: row.secret, agencies: new Set(agencies.map((a) => a.code)), timeZone: row.time_zone as AxisTimeZone };
    this.#systems.set(systemId, entry);
    return entry;
  }

  // ---------- replay stores (in the database: they survive restarts and are shared by several hubs) ----------

  #lastNoncePrune = Number.NEGATIVE_INFINITY;
  #lastAxisPrune = Number.NEGATIVE_INFINITY;

  /**
   * Records a /v1 nonce; false when it was used within `ttlMs` (a replay). Rows older than `ttlMs` are pruned (at most
   * every quarter of it): a request that old is refused by its timestamp anyway, so the table holds at most one
   * window of requests.
   */
  async useNonce(systemId: string, nonce: string, now: number, ttlMs: number): Promise<boolean> {
    const cutoff = new Date(now - ttlMs);
    if (now - this.#lastNoncePrune > ttlMs / 4) {
      this.#lastNoncePrune = now;
      await this.db.deleteFrom('nonces').where('seen_at', '<', cutoff).execute();
    }
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
   * retry (true). Rows older than `retentionMs` are pruned.
   */
  async useAxisHeaderSet(
    use: { systemId: string; timestamp: string; hashHeader: string; operation: string; bodySha256: string },
    now: number,
    retentionMs: number,
  ): Promise<boolean> {
    if (now - this.#lastAxisPrune > 60_000) {
      this.#lastAxisPrune = now;
      await this.db.deleteFrom('axis_replay').where('seen_at', '<', new Date(now - retentionMs)).execute();
    }
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

  // ---------- sending ----------

  /** Checks and stores a document package and delivers it once to each recipient. */
  async send(caller: Caller, input: SendInput): Promise<SendResult> {
    const bytes = new TextEncoder().encode(input.edxml);
    if (bytes.length > this.options.maxPackageBytes) {
      throw new HubError('PAYLOAD_TOO_LARGE', { limit: this.options.maxPackageBytes, size: bytes.length });
    }
    const bodySha256 = createHash('sha256').update(bytes).update(input.paper === undefined ? '' : `|paper=${input.paper}`).digest('hex');
    const messageId = input.messageId ?? `sha256:${bodySha256}`;
    const profile = input.profile ?? 'strict';
    const report = await checkEdxml(bytes, { lang: 'vi', warnings: profile === 'axis', profile });
    // The secret-document guard decides on the folded classification (one function for schemas, client and hub).
    if (
      report.issues.some((i) => i.severity === 'error' && i.code === 'EDXML_SECRET_DOCUMENT') ||
      (report.package?.kind === 'document' && isSecretClassification(report.package.header.otherInfo?.sphereOfPromulgation))
    ) {
      throw new HubError('SECRET_DOCUMENT');
    }
    if (!report.ok || report.kind !== 'document' || report.package?.kind !== 'document') {
      throw await invalidPackage(bytes, report, 'document');
    }
    const pkg: EdxmlDocumentPackage = report.package;
    const warnings = await warningRows(bytes, report);
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
    const unknown = await this.#unknownAgencies(recipients);
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
    const attachments: AttachmentRow[] = pkg.attachments.map((a, index) => ({
      index,
      name: a.attachmentName ?? a.description ?? `attachment-${index + 1}`,
      contentType: a.contentType ?? 'application/octet-stream',
      size: a.size ?? 0,
    }));
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
              insert into deliveries (document_id, recipient, state, delivered_at)
              select doc.id, r, 'pending', doc.sent_at from doc, unnest(doc.recipients) with ordinality as u(r, n)
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

  /** The codes not in the directory (cached; a miss reloads it, deleting an agency drops the cache). */
  async #unknownAgencies(codes: string[]): Promise<string[]> {
    if (!this.#agencyCodes || codes.some((c) => !this.#agencyCodes?.has(c))) {
      const rows = await this.db.selectFrom('agencies').select('code').execute();
      this.#agencyCodes = new Set(rows.map((r) => r.code));
    }
    const known = this.#agencyCodes;
    return codes.filter((c) => !known.has(c));
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

  async #latestStatuses(documentIds: string[], recipient?: string): Promise<Map<string, StatusRow[]>> {
    const out = new Map<string, StatusRow[]>();
    if (documentIds.length === 0) return out;
    let q = this.db.selectFrom('statuses').selectAll().where('document_id', 'in', documentIds);
    if (recipient) q = q.where('recipient', '=', recipient);
    for (const row of await q.orderBy('id').execute()) {
      const key = `${row.document_id}|${row.recipient}`;
      out.set(key, [...(out.get(key) ?? []), row]);
    }
    return out;
  }

  /** Deliveries joined with their documents: the document's columns, and the delivery's prefixed `d_`. */
  #deliveriesWithDocuments() {
    return this.db
      .selectFrom('deliveries as d')
      .innerJoin('documents as doc', 'doc.id', 'd.document_id')
      .select(DOC_META_AS_DOC)
      .select([
        'd.seq as d_seq',
        'd.state as d_state',
        'd.delivered_at as d_delivered_at',
        'd.acknowledged_at as d_acknowledged_at',
        'd.ack_reason as d_ack_reason',
        'd.recipient as d_recipient',
      ]);
  }

  #inboxItem(doc: DocMeta, d: DeliveryRow, statuses: StatusRow[] | undefined): InboxItem {
    const latest = statuses?.at(-1);
    return {
      ...summary(doc),
      state: d.state as InboxItem['state'],
      deliveredAt: iso(d.delivered_at),
      acknowledgedAt: d.acknowledged_at ? iso(d.acknowledged_at) : null,
      status: latest ? statusEntry(latest) : null,
    };
  }

  async inbox(
    caller: Caller,
    q: { state: string; status?: string; sender?: string; since?: string; until?: string; cursor?: string; limit: number },
  ): Promise<InboxPage> {
    const after = decodeCursor(q.cursor);
    let query = this.#deliveriesWithDocuments()
      .where('d.recipient', '=', caller.agency)
      .where(currentRegistration('d'))
      .where('doc.kind', '=', 'edoc')
      .where('d.seq', '>', after);
    if (q.state !== 'all') query = query.where('d.state', '=', q.state);
    if (q.sender) query = query.where('doc.sender', '=', q.sender);
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
    const statuses = await this.#latestStatuses(page.map((r) => r.id), caller.agency);
    const items = page.map((r) =>
      this.#inboxItem(
        r,
        deliveryOf(r),
        statuses.get(`${r.id}|${caller.agency}`),
      ),
    );
    const last = page.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.d_seq) : null };
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
    const doc = await this.db.selectFrom('documents').select(DOC_META).where('id', '=', id).executeTakeFirst();
    if (!doc) throw new HubError('NOT_FOUND');
    const delivery = await this.db
      .selectFrom('deliveries')
      .selectAll()
      .where('document_id', '=', id)
      .where('recipient', '=', caller.agency)
      .where(currentRegistration('deliveries'))
      .executeTakeFirst();
    if (doc.sender !== caller.agency && !delivery) throw new HubError('NOT_FOUND');
    return { doc, delivery };
  }

  /** The package bytes of a document (after an access check). */
  async edxmlOf(id: string): Promise<Uint8Array> {
    const row = await this.db.selectFrom('documents').select('edxml').where('id', '=', id).executeTakeFirst();
    if (!row) throw new HubError('NOT_FOUND');
    return row.edxml;
  }

  async view(caller: Caller, id: string) {
    const { doc, delivery } = await this.access(caller, id);
    const role = doc.sender === caller.agency ? ('sender' as const) : ('recipient' as const);
    let own = null;
    if (delivery) {
      const statuses = await this.#latestStatuses([id], caller.agency);
      const item = this.#inboxItem(doc, delivery, statuses.get(`${id}|${caller.agency}`));
      own = { state: item.state, deliveredAt: item.deliveredAt, acknowledgedAt: item.acknowledgedAt, status: item.status };
    }
    return { document: summary(doc), role, delivery: own };
  }

  async acknowledge(caller: Caller, id: string, result: 'done' | 'fail' | 'processing', reason?: string): Promise<InboxItem> {
    const { doc, delivery } = await this.access(caller, id);
    if (!delivery) throw new HubError('NOT_FOUND');
    let row = delivery;
    // done is final: a later fail/processing does not undo an acknowledgement (idempotent retries).
    if (delivery.state !== 'done') {
      const updated = await this.db
        .updateTable('deliveries')
        .set({
          state: result,
          acknowledged_at: result === 'done' ? new Date() : null,
          ack_reason: reason ?? null,
        })
        .where('document_id', '=', id)
        .where('recipient', '=', caller.agency)
        .where('state', '!=', 'done')
        .returningAll()
        .executeTakeFirst();
      if (updated) row = updated;
      else row = (await this.access(caller, id)).delivery ?? delivery;
    }
    const statuses = await this.#latestStatuses([id], caller.agency);
    return this.#inboxItem(doc, row, statuses.get(`${id}|${caller.agency}`));
  }

  async updateStatus(
    caller: Caller,
    id: string,
    input: { code: StatusCode; description?: string; staff?: string },
  ): Promise<{ status: StatusEntry; duplicate: boolean }> {
    const { doc, delivery } = await this.access(caller, id);
    if (!delivery) throw new HubError('FORBIDDEN', undefined, {
      vi: 'Chỉ cơ quan nhận mới cập nhật được trạng thái xử lý văn bản.',
      en: 'Only a recipient can update the status of a document.',
    });
    const r = await this.#recordStatus(doc, caller.agency, input);
    return { status: r.status, duplicate: r.duplicate };
  }

  /**
   * Records a status of `recipient` on `doc` (ordering rules: the 01…06 chain never goes back; 13/15/16 follow any
   * step; a repeated code is a duplicate) and delivers it to the sender as an edXML status package: the package
   * given (one received on the axis API), or one built from the status.
   */
  async #recordStatus(
    doc: DocMeta,
    recipient: string,
    input: { code: StatusCode; description?: string; staff?: string },
    received?: Uint8Array,
  ): Promise<{ status: StatusEntry; duplicate: boolean; statusDocumentId: string | undefined }> {
    const id = doc.id;
    const rank = statusRank[input.code];
    const statusMessageId = `status:${id}:${recipient}:${input.code}`;
    const statusDocumentId = async (): Promise<string | undefined> =>
      (
        await this.db
          .selectFrom('documents')
          .select('id')
          .where('sender', '=', recipient)
          .where('message_id', '=', statusMessageId)
          .executeTakeFirst()
      )?.id;
    const result = await this.db.transaction().execute(async (tx) => {
      const existing = await tx
        .selectFrom('statuses')
        .selectAll()
        .where('document_id', '=', id)
        .where('recipient', '=', recipient)
        .orderBy('id')
        .execute();
      const same = existing.find((s) => s.code === input.code);
      if (same) return { status: statusEntry(same), duplicate: true };
      // One rule for every layer (statusTransition of @egov-vn/schemas): the chain 01 → 03 → 04 → 05 → 06 (02 in place
      // of 03) never goes back and closes after 02 or 06; 13/15/16 may follow any step and do not move the chain.
      const decision = statusTransition(
        existing.map((s) => s.code),
        input.code,
      );
      if (decision.kind === 'refuse') {
        const latest = existing.at(-1);
        const text = decision.issue.localized;
        throw new HubError('STATUS_OUT_OF_ORDER', { current: latest?.code ?? null, requested: input.code }, text ? { vi: text.vi, en: text.en } : undefined);
      }
      const row = await tx
        .insertInto('statuses')
        .values({
          document_id: id,
          recipient: recipient,
          code: input.code,
          rank,
          description: input.description ?? null,
          staff: input.staff ?? null,
          at: new Date(),
        })
        .onConflict((oc) => oc.columns(['document_id', 'recipient', 'code']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) {
        const again = await tx
          .selectFrom('statuses')
          .selectAll()
          .where('document_id', '=', id)
          .where('recipient', '=', recipient)
          .where('code', '=', input.code)
          .executeTakeFirstOrThrow();
        return { status: statusEntry(again), duplicate: true };
      }
      // The same status as an edXML status package delivered to the sender, as the axis carries it (messagetype
      // status): a system on the axis-compatible API collects it from its inbox of status messages.
      const pkg: EdxmlStatusPackage = {
        kind: 'status',
        header: {
          from: { organId: recipient },
          responseFor: {
            organId: doc.sender,
            code: doc.notation ?? undefined,
            promulgationDate: doc.promulgation_date ?? undefined,
            documentId: doc.edxml_document_id ?? undefined,
          },
          staffInfo: input.staff ? { staff: input.staff } : undefined,
          statusCode: input.code,
          description: input.description ?? statusCodeInfo(input.code)?.vi,
          timestamp: edxmlTimestamp(row.at),
        },
      };
      const bytes = received ?? new TextEncoder().encode(buildEdxml(pkg));
      const statusDoc = await tx
        .insertInto('documents')
        .values({
          id: newDocumentId(),
          kind: 'status',
          message_id: statusMessageId,
          sender: recipient,
          body_sha256: createHash('sha256').update(bytes).digest('hex'),
          edxml: bytes,
          edxml_document_id: doc.edxml_document_id,
          from_name: null,
          subject: null,
          notation: doc.notation,
          promulgation_date: doc.promulgation_date,
          priority: null,
          paper: false,
          signed: false,
          size: bytes.length,
          recipients: [doc.sender],
          attachments: '[]',
          sent_at: row.at,
        })
        .onConflict((oc) => oc.columns(['sender', 'message_id']).doNothing())
        .returning(['id', 'sent_at'])
        .executeTakeFirst();
      if (statusDoc) {
        await tx
          .insertInto('deliveries')
          .values({ document_id: statusDoc.id, recipient: doc.sender, state: 'pending', delivered_at: statusDoc.sent_at })
          .execute();
      }
      return { status: statusEntry(row), duplicate: false };
    });
    return { ...result, statusDocumentId: await statusDocumentId() };
  }

  async trace(caller: Caller, id: string): Promise<Trace> {
    const { doc } = await this.access(caller, id);
    if (doc.sender !== caller.agency) {
      throw new HubError('FORBIDDEN', undefined, {
        vi: 'Chỉ cơ quan gửi mới xem được vết của văn bản.',
        en: 'Only the sender can see the trace of a document.',
      });
    }
    const deliveries = await this.db
      .selectFrom('deliveries as d')
      .leftJoin('agencies as a', 'a.code', 'd.recipient')
      .selectAll('d')
      .select('a.name')
      .where('d.document_id', '=', id)
      .orderBy('d.seq')
      .execute();
    const statuses = await this.#latestStatuses([id]);
    return {
      documentId: doc.id,
      from: doc.sender,
      sentAt: iso(doc.sent_at),
      recipients: deliveries.map((d) => ({
        agency: d.recipient,
        name: d.name,
        state: d.state as Trace['recipients'][number]['state'],
        deliveredAt: iso(d.delivered_at),
        acknowledgedAt: d.acknowledged_at ? iso(d.acknowledged_at) : null,
        statuses: (statuses.get(`${id}|${d.recipient}`) ?? []).map(statusEntry),
      })),
    };
  }

  // ---------- agencies ----------

  #agency(row: Selectable<AgencyTable>): Agency {
    return {
      code: row.code,
      name: row.name,
      email: row.email,
      endpoint: row.endpoint,
      parentCode: row.parent_code,
      systemId: row.system_id,
      updatedAt: iso(row.updated_at),
    };
  }

  async agencies(q: { q?: string; cursor?: string; limit: number }): Promise<AgencyPage> {
    const after = q.cursor ? Buffer.from(q.cursor, 'base64url').toString() : '';
    const rows = await this.db.selectFrom('agencies').selectAll().where('code', '>', after).orderBy('code').execute();
    const needle = q.q ? foldForSearch(q.q) : '';
    const matching = needle
      ? rows.filter((r) => r.code.toLowerCase().includes(needle) || foldForSearch(r.name).includes(needle))
      : rows;
    const page = matching.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => this.#agency(r)),
      nextCursor: matching.length > q.limit && last ? Buffer.from(last.code).toString('base64url') : null,
    };
  }

  async agency(code: string): Promise<Agency> {
    const row = await this.db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row) throw new HubError('NOT_FOUND');
    return this.#agency(row);
  }

  async registerAgency(
    caller: Caller,
    code: string,
    input: { name: string; email: string; endpoint?: string; parentCode?: string },
  ): Promise<Agency> {
    const existing = await this.db.selectFrom('agencies').select('system_id').where('code', '=', code).executeTakeFirst();
    if (existing && existing.system_id !== caller.systemId) {
      throw new HubError('FORBIDDEN', undefined, {
        vi: 'Cơ quan này do hệ thống khác quản lý.',
        en: 'This agency is served by another system.',
      });
    }
    const values = {
      name: input.name,
      email: input.email,
      endpoint: input.endpoint ?? null,
      parent_code: input.parentCode ?? null,
      updated_at: new Date(),
    };
    const row = await this.db
      .insertInto('agencies')
      .values({ code, system_id: caller.systemId, registered_at: new Date(), ...values })
      .onConflict((oc) => oc.column('code').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    this.#systems.delete(caller.systemId);
    this.#agencyCodes?.add(code);
    return this.#agency(row);
  }

  async deleteAgency(systemId: string, code: string): Promise<void> {
    const row = await this.db.selectFrom('agencies').select('system_id').where('code', '=', code).executeTakeFirst();
    if (!row) throw new HubError('NOT_FOUND', { agency: code });
    if (row.system_id !== systemId) {
      throw new HubError('FORBIDDEN', undefined, {
        vi: 'Cơ quan này do hệ thống khác quản lý.',
        en: 'This agency is served by another system.',
      });
    }
    await this.db.deleteFrom('agencies').where('code', '=', code).execute();
    this.#systems.delete(systemId);
    this.#agencyCodes = undefined;
  }

  // ---------- axis-compatible API (a system acts for all its agencies) ----------

  /** What is delivered to these agencies and not yet `done` (pending, processing, fail), oldest first. */
  async pendingFor(
    agencies: string[],
    kind: 'edoc' | 'status',
    range: { from?: Date; to?: Date } = {},
  ): Promise<Array<{ doc: DocMeta; delivery: DeliveryRow }>> {
    if (agencies.length === 0) return [];
    let q = this.#deliveriesWithDocuments()
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
        return (await this.access({ systemId: '', agency }, id)).doc;
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
    for (const d of deliveries) out.push(await this.acknowledge({ systemId, agency: d.recipient }, id, result, reason));
    return out;
  }

  /**
   * An incoming edXML status package (the axis `sendEdoc messagetype=status`): its `From` must be the caller's
   * agency; it is recorded against the original document, found by `ResponseFor` (the sender's organisation and the
   * edXML DocumentId, else the notation and date) among the documents delivered to the caller, with the same ordering
   * rules as `updateStatus`, and the package itself is delivered to the original sender.
   */
  async receiveStatus(
    caller: Caller,
    bytes: Uint8Array,
    profile: CheckProfile = 'strict',
  ): Promise<{ statusDocumentId: string; documentId: string; duplicate: boolean; status: StatusEntry }> {
    if (bytes.length > this.options.maxPackageBytes) {
      throw new HubError('PAYLOAD_TOO_LARGE', { limit: this.options.maxPackageBytes, size: bytes.length });
    }
    const report = await checkEdxml(bytes, { lang: 'vi', warnings: false, profile });
    if (!report.ok || report.kind !== 'status' || report.package?.kind !== 'status') {
      throw await invalidPackage(bytes, report, 'status');
    }
    const header = report.package.header;
    const from = profile === 'axis' ? axisSender(header.from?.organId, caller.agency) : header.from?.organId;
    if (!from || from !== caller.agency) {
      throw new HubError('SENDER_MISMATCH', { from: from ?? null, agency: caller.agency });
    }
    const code = header.statusCode;
    if (!code || !(code in statusRank)) {
      throw new HubError('VALIDATION_FAILED', { field: 'StatusCode', value: code ?? null }, {
        vi: `Mã trạng thái không hợp lệ: ${code ?? '(trống)'}.`,
        en: `Invalid status code: ${code ?? '(empty)'}.`,
      });
    }
    const rf = header.responseFor;
    const to = rf?.organId;
    if (!to || (!rf.documentId && !rf.code)) {
      throw new HubError('VALIDATION_FAILED', { field: 'ResponseFor' }, {
        vi: 'Gói tin trạng thái phải nêu văn bản gốc (ResponseFor: OrganId và DocumentId hoặc Code).',
        en: 'A status package must name the original document (ResponseFor: OrganId and DocumentId or Code).',
      });
    }
    if ((await this.#unknownAgencies([to])).length > 0) {
      throw new HubError('UNKNOWN_RECIPIENT', { unknown: [to] }, {
        vi: `Cơ quan nhận không có trong danh bạ của trục: ${to}.`,
        en: `Recipient agencies not in the hub directory: ${to}.`,
      });
    }
    let q = this.db
      .selectFrom('documents as doc')
      .innerJoin('deliveries as d', 'd.document_id', 'doc.id')
      .select(DOC_META_AS_DOC)
      .where('doc.kind', '=', 'edoc')
      .where('doc.sender', '=', to)
      .where('d.recipient', '=', caller.agency)
      .where(currentRegistration('d'));
    if (rf.documentId) q = q.where('doc.edxml_document_id', '=', rf.documentId);
    else {
      q = q.where('doc.notation', '=', rf.code ?? '');
      if (rf.promulgationDate) q = q.where('doc.promulgation_date', '=', rf.promulgationDate);
    }
    const doc = await q.orderBy('doc.seq', 'desc').executeTakeFirst();
    if (!doc) {
      const which = rf.documentId ?? rf.code ?? '';
      throw new HubError('NOT_FOUND', { responseFor: which }, {
        vi: `Không tìm thấy văn bản gốc ${which} của ${to} đã gửi tới ${caller.agency}.`,
        en: `No original document ${which} from ${to} delivered to ${caller.agency}.`,
      });
    }
    const input: { code: StatusCode; description?: string; staff?: string } = { code: code as StatusCode };
    if (header.description) input.description = header.description;
    if (header.staffInfo?.staff) input.staff = header.staffInfo.staff;
    const r = await this.#recordStatus(doc, caller.agency, input, bytes);
    if (!r.statusDocumentId) throw new HubError('INTERNAL');
    return { statusDocumentId: r.statusDocumentId, documentId: doc.id, duplicate: r.duplicate, status: r.status };
  }

  // ---------- statistics ----------

  async stats(caller: Caller, from: string, to: string): Promise<Stats> {
    // Days are civil days in Việt Nam (UTC+7).
    const start = new Date(`${from}T00:00:00+07:00`);
    const end = new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000);
    if (!(start < end)) throw new HubError('VALIDATION_FAILED', { from, to });
    const out = await this.db
      .selectFrom('documents')
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) filter (where not paper)::int`.as('electronic_only'),
        sql<number>`count(*) filter (where signed)::int`.as('signed'),
      ])
      .where('sender', '=', caller.agency)
      .where('kind', '=', 'edoc')
      .where('sent_at', '>=', start)
      .where('sent_at', '<', end)
      .executeTakeFirstOrThrow();
    const vnDay = (col: string) => sql`((${sql.ref(col)} at time zone 'UTC') + interval '7 hours')::date`;
    const inc = await this.db
      .selectFrom('deliveries')
      .innerJoin('documents', 'documents.id', 'deliveries.document_id')
      .where('documents.kind', '=', 'edoc')
      .select([
        sql<number>`count(*)::int`.as('received'),
        sql<number>`count(acknowledged_at)::int`.as('acknowledged'),
        sql<number>`count(*) filter (where acknowledged_at is not null and ${vnDay('acknowledged_at')} = ${vnDay('delivered_at')})::int`.as(
          'same_day',
        ),
      ])
      .where('deliveries.recipient', '=', caller.agency)
      .where('deliveries.delivered_at', '>=', start)
      .where('deliveries.delivered_at', '<', end)
      .executeTakeFirstOrThrow();
    const share = (a: number, b: number) => (b === 0 ? 0 : a / b);
    return {
      agency: caller.agency,
      from,
      to,
      outgoing: {
        total: out.total,
        electronicOnly: out.electronic_only,
        withPaper: out.total - out.electronic_only,
        signed: out.signed,
        signedShare: share(out.signed, out.total),
      },
      incoming: {
        received: inc.received,
        acknowledged: inc.acknowledged,
        acknowledgedSameDay: inc.same_day,
        sameDayShare: share(inc.same_day, inc.received),
      },
    };
  }
}


/**
 * The sender of a package read in the axis profile. Systems on the axis write a system id (`vxp.saas.03`), the text
 * `null` or nothing in From/OrganId (the checker reports each as a warning); the axis itself takes the sender from the
 * authenticated request (`XroadVnpt-from`), so the hub does the same. A short form (`01.02.G22`) is completed; a full
 * code must still be the authenticated agency.
 */
function axisSender(organId: string | undefined, authenticated: string): string | undefined {
  const c = classifyAgencyCode(organId);
  if (c.kind === 'code') return c.code.code;
  if (c.kind === 'short') return c.completed.code;
  if (c.kind === 'systemId' || c.kind === 'empty') return authenticated;
  return organId;
}

/** A recipient read in the axis profile: short forms completed; anything else as written (unknown ones are refused). */
function axisRecipient(organId: string | undefined): string | undefined {
  const c = classifyAgencyCode(organId);
  if (c.kind === 'code') return c.code.code;
  if (c.kind === 'short') return c.completed.code;
  return organId;
}
