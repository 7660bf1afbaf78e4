// The office's business rules over its database: incoming (receive, assign, handle, return), drafts (submit, sign,
// number, seal, send), outgoing, registers, users and the audit log. Every action checks the caller's agency and
// role, runs in one transaction with its audit row and the status package it answers, and is then dispatched.
import type { WorkCalendar } from '@egov-vn/calendar';
import { attachmentFromBytes, buildEdxml, type EdxmlOrganization, parseEdxml } from '@egov-vn/edxml';
import { fromDocument } from '@egov-vn/edxml/document';
import type { InboxItem } from '@egov-vn/exchange-api';
import { ExchangeError } from '@egov-vn/exchange-client';
import {
  allowedOperations,
  type AssignIncomingRequestSchema,
  type AuditPage,
  type Draft,
  type DraftPage,
  type IncomingDetail,
  type IncomingItem,
  type IncomingPage,
  type ListAuditQuerySchema,
  type ListDraftsQuerySchema,
  type ListIncomingQuerySchema,
  type ListOutgoingQuerySchema,
  type ListRegisterQuerySchema,
  type ListUsersQuerySchema,
  type Me,
  type OutgoingDetail,
  type OutgoingItem,
  type OutgoingPage,
  type RegisterEntry,
  type RegisterKind,
  type RegisterPage,
  ROLE_LABELS,
  ROLES,
  type RoleList,
  type User,
  type UserPage,
} from '@egov-vn/office-api';
import {
  AdministrativeDocumentSchema,
  documentType,
  type DocumentTypeKey,
  formatIsoDate,
  isSecret,
  LEGAL_NORMATIVE_ABBREVIATIONS,
  nextRegisterNumber,
  padDocumentNumber,
  registerKey,
  type RegisterSeries,
  statusLabel,
  vietnamDayRange,
} from '@egov-vn/schemas';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { SessionUser } from './auth.js';
import type { KnownUser, ServedAgency } from './config.js';
import type { IncomingTable, OfficeDatabase, OutgoingTable, DraftTable, TraceRecipient } from './db.js';
import { check, OfficeError } from './errors.js';
import type { SignatureChecker } from './signatures.js';
import { createTransport, type ExchangeTransport, type ReceivedStatus } from './transport.js';
import { containsPattern, decodeCursor, encodeCursor, newId, priorityOfUrgency, searchText, sha256Hex, urgencyOfPriority, vnToday } from './util.js';

type Tx = Transaction<OfficeDatabase> | Kysely<OfficeDatabase>;
type Ref = { id: string; name: string };

const FINAL_INCOMING = ['done', 'returned'];

export interface ServiceDeps {
  db: Kysely<OfficeDatabase>;
  engine: 'pglite' | 'postgres';
  agencies: ServedAgency[];
  calendar: WorkCalendar;
  now: () => Date;
  log: (line: string) => void;
  fetch?: typeof fetch;
  /** Verifies uploaded signatures (absent: not verified). */
  signatures?: SignatureChecker;
}

const AXIS_REFUSALS = new Set(['UNKNOWN_RECIPIENT', 'INVALID_EDXML', 'SENDER_MISMATCH', 'SECRET_DOCUMENT', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE']);

const sees = (u: SessionUser) => u.roles.includes('vanThu') || u.roles.includes('lanhDao');
const ref = (u: SessionUser): Ref => ({ id: u.id, name: u.name });
const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export class OfficeService {
  readonly #d: ServiceDeps;
  readonly #clients = new Map<string, ExchangeTransport>();
  /** Nudged after an action so the status package goes out now rather than at the next poll. */
  onStatusQueued: (agency: string) => void = () => {};

  constructor(deps: ServiceDeps) {
    this.#d = deps;
  }

  get db(): Kysely<OfficeDatabase> {
    return this.#d.db;
  }

  agency(code: string): ServedAgency {
    const a = this.#d.agencies.find((x) => x.code === code);
    if (!a) throw new OfficeError('FORBIDDEN', { reason: 'agency-not-served' });
    return a;
  }

  /** The exchange transport of an agency, native `/v1` or axis (the secret stays inside it). */
  client(code: string, retries = 1): ExchangeTransport {
    const key = `${code}|${retries}`;
    let c = this.#clients.get(key);
    if (!c) {
      const a = this.agency(code);
      c = createTransport(a, {
        retries,
        fetch: this.#d.fetch,
        packageOf: async (exchangeId) =>
          (await this.#d.db.selectFrom('incoming_packages').select('edxml').where('agency', '=', code).where('exchange_id', '=', exchangeId).executeTakeFirst())?.edxml,
      });
      this.#clients.set(key, c);
    }
    return c;
  }

  // ---------------------------------------------------------------- users, roles, audit

  async seedUsers(users: KnownUser[]): Promise<void> {
    for (const u of users) {
      await this.#d.db
        .insertInto('users')
        .values({ agency: u.agency, id: u.id, name: u.name, roles: u.roles, title: u.title ?? null, email: u.email ?? null, search: searchText(u.name), last_seen_at: null })
        .onConflict((oc) => oc.columns(['agency', 'id']).doNothing())
        .execute();
    }
  }

  /** Records the caller (claims win over what was known). */
  async touchUser(u: SessionUser): Promise<void> {
    const now = this.#d.now();
    await this.#d.db
      .insertInto('users')
      .values({ agency: u.agency, id: u.id, name: u.name, roles: u.roles, title: u.title ?? null, email: u.email ?? null, search: searchText(u.name), last_seen_at: now })
      .onConflict((oc) =>
        oc.columns(['agency', 'id']).doUpdateSet({ name: u.name, roles: u.roles, title: u.title ?? null, email: u.email ?? null, search: searchText(u.name), last_seen_at: now }),
      )
      .execute();
  }

  me(u: SessionUser): Me {
    return { user: this.#userOut(u, this.agency(u.agency).name), actions: allowedOperations(u.roles) };
  }

  #userOut(u: SessionUser | { id: string; name: string; agency: string; roles: string[]; title: string | null; email: string | null; last_seen_at?: Date | null }, agencyName: string): User {
    return {
      id: u.id,
      name: u.name,
      agency: u.agency,
      agencyName,
      roles: (u.roles as string[]).filter((r): r is (typeof ROLES)[number] => (ROLES as readonly string[]).includes(r)),
      title: u.title ?? null,
      email: u.email ?? null,
      lastSeenAt: 'last_seen_at' in u ? iso(u.last_seen_at ?? null) : iso(this.#d.now()),
    };
  }

  async listUsers(u: SessionUser, q: z.output<typeof ListUsersQuerySchema>): Promise<UserPage> {
    const after = decodeCursor(q.cursor, ['string']);
    let query = this.#d.db.selectFrom('users').selectAll().where('agency', '=', u.agency);
    if (q.role) query = query.where(sql<boolean>`${q.role} = any(roles)`);
    if (q.q) query = query.where('search', 'like', containsPattern(q.q));
    if (after) query = query.where('id', '>', String(after[0]));
    const rows = await query.orderBy('id').limit(q.limit + 1).execute();
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit).map((r) => this.#userOut(r, this.agency(u.agency).name));
    return { items, nextCursor: more ? encodeCursor([items[items.length - 1]?.id ?? '']) : null };
  }

  listRoles(): RoleList {
    return { items: ROLES.map((role) => ({ role, label: ROLE_LABELS[role], actions: allowedOperations([role]) })) };
  }

  async audit(tx: Tx, agency: string, actor: SessionUser | null, action: string, targetType: string, targetId: string | null, detail: Record<string, unknown> = {}): Promise<void> {
    await tx
      .insertInto('audit')
      .values({ at: this.#d.now(), agency, actor_id: actor?.id ?? null, actor_name: actor?.name ?? null, action, target_type: targetType, target_id: targetId, detail: JSON.stringify(detail) })
      .execute();
  }

  async listAudit(u: SessionUser, q: z.output<typeof ListAuditQuerySchema>): Promise<AuditPage> {
    const after = decodeCursor(q.cursor, ['number']);
    let query = this.#d.db.selectFrom('audit').selectAll().where('agency', '=', u.agency);
    if (q.targetId) query = query.where('target_id', '=', q.targetId);
    if (q.actor) query = query.where('actor_id', '=', q.actor);
    if (q.action) query = query.where('action', '=', q.action);
    if (after) query = query.where('id', '<', Number(after[0]));
    const rows = await query.orderBy('id', 'desc').limit(q.limit + 1).execute();
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit).map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? r.actor_id } : null,
      agency: r.agency,
      action: r.action,
      targetType: r.target_type as AuditPage['items'][number]['targetType'],
      targetId: r.target_id,
      detail: r.detail,
    }));
    return { items, nextCursor: more ? encodeCursor([items[items.length - 1]?.id ?? 0]) : null };
  }

  async #history(tx: Tx, docId: string, action: string, actor: SessionUser | null, note: string | null, statusCode: string | null): Promise<void> {
    await tx
      .insertInto('history')
      .values({ doc_id: docId, action, actor_id: actor?.id ?? null, actor_name: actor?.name ?? null, at: this.#d.now(), note, status_code: statusCode })
      .execute();
  }

  async #historyOf(docId: string) {
    const rows = await this.#d.db.selectFrom('history').selectAll().where('doc_id', '=', docId).orderBy('id').execute();
    return rows.map((h) => ({
      action: h.action,
      actor: h.actor_id ? { id: h.actor_id, name: h.actor_name ?? h.actor_id } : null,
      at: new Date(h.at).toISOString(),
      note: h.note,
      statusCode: (h.status_code as IncomingDetail['history'][number]['statusCode']) ?? null,
    }));
  }

  // ---------------------------------------------------------------- registers

  /**
   * The next number of a register, inside the caller's transaction: the counter row is locked (`FOR UPDATE`), so two
   * clerks numbering at once get consecutive numbers; `nextRegisterNumber` decides the register (series, year reset).
   */
  async #allocate(tx: Tx, agency: string, series: RegisterSeries, date: string, typeAbbreviation?: string): Promise<{ number: number; year: number }> {
    const year = Number(date.slice(0, 4));
    const key = registerKey({ issuer: agency, series, year, ...(typeAbbreviation ? { typeAbbreviation } : {}) });
    await tx.insertInto('counters').values({ agency, register_key: key, last: 0 }).onConflict((oc) => oc.columns(['agency', 'register_key']).doNothing()).execute();
    const row = await tx.selectFrom('counters').select('last').where('agency', '=', agency).where('register_key', '=', key).forUpdate().executeTakeFirstOrThrow();
    const next = nextRegisterNumber({ [key]: row.last }, { issuer: agency, series, date, ...(typeAbbreviation ? { typeAbbreviation } : {}) });
    await tx.updateTable('counters').set({ last: next.number }).where('agency', '=', agency).where('register_key', '=', key).execute();
    return { number: next.number, year: next.year };
  }

  async listRegister(u: SessionUser, kind: RegisterKind, q: z.output<typeof ListRegisterQuerySchema>): Promise<RegisterPage> {
    const year = q.year ?? Number(vnToday(this.#d.now()).slice(0, 4));
    const after = decodeCursor(q.cursor, ['number']);
    let query = this.#d.db.selectFrom('register_entries').selectAll().where('agency', '=', u.agency).where('kind', '=', kind).where('year', '=', year);
    if (q.q) query = query.where('search', 'like', containsPattern(q.q));
    if (after) query = query.where('number', '<', Number(after[0]));
    const rows = await query.orderBy('number', 'desc').limit(q.limit + 1).execute();
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit).map((r) => this.#entryOut(r));
    return { items, nextCursor: more ? encodeCursor([items[items.length - 1]?.number ?? 0]) : null };
  }

  async exportRegister(u: SessionUser, kind: RegisterKind, year: number | undefined): Promise<RegisterEntry[]> {
    const y = year ?? Number(vnToday(this.#d.now()).slice(0, 4));
    const rows = await this.#d.db.selectFrom('register_entries').selectAll().where('agency', '=', u.agency).where('kind', '=', kind).where('year', '=', y).orderBy('number').execute();
    return rows.map((r) => this.#entryOut(r));
  }

  #entryOut(r: Selectable<OfficeDatabase['register_entries']>): RegisterEntry {
    return {
      kind: r.kind as RegisterKind,
      year: r.year,
      number: r.number,
      registeredAt: new Date(r.registered_at).toISOString(),
      documentId: r.document_id,
      organId: r.organ_id,
      organName: r.organ_name,
      codeNumber: r.code_number,
      codeNotation: r.code_notation,
      issuedDate: r.issued_date,
      typeName: r.type_name,
      subject: r.subject,
      signer: r.signer,
      priority: r.priority,
      arrivalDate: r.arrival_date,
      toPlaces: r.to_places,
      dueDate: r.due_date,
      note: r.note,
    };
  }

  // ---------------------------------------------------------------- incoming

  /** Stores one delivered document (once per agency and exchange id) and queues status 01. */
  async ingest(agency: string, item: InboxItem, edxml?: Uint8Array): Promise<boolean> {
    const existing = await this.#d.db.selectFrom('incoming').select('id').where('agency', '=', agency).where('exchange_id', '=', item.documentId).executeTakeFirst();
    if (existing) return false;
    let metadata = { edxmlDocumentId: item.edxmlDocumentId, signed: item.signed, to: item.to.map((code) => ({ code, name: code })), signerName: null as string | null, signerPosition: null as string | null };
    let typeName: string | null = null;
    try {
      const bytes = edxml ?? (await this.client(agency).downloadEdxml(item.documentId));
      const parsed = await parseEdxml(bytes);
      if (parsed.ok && parsed.value.kind === 'document') {
        const h = parsed.value.header;
        metadata = {
          ...metadata,
          to: h.to.map((o) => ({ code: o.organId ?? '', name: o.organName ?? o.organId ?? '' })),
          signerName: h.signerInfo?.fullName ?? null,
          signerPosition: h.signerInfo?.position ?? null,
        };
        typeName = h.documentType?.typeName ?? null;
      }
    } catch (e) {
      this.#d.log(`office: could not read the edXML of ${item.documentId} for ${agency}: ${e instanceof ExchangeError ? e.code : 'error'}`);
    }
    const id = newId();
    const inserted = await this.#d.db.transaction().execute(async (tx) => {
      const r = await tx
        .insertInto('incoming')
        .values({
          id,
          agency,
          exchange_id: item.documentId,
          from_code: item.from,
          from_name: item.fromName ?? item.from,
          subject: item.subject,
          notation: item.notation,
          type_name: typeName,
          promulgation_date: item.promulgationDate && /^\d{4}-\d{2}-\d{2}$/.test(item.promulgationDate) ? item.promulgationDate : null,
          urgency: urgencyOfPriority(item.priority),
          state: 'arrived',
          arrived_at: item.deliveredAt,
          arrival_number: null,
          arrival_date: null,
          due_date: null,
          lead_id: null,
          lead_name: null,
          assignment: JSON.stringify(null),
          return_reason: null,
          metadata: JSON.stringify(metadata),
          attachments: JSON.stringify(item.attachments),
          search: searchText(item.subject, item.notation, item.fromName),
        })
        .onConflict((oc) => oc.columns(['agency', 'exchange_id']).doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      // Kept when the transport gave the package (axis): attachments are read from it, and it is answered from it.
      if (edxml) await tx.insertInto('incoming_packages').values({ agency, exchange_id: item.documentId, edxml }).onConflict((oc) => oc.columns(['agency', 'exchange_id']).doNothing()).execute();
      await this.#history(tx, id, 'arrived', null, null, '01');
      await this.#queueStatus(tx, agency, item.documentId, '01', 'Đã đến hệ thống của cơ quan nhận', null);
      await this.audit(tx, agency, null, 'arrived', 'incoming', id, { exchangeId: item.documentId, from: item.from });
      return true;
    });
    return inserted;
  }

  async #queueStatus(tx: Tx, agency: string, exchangeId: string, code: string, description: string | null, staff: string | null): Promise<void> {
    await tx
      .insertInto('status_outbox')
      .values({ agency, exchange_id: exchangeId, code, description, staff, created_at: this.#d.now(), sent_at: null, attempts: 0, last_error: null })
      .execute();
  }

  /** Sends the queued status packages of an agency, oldest first; stops at the first failure (kept for later). */
  async dispatchStatuses(agency: string): Promise<number> {
    const pending = await this.#d.db.selectFrom('status_outbox').selectAll().where('agency', '=', agency).where('sent_at', 'is', null).orderBy('id').limit(100).execute();
    let sent = 0;
    for (const p of pending) {
      try {
        const body: { code: string; description?: string; staff?: string } = { code: p.code };
        if (p.description) body.description = p.description;
        if (p.staff) body.staff = p.staff;
        await this.client(agency).updateStatus(p.exchange_id, body);
        await this.#d.db.updateTable('status_outbox').set({ sent_at: this.#d.now(), attempts: p.attempts + 1, last_error: null }).where('id', '=', p.id).execute();
        sent++;
      } catch (e) {
        const code = e instanceof ExchangeError ? e.code : 'INTERNAL';
        if (code === 'STATUS_OUT_OF_ORDER' || code === 'NOT_FOUND' || code === 'VALIDATION_FAILED') {
          // Never accepted by the exchange: record why and move on.
          await this.#d.db.updateTable('status_outbox').set({ sent_at: this.#d.now(), attempts: p.attempts + 1, last_error: code }).where('id', '=', p.id).execute();
          continue;
        }
        await this.#d.db.updateTable('status_outbox').set({ attempts: p.attempts + 1, last_error: code }).where('id', '=', p.id).execute();
        break;
      }
    }
    return sent;
  }

  async #incomingRow(u: SessionUser, id: string, tx: Tx = this.#d.db, lock = false): Promise<Selectable<IncomingTable>> {
    let q = tx.selectFrom('incoming').selectAll().where('id', '=', id).where('agency', '=', u.agency);
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw new OfficeError('NOT_FOUND');
    if (!sees(u)) {
      const h = await tx.selectFrom('incoming_handlers').select('user_id').where('incoming_id', '=', id).where('user_id', '=', u.id).executeTakeFirst();
      if (!h) throw new OfficeError('NOT_FOUND');
    }
    return row;
  }

  #itemOut(r: Selectable<IncomingTable>, readAt: unknown, today: string): IncomingItem {
    return {
      id: r.id,
      exchangeId: r.exchange_id,
      from: { code: r.from_code, name: r.from_name },
      subject: r.subject,
      notation: r.notation,
      typeName: r.type_name,
      promulgationDate: r.promulgation_date,
      urgency: r.urgency as IncomingItem['urgency'],
      state: r.state as IncomingItem['state'],
      arrivedAt: new Date(r.arrived_at).toISOString(),
      arrivalNumber: r.arrival_number,
      arrivalDate: r.arrival_date,
      dueDate: r.due_date,
      overdue: r.due_date !== null && r.due_date < today && !FINAL_INCOMING.includes(r.state),
      leadHandler: r.lead_id ? { id: r.lead_id, name: r.lead_name ?? r.lead_id } : null,
      unread: readAt === null || readAt === undefined,
      attachments: r.attachments,
    };
  }

  async listIncoming(u: SessionUser, q: z.output<typeof ListIncomingQuerySchema>): Promise<IncomingPage> {
    const today = vnToday(this.#d.now());
    const after = decodeCursor(q.cursor, ['string', 'string']);
    let query = this.#d.db
      .selectFrom('incoming as i')
      .leftJoin('reads as r', (j) => j.onRef('r.incoming_id', '=', 'i.id').on('r.user_id', '=', u.id))
      .selectAll('i')
      .select('r.at as read_at')
      .where('i.agency', '=', u.agency);
    if (!sees(u) || q.mine) {
      query = query.where((eb) => eb.exists(eb.selectFrom('incoming_handlers as h').select('h.user_id').whereRef('h.incoming_id', '=', 'i.id').where('h.user_id', '=', u.id)));
    }
    if (q.state) query = query.where('i.state', '=', q.state);
    if (q.urgency) query = query.where('i.urgency', '=', q.urgency);
    if (q.sender) query = query.where('i.from_code', '=', q.sender);
    if (q.from) query = query.where('i.arrived_at', '>=', vietnamDayRange(q.from, q.from).start);
    if (q.to) query = query.where('i.arrived_at', '<', vietnamDayRange(q.to, q.to).end);
    if (q.overdue === true) query = query.where('i.due_date', '<', today).where('i.state', 'not in', FINAL_INCOMING);
    if (q.overdue === false) query = query.where((eb) => eb.or([eb('i.due_date', 'is', null), eb('i.due_date', '>=', today), eb('i.state', 'in', FINAL_INCOMING)]));
    if (q.unread === true) query = query.where('r.at', 'is', null);
    if (q.unread === false) query = query.where('r.at', 'is not', null);
    if (q.q) query = query.where('i.search', 'like', containsPattern(q.q));
    if (after) query = query.where(sql<boolean>`(i.arrived_at, i.id) < (${new Date(String(after[0]))}, ${String(after[1])})`);
    const rows = await query.orderBy('i.arrived_at', 'desc').orderBy('i.id', 'desc').limit(q.limit + 1).execute();
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit).map((r) => this.#itemOut(r, r.read_at, today));
    const last = items[items.length - 1];
    return { items, nextCursor: more && last ? encodeCursor([last.arrivedAt, last.id]) : null, total: null };
  }

  async getIncoming(u: SessionUser, id: string, markRead = true): Promise<IncomingDetail> {
    const r = await this.#incomingRow(u, id);
    if (markRead) {
      await this.#d.db.insertInto('reads').values({ incoming_id: id, user_id: u.id, at: this.#d.now() }).onConflict((oc) => oc.columns(['incoming_id', 'user_id']).doNothing()).execute();
    }
    const read = markRead ? true : await this.#d.db.selectFrom('reads').select('at').where('incoming_id', '=', id).where('user_id', '=', u.id).executeTakeFirst();
    const item = this.#itemOut(r, read ? true : null, vnToday(this.#d.now()));
    return {
      ...item,
      assignment: (r.assignment) ?? null,
      returnReason: r.return_reason,
      history: await this.#historyOf(id),
      metadata: r.metadata,
    };
  }

  async incomingAttachment(u: SessionUser, id: string, index: number): Promise<{ bytes: Uint8Array; contentType: string; name: string }> {
    const r = await this.#incomingRow(u, id);
    const att = (r.attachments as unknown as IncomingItem['attachments']).find((a) => a.index === index);
    if (!att) throw new OfficeError('NOT_FOUND');
    try {
      const stored = await this.#d.db.selectFrom('incoming_packages').select('edxml').where('agency', '=', u.agency).where('exchange_id', '=', r.exchange_id).executeTakeFirst();
      const transport = this.client(u.agency);
      if (!stored && transport.downloadAttachment) {
        const bytes = await transport.downloadAttachment(r.exchange_id, index);
        return { bytes, contentType: att.contentType, name: att.name };
      }
      // From the stored package (the axis has no attachment download).
      const parsed = stored ? await parseEdxml(stored.edxml) : undefined;
      const a = parsed?.ok && parsed.value.kind === 'document' ? parsed.value.attachments[index] : undefined;
      if (!a) throw new OfficeError('NOT_FOUND');
      return { bytes: a.bytes(), contentType: att.contentType, name: att.name };
    } catch (e) {
      throw this.#exchangeFailure(e);
    }
  }

  async #act(u: SessionUser, id: string, allowed: string[], fn: (tx: Transaction<OfficeDatabase>, row: Selectable<IncomingTable>) => Promise<{ action: string; state: string; code: string; description: string; note: string | null; detail?: Record<string, unknown> }>): Promise<IncomingDetail> {
    await this.#d.db.transaction().execute(async (tx) => {
      const row = await this.#incomingRow(u, id, tx, true);
      if (!allowed.includes(row.state)) throw new OfficeError('INVALID_STATE', { state: row.state, allowed });
      const r = await fn(tx, row);
      await tx.updateTable('incoming').set({ state: r.state }).where('id', '=', id).execute();
      await this.#history(tx, id, r.action, u, r.note, r.code);
      await this.#queueStatus(tx, u.agency, row.exchange_id, r.code, r.description, `${u.name}${u.title ? ` (${u.title})` : ''}`);
      await this.audit(tx, u.agency, u, r.action, 'incoming', id, { state: r.state, statusCode: r.code, ...r.detail });
    });
    this.onStatusQueued(u.agency);
    return this.getIncoming(u, id, false);
  }

  receiveIncoming(u: SessionUser, id: string, note?: string): Promise<IncomingDetail> {
    return this.#act(u, id, ['arrived'], async (tx, row) => {
      const today = vnToday(this.#d.now());
      const { number, year } = await this.#allocate(tx, u.agency, 'incoming', today);
      await tx.updateTable('incoming').set({ arrival_number: number, arrival_date: today }).where('id', '=', id).execute();
      const meta = row.metadata;
      const [codeNumber, codeNotation] = row.notation ? [row.notation.split('/')[0] ?? null, row.notation.split('/').slice(1).join('/') || null] : [null, null];
      await tx
        .insertInto('register_entries')
        .values({
          agency: u.agency,
          kind: 'incoming',
          year,
          number,
          registered_at: this.#d.now(),
          document_id: id,
          organ_id: row.from_code,
          organ_name: row.from_name,
          code_number: codeNumber,
          code_notation: codeNotation,
          issued_date: row.promulgation_date,
          type_name: row.type_name,
          subject: row.subject,
          signer: meta.signerName ? `${meta.signerName}${meta.signerPosition ? `, ${meta.signerPosition}` : ''}` : null,
          priority: priorityOfUrgency(row.urgency),
          arrival_date: today,
          to_places: null,
          due_date: null,
          note: note ?? null,
          search: searchText(row.subject, row.notation, row.from_name),
        })
        .execute();
      return { action: 'receiveIncoming', state: 'registered', code: '03', description: `Đã tiếp nhận, số đến ${number}`, note: note ?? null, detail: { arrivalNumber: number, year } };
    });
  }

  async #agencyUser(agency: string, id: string, path: string): Promise<Ref> {
    const r = await this.#d.db.selectFrom('users').select(['id', 'name']).where('agency', '=', agency).where('id', '=', id).executeTakeFirst();
    if (!r) {
      throw new OfficeError('VALIDATION_FAILED', {
        issues: [{ code: 'user.unknown', path, message: { vi: `Không có người dùng ${id} trong cơ quan.`, en: `No user ${id} in the agency.` } }],
      });
    }
    return r;
  }

  async assignIncoming(u: SessionUser, id: string, body: z.output<typeof AssignIncomingRequestSchema>): Promise<IncomingDetail> {
    const lead = await this.#agencyUser(u.agency, body.lead, '/body/lead');
    const co = await Promise.all(body.coHandlers.map((h, i) => this.#agencyUser(u.agency, h, `/body/coHandlers/${i}`)));
    const info = await Promise.all(body.forInformation.map((h, i) => this.#agencyUser(u.agency, h, `/body/forInformation/${i}`)));
    const today = vnToday(this.#d.now());
    const due = body.workingDays !== undefined ? formatIsoDate(this.#d.calendar.dueDate(today, body.workingDays)) : (body.dueDate ?? today);
    return this.#act(u, id, ['registered', 'assigned'], async (tx) => {
      const assignment = { lead, coHandlers: co, forInformation: info, workingDays: body.workingDays ?? null, dueDate: due, note: body.note ?? null, by: ref(u), at: this.#d.now().toISOString() };
      await tx.updateTable('incoming').set({ lead_id: lead.id, lead_name: lead.name, due_date: due, assignment: JSON.stringify(assignment) }).where('id', '=', id).execute();
      await tx.deleteFrom('incoming_handlers').where('incoming_id', '=', id).execute();
      const parts = new Map<string, string>();
      for (const x of info) parts.set(x.id, 'info');
      for (const x of co) parts.set(x.id, 'co');
      parts.set(lead.id, 'lead');
      await tx.insertInto('incoming_handlers').values([...parts].map(([user_id, part]) => ({ incoming_id: id, user_id, part }))).execute();
      await tx.updateTable('register_entries').set({ to_places: lead.name, due_date: due }).where('agency', '=', u.agency).where('kind', '=', 'incoming').where('document_id', '=', id).execute();
      return { action: 'assignIncoming', state: 'assigned', code: '04', description: `Phân công: ${lead.name} chủ trì, hạn ${due}`, note: body.note ?? null, detail: { lead: lead.id, dueDate: due, workingDays: body.workingDays ?? null } };
    });
  }

  async #handlerPart(tx: Tx, id: string, userId: string): Promise<string | undefined> {
    const h = await tx.selectFrom('incoming_handlers').select('part').where('incoming_id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    return h?.part;
  }

  startIncoming(u: SessionUser, id: string, note?: string): Promise<IncomingDetail> {
    return this.#act(u, id, ['assigned'], async (tx) => {
      const part = await this.#handlerPart(tx, id, u.id);
      if (part !== 'lead' && part !== 'co') throw new OfficeError('FORBIDDEN', { reason: 'not-a-handler' });
      return { action: 'startIncoming', state: 'processing', code: '05', description: 'Đang xử lý', note: note ?? null };
    });
  }

  completeIncoming(u: SessionUser, id: string, note?: string): Promise<IncomingDetail> {
    return this.#act(u, id, ['assigned', 'processing'], async (tx) => {
      if ((await this.#handlerPart(tx, id, u.id)) !== 'lead') throw new OfficeError('FORBIDDEN', { reason: 'not-the-lead-handler' });
      return { action: 'completeIncoming', state: 'done', code: '06', description: note ? `Hoàn thành: ${note}` : 'Hoàn thành', note: note ?? null };
    });
  }

  returnIncoming(u: SessionUser, id: string, reason: string): Promise<IncomingDetail> {
    return this.#act(u, id, ['arrived', 'registered'], async (tx) => {
      await tx.updateTable('incoming').set({ return_reason: reason }).where('id', '=', id).execute();
      return { action: 'returnIncoming', state: 'returned', code: '02', description: reason, note: reason };
    });
  }

  // ---------------------------------------------------------------- drafts

  async #draftRow(u: SessionUser, id: string, tx: Tx = this.#d.db, lock = false): Promise<Selectable<DraftTable>> {
    let q = tx.selectFrom('drafts').selectAll().where('id', '=', id).where('agency', '=', u.agency);
    if (lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw new OfficeError('NOT_FOUND');
    return row;
  }

  async #draftOut(r: Selectable<DraftTable>): Promise<Draft> {
    const files = await this.#d.db.selectFrom('draft_files').select(['index', 'name', 'content_type', sql<number>`length(data)`.as('size')]).where('draft_id', '=', r.id).orderBy('index').execute();
    const doc = r.document;
    const issues = check(AdministrativeDocumentSchema, doc, ['document']);
    const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? id } : null);
    return {
      id: r.id,
      state: r.state as Draft['state'],
      version: r.version,
      document: doc,
      recipients: r.recipients as unknown as Draft['recipients'],
      issues: issues.ok ? [] : issues.issues,
      createdBy: { id: r.created_by_id, name: r.created_by_name },
      signer: person(r.signer_id, r.signer_name),
      signedBy: person(r.signed_by_id, r.signed_by_name),
      signedAt: iso(r.signed_at),
      number: r.number,
      notation: r.notation,
      issuedDate: r.issued_date,
      sealedBy: person(r.sealed_by_id, r.sealed_by_name),
      pdf: r.pdf && r.pdf_sha256 ? { size: r.pdf.length, sha256: r.pdf_sha256 } : null,
      attachments: files.map((f) => ({ index: f.index, name: f.name, contentType: f.content_type, size: f.size })),
      outgoingId: r.outgoing_id,
      replaces: r.replaces ?? null,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    };
  }

  async #recipientsOf(u: SessionUser, codes: string[]): Promise<Ref[]> {
    // Names from the directory when it answers; the code otherwise (checked again by the exchange at send).
    const out: Ref[] = [];
    for (const code of [...new Set(codes)]) {
      let name = code;
      try {
        name = (await this.client(u.agency).getAgency(code)).name;
      } catch {
        // keep the code
      }
      out.push({ id: code, name });
    }
    return out;
  }

  async listDrafts(u: SessionUser, q: z.output<typeof ListDraftsQuerySchema>): Promise<DraftPage> {
    const after = decodeCursor(q.cursor, ['string', 'string']);
    let query = this.#d.db.selectFrom('drafts').selectAll().where('agency', '=', u.agency);
    if (q.state) query = query.where('state', '=', q.state);
    if (q.mine) query = query.where((eb) => eb.or([eb('created_by_id', '=', u.id), eb('signer_id', '=', u.id)]));
    if (!sees(u)) query = query.where((eb) => eb.or([eb('created_by_id', '=', u.id), eb('signer_id', '=', u.id)]));
    if (after) query = query.where(sql<boolean>`(updated_at, id) < (${new Date(String(after[0]))}, ${String(after[1])})`);
    const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
    const more = rows.length > q.limit;
    const items = await Promise.all(rows.slice(0, q.limit).map((r) => this.#draftOut(r)));
    const last = items[items.length - 1];
    return { items, nextCursor: more && last ? encodeCursor([last.updatedAt, last.id]) : null };
  }

  async getDraft(u: SessionUser, id: string): Promise<Draft> {
    const r = await this.#draftRow(u, id);
    if (!sees(u) && r.created_by_id !== u.id && r.signer_id !== u.id) throw new OfficeError('NOT_FOUND');
    return this.#draftOut(r);
  }

  async createDraft(u: SessionUser, body: { document: Record<string, unknown>; recipients: string[] }): Promise<Draft> {
    const id = newId();
    const now = this.#d.now();
    const recipients = (await this.#recipientsOf(u, body.recipients)).map((r) => ({ code: r.id, name: r.name }));
    const document = { ...body.document };
    delete document.number;
    await this.#d.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('drafts')
        .values({
          id, agency: u.agency, state: 'draft', version: 1, document: JSON.stringify(document), recipients: JSON.stringify(recipients),
          created_by_id: u.id, created_by_name: u.name, signer_id: null, signer_name: null, signed_by_id: null, signed_by_name: null, signed_at: null,
          number: null, notation: null, issued_date: null, sealed_by_id: null, sealed_by_name: null, pdf: null, pdf_sha256: null, outgoing_id: null,
          created_at: now, updated_at: now,
        })
        .execute();
      await this.#history(tx, id, 'createDraft', u, null, null);
      await this.audit(tx, u.agency, u, 'createDraft', 'draft', id);
    });
    return this.getDraft(u, id);
  }

  async updateDraft(u: SessionUser, id: string, body: { version: number; document?: Record<string, unknown>; recipients?: string[] }): Promise<Draft> {
    const recipients = body.recipients ? (await this.#recipientsOf(u, body.recipients)).map((r) => ({ code: r.id, name: r.name })) : undefined;
    await this.#d.db.transaction().execute(async (tx) => {
      const r = await this.#draftRow(u, id, tx, true);
      if (!sees(u) && r.created_by_id !== u.id) throw new OfficeError('NOT_FOUND');
      if (r.state !== 'draft') throw new OfficeError('INVALID_STATE', { state: r.state, allowed: ['draft'] });
      if (r.version !== body.version) throw new OfficeError('VERSION_CONFLICT', { current: r.version });
      const set: Partial<Record<'document' | 'recipients', string>> = {};
      if (body.document) {
        const document = { ...body.document };
        delete document.number;
        set.document = JSON.stringify(document);
      }
      if (recipients) set.recipients = JSON.stringify(recipients);
      await tx.updateTable('drafts').set({ ...set, version: r.version + 1, updated_at: this.#d.now() }).where('id', '=', id).execute();
      await this.audit(tx, u.agency, u, 'updateDraft', 'draft', id, { version: r.version + 1 });
    });
    return this.getDraft(u, id);
  }

  async addDraftAttachment(u: SessionUser, id: string, body: { name: string; contentType: string; data: string }): Promise<Draft> {
    const data = Buffer.from(body.data, 'base64');
    await this.#d.db.transaction().execute(async (tx) => {
      const r = await this.#draftRow(u, id, tx, true);
      if (!['draft', 'submitted', 'signed', 'numbered'].includes(r.state)) throw new OfficeError('INVALID_STATE', { state: r.state });
      const max = await tx.selectFrom('draft_files').select(sql<number>`coalesce(max(index), -1)`.as('m')).where('draft_id', '=', id).executeTakeFirstOrThrow();
      await tx.insertInto('draft_files').values({ draft_id: id, index: max.m + 1, name: body.name, content_type: body.contentType, data }).execute();
      await tx.updateTable('drafts').set({ version: r.version + 1, updated_at: this.#d.now() }).where('id', '=', id).execute();
      await this.audit(tx, u.agency, u, 'addDraftAttachment', 'draft', id, { name: body.name, size: data.length });
    });
    return this.getDraft(u, id);
  }

  async draftPdf(u: SessionUser, id: string): Promise<Uint8Array> {
    const r = await this.#draftRow(u, id);
    if (!sees(u) && r.created_by_id !== u.id && r.signer_id !== u.id) throw new OfficeError('NOT_FOUND');
    if (!r.pdf) throw new OfficeError('NOT_FOUND');
    return r.pdf;
  }

  async #draftStep(u: SessionUser, id: string, allowed: string[], fn: (tx: Transaction<OfficeDatabase>, r: Selectable<DraftTable>) => Promise<{ action: string; set: Record<string, unknown>; note?: string | null; detail?: Record<string, unknown> }>): Promise<Draft> {
    await this.#d.db.transaction().execute(async (tx) => {
      const r = await this.#draftRow(u, id, tx, true);
      if (!allowed.includes(r.state)) throw new OfficeError('INVALID_STATE', { state: r.state, allowed });
      const step = await fn(tx, r);
      await tx.updateTable('drafts').set({ ...step.set, version: r.version + 1, updated_at: this.#d.now() }).where('id', '=', id).execute();
      await this.#history(tx, id, step.action, u, step.note ?? null, null);
      await this.audit(tx, u.agency, u, step.action, 'draft', id, step.detail ?? {});
    });
    return this.getDraft(u, id);
  }

  submitDraft(u: SessionUser, id: string, body: { signer: string; note?: string | undefined }): Promise<Draft> {
    return this.#draftStep(u, id, ['draft'], async (tx, r) => {
      if (!sees(u) && r.created_by_id !== u.id) throw new OfficeError('NOT_FOUND');
      const doc = r.document;
      const checked = check(AdministrativeDocumentSchema, doc, ['document']);
      if (!checked.ok) throw new OfficeError('INVALID_DOCUMENT', { issues: checked.issues });
      if (isSecret(checked.value)) throw new OfficeError('SECRET_DOCUMENT');
      if ((r.recipients as unknown as Ref[]).length === 0) {
        throw new OfficeError('VALIDATION_FAILED', { issues: [{ code: 'recipients.empty', path: '/recipients', message: { vi: 'Chưa chọn cơ quan nhận.', en: 'No recipient agency chosen.' } }] });
      }
      const signer = await tx.selectFrom('users').select(['id', 'name', 'roles']).where('agency', '=', u.agency).where('id', '=', body.signer).executeTakeFirst();
      if (!signer?.roles.includes('lanhDao')) {
        throw new OfficeError('VALIDATION_FAILED', { issues: [{ code: 'signer.notLeader', path: '/body/signer', message: { vi: 'Người ký phải là lãnh đạo của cơ quan.', en: 'The signer must be a leader of the agency.' } }] });
      }
      return { action: 'submitDraft', set: { state: 'submitted', signer_id: signer.id, signer_name: signer.name }, note: body.note ?? null, detail: { signer: signer.id } };
    });
  }

  signDraft(u: SessionUser, id: string, pdfBase64: string, note?: string): Promise<Draft> {
    return this.#draftStep(u, id, ['submitted'], async (_tx, r) => {
      if (r.signer_id !== u.id) throw new OfficeError('FORBIDDEN', { reason: 'not-the-designated-signer' });
      const pdf = pdfBytes(pdfBase64);
      const verified = await this.#d.signatures?.check(pdf, 'sign', 0);
      const sha = await sha256Hex(pdf);
      return { action: 'signDraft', set: { state: 'signed', signed_by_id: u.id, signed_by_name: u.name, signed_at: this.#d.now(), pdf, pdf_sha256: sha }, note: note ?? null, detail: { sha256: sha, ...(verified ? { signer: verified.signature.signerName ?? null, verified: true } : { verified: false }) } };
    });
  }

  numberDraft(u: SessionUser, id: string, date?: string): Promise<Draft> {
    return this.#draftStep(u, id, ['signed'], async (tx, r) => {
      const issued = date ?? vnToday(this.#d.now());
      const doc = { ...(r.document) };
      const type = documentType(doc.type as DocumentTypeKey);
      const legal = type.abbreviation !== undefined && (LEGAL_NORMATIVE_ABBREVIATIONS as readonly string[]).includes(type.abbreviation);
      const { number, year } = await this.#allocate(tx, u.agency, legal ? 'legal' : 'ordinary', issued, legal ? type.abbreviation : undefined);
      doc.number = number;
      doc.date = issued;
      const symbol = typeof doc.symbol === 'string' ? doc.symbol : '';
      const notation = `${padDocumentNumber(number)}/${symbol}`;
      const recipients = r.recipients as unknown as Array<{ code: string; name: string }>;
      const signer = doc.signer as { fullName?: string; position?: string } | undefined;
      await tx
        .insertInto('register_entries')
        .values({
          agency: u.agency, kind: 'outgoing', year, number, registered_at: this.#d.now(), document_id: id, organ_id: u.agency,
          organ_name: this.agency(u.agency).name, code_number: padDocumentNumber(number), code_notation: symbol, issued_date: issued,
          type_name: type.name, subject: typeof doc.subject === 'string' ? doc.subject : null,
          signer: signer?.fullName ? `${signer.fullName}${signer.position ? `, ${signer.position}` : ''}` : null,
          priority: priorityOfUrgency(typeof doc.urgency === 'string' ? doc.urgency : undefined), arrival_date: null,
          to_places: recipients.map((x) => x.name).join('; ') || null, due_date: null, note: null,
          search: searchText(typeof doc.subject === 'string' ? doc.subject : null, notation),
        })
        .execute();
      return { action: 'numberDraft', set: { state: 'numbered', number, notation, issued_date: issued, document: JSON.stringify(doc) }, detail: { number, year, notation } };
    });
  }

  sealDraft(u: SessionUser, id: string, pdfBase64: string): Promise<Draft> {
    return this.#draftStep(u, id, ['numbered'], async (_tx, r) => {
      const pdf = pdfBytes(pdfBase64);
      // The seal is an incremental update of the signed PDF: the leader's signed bytes come first, unchanged.
      if (!r.pdf || pdf.length <= r.pdf.length || !Buffer.from(pdf.subarray(0, r.pdf.length)).equals(Buffer.from(r.pdf))) {
        throw new OfficeError('INVALID_PDF', { reason: 'not-an-incremental-update-of-the-signed-pdf' }, {
          vi: 'Bản đóng dấu phải là bản cập nhật gia tăng của bản lãnh đạo đã ký.',
          en: 'The sealed PDF must be an incremental update of the PDF the leader signed.',
        });
      }
      const verified = this.#d.signatures ? await this.#d.signatures.check(pdf, 'seal', r.pdf.length) : undefined;
      const sha = await sha256Hex(pdf);
      return { action: 'sealDraft', set: { state: 'sealed', sealed_by_id: u.id, sealed_by_name: u.name, pdf, pdf_sha256: sha }, detail: { sha256: sha, ...(verified ? { sealedWith: verified.signature.signerName ?? null, verified: true } : { verified: false }) } };
    });
  }

  /**
   * Sends a sealed draft: the outgoing row (with the edXML and the message id the exchange deduplicates on) is
   * committed first, then the exchange is called. A crash between the two leaves a `sending` row that `resumeSending`
   * sends again with the same message id, so the document is never lost nor delivered twice.
   */
  async sendDraft(u: SessionUser, id: string): Promise<OutgoingDetail> {
    const outgoingId = await this.#d.db.transaction().execute(async (tx) => {
      const r = await this.#draftRow(u, id, tx, true);
      if (r.state !== 'sealed' || r.outgoing_id) {
        if (r.outgoing_id) return r.outgoing_id;
        throw new OfficeError('INVALID_STATE', { state: r.state, allowed: ['sealed'] });
      }
      const doc = r.document;
      const checked = check(AdministrativeDocumentSchema, doc, ['document']);
      if (!checked.ok) throw new OfficeError('INVALID_DOCUMENT', { issues: checked.issues });
      const recipients = r.recipients as unknown as Array<{ code: string; name: string }>;
      const files = await tx.selectFrom('draft_files').selectAll().where('draft_id', '=', id).orderBy('index').execute();
      const mainName = `${(r.notation ?? 'van-ban').replace(/[^\p{L}\d.-]+/gu, '_')}.pdf`;
      const attachments = [
        attachmentFromBytes({ attachmentName: mainName, description: mainName, contentType: 'application/pdf' }, r.pdf ?? new Uint8Array()),
        ...files.map((f) => attachmentFromBytes({ attachmentName: f.name, description: f.name, contentType: f.content_type }, f.data)),
      ];
      const agency = this.agency(u.agency);
      const from: EdxmlOrganization = { organId: agency.code, organName: agency.name, organizationInCharge: agency.name };
      // Thay thế: the earlier document must still be in force; the package names it (edXML business type 3).
      let business: { kind: 'replace'; reason: string; targetDocumentId?: string; replacements?: Array<{ documentId: string; organIds: string[] }> } | undefined;
      if (r.replaces) {
        const earlier = await tx.selectFrom('outgoing').selectAll().where('id', '=', r.replaces.outgoingId).where('agency', '=', u.agency).forUpdate().executeTakeFirst();
        if (!earlier || earlier.state !== 'sent' || earlier.replaced_by) {
          throw new OfficeError('INVALID_STATE', { reason: 'replaced-document-not-in-force', replaces: r.replaces.outgoingId, state: earlier?.state ?? null });
        }
        const parsedEarlier = await parseEdxml(earlier.edxml);
        const target = parsedEarlier.ok && parsedEarlier.value.kind === 'document' ? parsedEarlier.value.header.documentId : undefined;
        // Type 3 names the replaced document for each recipient (ReplacementInfoList), as the edXML rules require.
        business = {
          kind: 'replace',
          reason: r.replaces.reason,
          ...(target ? { targetDocumentId: target, replacements: [{ documentId: target, organIds: recipients.map((x) => x.code) }] } : {}),
        };
      }
      const pkg = fromDocument(checked.value, {
        from,
        to: recipients.map((x) => ({ organId: x.code, organName: x.name })),
        attachments,
        sentAt: this.#d.now(),
        ...(business ? { business } : {}),
      });
      if (!pkg.ok) {
        const secret = pkg.errors.some((e) => e.code === 'EDXML_SECRET_DOCUMENT');
        if (secret) throw new OfficeError('SECRET_DOCUMENT');
        throw new OfficeError('INVALID_DOCUMENT', { issues: pkg.errors.map((e) => ({ code: e.code, path: e.location?.path ?? '/', message: { vi: e.message, en: e.message } })) });
      }
      const oid = newId();
      await tx
        .insertInto('outgoing')
        .values({
          id: oid, agency: u.agency, draft_id: id, kind: 'new', revokes_id: null, replaces_id: r.replaces?.outgoingId ?? null, subject: checked.value.subject ?? null, notation: r.notation ?? '',
          number: r.number ?? 0, issued_date: r.issued_date ?? '', state: 'sending', message_id: `office-${oid}`, edxml: buildEdxml(pkg.value),
          exchange_id: null, sent_at: null, attempts: 0,
          recipients: JSON.stringify(recipients.map((x): TraceRecipient => ({ code: x.code, name: x.name, delivery: null, acknowledgedAt: null, statuses: [] }))),
          last_error: JSON.stringify(null), created_at: this.#d.now(), search: searchText(checked.value.subject, r.notation),
        })
        .execute();
      await tx.updateTable('drafts').set({ outgoing_id: oid, updated_at: this.#d.now(), version: r.version + 1 }).where('id', '=', id).execute();
      await this.#history(tx, id, 'sendDraft', u, null, null);
      await this.#history(tx, oid, 'sendDraft', u, null, null);
      await this.audit(tx, u.agency, u, 'sendDraft', 'outgoing', oid, { draftId: id, messageId: `office-${oid}` });
      return oid;
    });
    const row = await this.#d.db.selectFrom('outgoing').selectAll().where('id', '=', outgoingId).executeTakeFirstOrThrow();
    if (row.state === 'sending') {
      const failure = await this.deliver(row);
      if (failure) throw failure;
    }
    return this.getOutgoing(u, outgoingId, false);
  }

  /** One exchange call for a `sending` row; answers the error to report (the row stays `sending` on transient ones). */
  async deliver(row: Selectable<OutgoingTable>): Promise<OfficeError | undefined> {
    await this.#d.db.updateTable('outgoing').set({ attempts: row.attempts + 1 }).where('id', '=', row.id).execute();
    try {
      const res = await this.client(row.agency).sendDocument({ edxml: row.edxml, messageId: row.message_id });
      const recipients = (row.recipients).map((x) => ({ ...x, delivery: res.recipients.find((d) => d.agency === x.code)?.state ?? x.delivery }));
      await this.#d.db.transaction().execute(async (tx) => {
        await tx.updateTable('outgoing').set({ state: row.kind === 'revoke' ? 'sent' : 'sent', exchange_id: res.documentId, sent_at: res.sentAt, recipients: JSON.stringify(recipients), last_error: JSON.stringify(null) }).where('id', '=', row.id).execute();
        if (row.draft_id && row.kind === 'new') await tx.updateTable('drafts').set({ state: 'sent' }).where('id', '=', row.draft_id).execute();
        if (row.kind === 'revoke' && row.revokes_id) await tx.updateTable('outgoing').set({ state: 'revoked' }).where('id', '=', row.revokes_id).execute();
        if (row.replaces_id) {
          // The replacement is out: the earlier document is no longer in force.
          await tx.updateTable('outgoing').set({ replaced_by: row.id }).where('id', '=', row.replaces_id).execute();
          await this.#history(tx, row.replaces_id, 'replaced', null, row.notation, null);
        }
        await this.#history(tx, row.id, 'delivered', null, res.duplicate ? 'duplicate' : null, null);
        await this.audit(tx, row.agency, null, 'delivered', 'outgoing', row.id, { exchangeId: res.documentId, duplicate: res.duplicate, attempts: row.attempts + 1 });
      });
      return undefined;
    } catch (e) {
      const err = this.#exchangeFailure(e);
      const permanent =
        e instanceof ExchangeError &&
        ((e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429 && e.status !== 401) ||
          // The axis refuses with HTTP 200 and a FAIL envelope: a refusal of the package itself is final.
          (e.status === 200 && AXIS_REFUSALS.has(e.code)));
      await this.#d.db
        .updateTable('outgoing')
        .set({ state: permanent ? 'failed' : 'sending', last_error: JSON.stringify({ code: e instanceof ExchangeError ? e.code : 'INTERNAL', message: err.body.message }) })
        .where('id', '=', row.id)
        .execute();
      this.#d.log(`office: sending ${row.id} for ${row.agency} failed (${e instanceof ExchangeError ? e.code : 'error'}${permanent ? ', refused' : ', will retry'})`);
      return err;
    }
  }

  /** Sends again every row left `sending` (after a crash or an exchange outage), with its stored message id. */
  async resumeSending(agency: string): Promise<number> {
    const rows = await this.#d.db.selectFrom('outgoing').selectAll().where('agency', '=', agency).where('state', '=', 'sending').orderBy('seq').limit(50).execute();
    let done = 0;
    for (const r of rows) if (!(await this.deliver(r))) done++;
    return done;
  }

  #exchangeFailure(e: unknown): OfficeError {
    if (e instanceof OfficeError) return e;
    if (e instanceof ExchangeError) {
      if (e.code === 'UNKNOWN_RECIPIENT') return new OfficeError('UNKNOWN_RECIPIENT', { exchange: e.details ?? {} });
      if (e.code === 'SECRET_DOCUMENT') return new OfficeError('SECRET_DOCUMENT');
      return new OfficeError('EXCHANGE_FAILED', { exchangeCode: e.code, exchangeStatus: e.status });
    }
    return new OfficeError('EXCHANGE_FAILED', { exchangeCode: 'INTERNAL' });
  }

  // ---------------------------------------------------------------- outgoing

  #outgoingItem(r: Selectable<OutgoingTable>): OutgoingItem {
    const recipients = r.recipients;
    return {
      id: r.id,
      draftId: r.draft_id,
      exchangeId: r.exchange_id,
      subject: r.subject,
      notation: r.notation,
      number: r.number,
      issuedDate: r.issued_date,
      kind: r.kind as 'new' | 'revoke',
      state: r.state as OutgoingItem['state'],
      sentAt: iso(r.sent_at),
      recipients: recipients.map((x) => {
        const last = x.statuses[x.statuses.length - 1];
        return {
          agency: { code: x.code, name: x.name },
          delivery: x.delivery as OutgoingItem['recipients'][number]['delivery'],
          status: last ? { code: last.code as '01', label: statusLabel(last.code), description: last.description, staff: last.staff, at: last.at } : null,
        };
      }),
    };
  }

  async listOutgoing(u: SessionUser, q: z.output<typeof ListOutgoingQuerySchema>): Promise<OutgoingPage> {
    const after = decodeCursor(q.cursor, ['string', 'string']);
    let query = this.#d.db.selectFrom('outgoing').selectAll().where('agency', '=', u.agency);
    if (q.state) query = query.where('state', '=', q.state);
    if (q.q) query = query.where('search', 'like', containsPattern(q.q));
    if (after) query = query.where(sql<boolean>`(created_at, id) < (${new Date(String(after[0]))}, ${String(after[1])})`);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
    const more = rows.length > q.limit;
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return { items: page.map((r) => this.#outgoingItem(r)), nextCursor: more && last ? encodeCursor([new Date(last.created_at).toISOString(), last.id]) : null };
  }

  /** Refreshes the recipients' statuses from the exchange trace (kept when the exchange does not answer). */
  async refreshTrace(row: Selectable<OutgoingTable>): Promise<Selectable<OutgoingTable>> {
    if (!row.exchange_id) return row;
    const transport = this.client(row.agency);
    if (!transport.getTrace) return row; // axis: statuses come as status packages (recordStatus)
    try {
      const trace = await transport.getTrace(row.exchange_id);
      const recipients = (row.recipients).map((x): TraceRecipient => {
        const t = trace.recipients.find((r) => r.agency === x.code);
        if (!t) return x;
        return { ...x, name: t.name ?? x.name, delivery: t.state, acknowledgedAt: t.acknowledgedAt, statuses: t.statuses.map((s) => ({ code: s.code, description: s.description, staff: s.staff, at: s.at })) };
      });
      await this.#d.db.updateTable('outgoing').set({ recipients: JSON.stringify(recipients) }).where('id', '=', row.id).execute();
      return { ...row, recipients: recipients };
    } catch {
      return row;
    }
  }

  /**
   * Stores a status a recipient answered (axis: a status package) on the outgoing document it answers, found by the
   * edXML DocumentId of the sent package. Answers whether it matched one of this agency's documents.
   */
  async recordStatus(agency: string, s: ReceivedStatus): Promise<boolean> {
    if (!s.documentId || !s.code) return false;
    const like = `%${s.documentId.replace(/[\\%_]/g, (c) => `\\${c}`)}%`; // the DocumentId is in the stored edXML
    const candidates = await this.#d.db.selectFrom('outgoing').selectAll().where('agency', '=', agency).where('exchange_id', 'is not', null).where('edxml', 'like', like).orderBy('seq', 'desc').limit(20).execute();
    for (const row of candidates) {
      const parsed = await parseEdxml(row.edxml);
      if (!parsed.ok || parsed.value.kind !== 'document' || parsed.value.header.documentId !== s.documentId) continue;
      const recipients = row.recipients.map((x): TraceRecipient => {
        if (x.code !== s.from) return x;
        if (x.statuses.some((y) => y.code === s.code && y.at === s.at)) return x; // the same package again
        const statuses = [...x.statuses, { code: s.code, description: s.description, staff: s.staff, at: s.at }];
        return { ...x, delivery: x.delivery === 'pending' || x.delivery === null ? 'done' : x.delivery, acknowledgedAt: x.acknowledgedAt ?? (s.code === '01' ? s.at : null), statuses };
      });
      await this.#d.db.updateTable('outgoing').set({ recipients: JSON.stringify(recipients) }).where('id', '=', row.id).execute();
      return true;
    }
    return false;
  }

  async getOutgoing(u: SessionUser, id: string, refresh = true): Promise<OutgoingDetail> {
    let row = await this.#d.db.selectFrom('outgoing').selectAll().where('id', '=', id).where('agency', '=', u.agency).executeTakeFirst();
    if (!row) throw new OfficeError('NOT_FOUND');
    if (refresh) row = await this.refreshTrace(row);
    const item = this.#outgoingItem(row);
    const recipients = row.recipients;
    return {
      ...item,
      trace: recipients.map((x) => ({
        agency: { code: x.code, name: x.name },
        acknowledgedAt: x.acknowledgedAt,
        statuses: x.statuses.map((s) => ({ code: s.code as '01', label: statusLabel(s.code), description: s.description, staff: s.staff, at: s.at })),
      })),
      lastError: (row.last_error) ?? null,
      history: await this.#historyOf(id),
      replaces: row.replaces_id,
      replacedBy: row.replaced_by,
    };
  }

  async resendOutgoing(u: SessionUser, id: string): Promise<OutgoingDetail> {
    const row = await this.#d.db.selectFrom('outgoing').selectAll().where('id', '=', id).where('agency', '=', u.agency).executeTakeFirst();
    if (!row) throw new OfficeError('NOT_FOUND');
    if (!['sending', 'failed'].includes(row.state)) throw new OfficeError('INVALID_STATE', { state: row.state, allowed: ['sending', 'failed'] });
    await this.#d.db.transaction().execute(async (tx) => {
      await tx.updateTable('outgoing').set({ state: 'sending' }).where('id', '=', id).execute();
      await this.#history(tx, id, 'resendOutgoing', u, null, null);
      await this.audit(tx, u.agency, u, 'resendOutgoing', 'outgoing', id);
    });
    const failure = await this.deliver({ ...row, state: 'sending' });
    if (failure) throw failure;
    return this.getOutgoing(u, id, false);
  }

  /**
   * Thay thế: a new draft replacing a sent document — its content (without the number) and recipients copied for the
   * drafter to correct. Sent, it carries edXML business type 3 naming the earlier document, which is then replaced.
   */
  async replaceOutgoing(u: SessionUser, id: string, reason: string): Promise<Draft> {
    const draftId = newId();
    await this.#d.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('outgoing').selectAll().where('id', '=', id).where('agency', '=', u.agency).forUpdate().executeTakeFirst();
      if (!row) throw new OfficeError('NOT_FOUND');
      if (row.state !== 'sent' || row.kind !== 'new' || row.replaced_by) {
        throw new OfficeError('INVALID_STATE', { state: row.state, allowed: ['sent'], replacedBy: row.replaced_by });
      }
      const original = row.draft_id ? await tx.selectFrom('drafts').selectAll().where('id', '=', row.draft_id).executeTakeFirst() : undefined;
      const document: Record<string, unknown> = { ...(original?.document ?? { subject: row.subject }) };
      delete document.number;
      const now = this.#d.now();
      await tx
        .insertInto('drafts')
        .values({
          id: draftId, agency: u.agency, state: 'draft', version: 1, document: JSON.stringify(document),
          recipients: JSON.stringify(row.recipients.map((x) => ({ code: x.code, name: x.name }))),
          created_by_id: u.id, created_by_name: u.name, signer_id: null, signer_name: null, signed_by_id: null, signed_by_name: null, signed_at: null,
          number: null, notation: null, issued_date: null, sealed_by_id: null, sealed_by_name: null, pdf: null, pdf_sha256: null, outgoing_id: null,
          replaces: JSON.stringify({ outgoingId: row.id, notation: row.notation, reason }), created_at: now, updated_at: now,
        })
        .execute();
      await this.#history(tx, draftId, 'replaceOutgoing', u, reason, null);
      await this.#history(tx, id, 'replaceOutgoing', u, reason, null);
      await this.audit(tx, u.agency, u, 'replaceOutgoing', 'outgoing', id, { reason, draftId });
    });
    return this.getDraft(u, draftId);
  }

  async revokeOutgoing(u: SessionUser, id: string, reason: string): Promise<OutgoingDetail> {
    const revokeId = await this.#d.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('outgoing').selectAll().where('id', '=', id).where('agency', '=', u.agency).forUpdate().executeTakeFirst();
      if (!row) throw new OfficeError('NOT_FOUND');
      if (row.state !== 'sent' || row.kind !== 'new') throw new OfficeError('INVALID_STATE', { state: row.state, allowed: ['sent'] });
      const draft = row.draft_id ? await tx.selectFrom('drafts').selectAll().where('id', '=', row.draft_id).executeTakeFirst() : undefined;
      const checked = check(AdministrativeDocumentSchema, draft?.document ?? {}, ['document']);
      if (!checked.ok) throw new OfficeError('INVALID_DOCUMENT', { issues: checked.issues });
      const agency = this.agency(u.agency);
      const recipients = row.recipients;
      const original = await parseEdxml(row.edxml);
      const target = original.ok && original.value.kind === 'document' ? original.value.header.documentId : undefined;
      const pkg = fromDocument(checked.value, {
        from: { organId: agency.code, organName: agency.name, organizationInCharge: agency.name },
        to: recipients.map((x) => ({ organId: x.code, organName: x.name })),
        business: { kind: 'revoke', reason, ...(target ? { targetDocumentId: target } : {}) },
        sentAt: this.#d.now(),
      });
      if (!pkg.ok) throw new OfficeError('INVALID_DOCUMENT', { issues: pkg.errors.map((e) => ({ code: e.code, path: e.location?.path ?? '/', message: { vi: e.message, en: e.message } })) });
      const rid = newId();
      await tx
        .insertInto('outgoing')
        .values({
          id: rid, agency: u.agency, draft_id: row.draft_id, kind: 'revoke', revokes_id: row.id, subject: row.subject, notation: row.notation, number: row.number,
          issued_date: row.issued_date, state: 'sending', message_id: `office-${rid}`, edxml: buildEdxml(pkg.value), exchange_id: null, sent_at: null, attempts: 0,
          recipients: JSON.stringify(recipients.map((x) => ({ ...x, delivery: null, acknowledgedAt: null, statuses: [] }))), last_error: JSON.stringify(null),
          created_at: this.#d.now(), search: row.search,
        })
        .execute();
      await this.#history(tx, id, 'revokeOutgoing', u, reason, null);
      await this.audit(tx, u.agency, u, 'revokeOutgoing', 'outgoing', id, { reason, revokeId: rid });
      return rid;
    });
    const rrow = await this.#d.db.selectFrom('outgoing').selectAll().where('id', '=', revokeId).executeTakeFirstOrThrow();
    const failure = await this.deliver(rrow);
    if (failure) throw failure;
    return this.getOutgoing(u, id, false);
  }

  // ---------------------------------------------------------------- directory, health

  async searchDirectory(u: SessionUser, q: { q?: string | undefined; cursor?: string | undefined; limit: number }) {
    try {
      const page = await this.client(u.agency).listAgencies({ ...(q.q ? { q: q.q } : {}), ...(q.cursor ? { cursor: q.cursor } : {}), limit: q.limit });
      return { items: page.items.map((a) => ({ code: a.code, name: a.name, parentCode: a.parentCode, email: a.email })), nextCursor: page.nextCursor };
    } catch (e) {
      throw this.#exchangeFailure(e);
    }
  }

  async health(version: string, receiving: Set<string>) {
    const workers = await this.#d.db.selectFrom('workers').selectAll().execute();
    return {
      ok: true,
      version,
      database: this.#d.engine,
      agencies: this.#d.agencies.map((a) => {
        const w = workers.find((x) => x.agency === a.code);
        return { code: a.code, receiving: receiving.has(a.code), lastPollAt: iso(w?.last_poll_at ?? null) };
      }),
    };
  }
}

/** Decodes a base64 PDF and checks its header and trailer. */
function pdfBytes(b64: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(b64, 'base64'));
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  if (head !== '%PDF-' || !tail.includes('%%EOF')) throw new OfficeError('INVALID_PDF');
  return bytes;
}
