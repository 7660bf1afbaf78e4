// The office server's tables: one schema and one set of migrations for PGlite and PostgreSQL.
import type { ColumnType, Generated, Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface UserTable {
  agency: string;
  id: string;
  name: string;
  roles: string[];
  title: string | null;
  email: string | null;
  search: string;
  last_seen_at: Timestamp | null;
}

export interface StoredAttachment {
  index: number;
  name: string;
  contentType: string;
  size: number;
}

export interface StoredAssignment {
  lead: { id: string; name: string };
  coHandlers: Array<{ id: string; name: string }>;
  forInformation: Array<{ id: string; name: string }>;
  workingDays: number | null;
  dueDate: string;
  note: string | null;
  by: { id: string; name: string };
  at: string;
}

export interface IncomingMetadata {
  edxmlDocumentId: string | null;
  signed: boolean;
  to: Array<{ code: string; name: string }>;
  signerName: string | null;
  signerPosition: string | null;
}

export interface IncomingTable {
  seq: Generated<number>;
  id: string;
  agency: string;
  exchange_id: string;
  from_code: string;
  from_name: string;
  subject: string | null;
  notation: string | null;
  type_name: string | null;
  promulgation_date: string | null;
  urgency: string;
  state: string;
  arrived_at: Timestamp;
  arrival_number: number | null;
  arrival_date: string | null;
  due_date: string | null;
  lead_id: string | null;
  lead_name: string | null;
  assignment: Json<StoredAssignment | null>;
  return_reason: string | null;
  metadata: Json<IncomingMetadata>;
  attachments: Json<StoredAttachment[]>;
  search: string;
}

/** The received package of an incoming document, kept when the transport cannot fetch parts later (axis; 0004). */
export interface IncomingPackageTable {
  agency: string;
  exchange_id: string;
  edxml: Uint8Array;
}

export interface IncomingHandlerTable {
  incoming_id: string;
  user_id: string;
  part: string;
}

export interface ReadTable {
  incoming_id: string;
  user_id: string;
  at: Timestamp;
}

export interface HistoryTable {
  id: Generated<number>;
  doc_id: string;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  at: Timestamp;
  note: string | null;
  status_code: string | null;
}

export interface CounterTable {
  agency: string;
  register_key: string;
  last: number;
}

export interface RegisterEntryTable {
  agency: string;
  kind: string;
  year: number;
  number: number;
  registered_at: Timestamp;
  document_id: string;
  organ_id: string;
  organ_name: string;
  code_number: string | null;
  code_notation: string | null;
  issued_date: string | null;
  type_name: string | null;
  subject: string | null;
  signer: string | null;
  priority: number;
  arrival_date: string | null;
  to_places: string | null;
  due_date: string | null;
  note: string | null;
  search: string;
}

export interface DraftTable {
  id: string;
  agency: string;
  state: string;
  version: number;
  document: Json<Record<string, unknown>>;
  recipients: Json<Array<{ code: string; name: string }>>;
  created_by_id: string;
  created_by_name: string;
  signer_id: string | null;
  signer_name: string | null;
  signed_by_id: string | null;
  signed_by_name: string | null;
  signed_at: Timestamp | null;
  number: number | null;
  notation: string | null;
  issued_date: string | null;
  sealed_by_id: string | null;
  sealed_by_name: string | null;
  pdf: Uint8Array | null;
  pdf_sha256: string | null;
  outgoing_id: string | null;
  /** Thay thế: `{ outgoingId, notation, reason }` of the sent document this draft replaces (migration 0003). */
  replaces: ColumnType<{ outgoingId: string; notation: string; reason: string } | null, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DraftFileTable {
  draft_id: string;
  index: number;
  name: string;
  content_type: string;
  data: Uint8Array;
}

export interface TraceRecipient {
  code: string;
  name: string;
  delivery: string | null;
  acknowledgedAt: string | null;
  statuses: Array<{ code: string; description: string | null; staff: string | null; at: string }>;
}

export interface OutgoingTable {
  seq: Generated<number>;
  id: string;
  agency: string;
  draft_id: string | null;
  kind: string;
  revokes_id: string | null;
  /** The earlier outgoing document this one replaces, and the one that replaced it (migration 0003). */
  replaces_id: ColumnType<string | null, string | null | undefined, string | null>;
  replaced_by: ColumnType<string | null, string | null | undefined, string | null>;
  subject: string | null;
  notation: string;
  number: number;
  issued_date: string;
  state: string;
  message_id: string;
  edxml: string;
  exchange_id: string | null;
  sent_at: Timestamp | null;
  attempts: number;
  recipients: Json<TraceRecipient[]>;
  last_error: Json<{ code: string; message: { vi: string; en: string } } | null>;
  created_at: Timestamp;
  search: string;
}

export interface StatusOutboxTable {
  id: Generated<number>;
  agency: string;
  exchange_id: string;
  code: string;
  description: string | null;
  staff: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  attempts: number;
  last_error: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: Timestamp;
  agency: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  detail: Json<Record<string, unknown>>;
}

export interface WorkerTable {
  agency: string;
  last_poll_at: Timestamp | null;
  last_error: string | null;
}

export interface OfficeDatabase {
  users: UserTable;
  incoming: IncomingTable;
  incoming_handlers: IncomingHandlerTable;
  incoming_packages: IncomingPackageTable;
  reads: ReadTable;
  history: HistoryTable;
  counters: CounterTable;
  register_entries: RegisterEntryTable;
  drafts: DraftTable;
  draft_files: DraftFileTable;
  outgoing: OutgoingTable;
  status_outbox: StatusOutboxTable;
  audit: AuditTable;
  workers: WorkerTable;
}

/** One schema for PGlite and PostgreSQL. */
export const officeMigrations: Record<string, Migration> = {
  '0001_office': {
    async up(db: Kysely<unknown>) {
      await sql`create extension if not exists pg_trgm`.execute(db);
      await db.schema
        .createTable('users')
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('roles', sql`text[]`, (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('email', 'text')
        .addColumn('search', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'timestamptz')
        .addPrimaryKeyConstraint('users_pk', ['agency', 'id'])
        .execute();
      await db.schema
        .createTable('incoming')
        .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('exchange_id', 'text', (c) => c.notNull())
        .addColumn('from_code', 'text', (c) => c.notNull())
        .addColumn('from_name', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('notation', 'text')
        .addColumn('type_name', 'text')
        .addColumn('promulgation_date', 'text')
        .addColumn('urgency', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('arrived_at', 'timestamptz', (c) => c.notNull())
        .addColumn('arrival_number', 'integer')
        .addColumn('arrival_date', 'text')
        .addColumn('due_date', 'text')
        .addColumn('lead_id', 'text')
        .addColumn('lead_name', 'text')
        .addColumn('assignment', 'jsonb')
        .addColumn('return_reason', 'text')
        .addColumn('metadata', 'jsonb', (c) => c.notNull())
        .addColumn('attachments', 'jsonb', (c) => c.notNull())
        .addColumn('search', 'text', (c) => c.notNull())
        .addUniqueConstraint('incoming_agency_exchange', ['agency', 'exchange_id'])
        .execute();
      // Paged lists: newest first per agency, optionally by state; overdue by due date.
      await sql`create index incoming_list on incoming (agency, arrived_at desc, id desc)`.execute(db);
      await sql`create index incoming_state_list on incoming (agency, state, arrived_at desc, id desc)`.execute(db);
      await sql`create index incoming_due on incoming (agency, due_date) where state not in ('done', 'returned')`.execute(db);
      await sql`create index incoming_search on incoming using gin (search gin_trgm_ops)`.execute(db);
      await db.schema
        .createTable('incoming_handlers')
        .addColumn('incoming_id', 'text', (c) => c.notNull().references('incoming.id'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('part', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('incoming_handlers_pk', ['incoming_id', 'user_id'])
        .execute();
      await db.schema.createIndex('incoming_handlers_user').on('incoming_handlers').columns(['user_id', 'incoming_id']).execute();
      await db.schema
        .createTable('reads')
        .addColumn('incoming_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('reads_pk', ['incoming_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('history')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('status_code', 'text')
        .execute();
      await db.schema.createIndex('history_doc').on('history').columns(['doc_id', 'id']).execute();
      await db.schema
        .createTable('counters')
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('register_key', 'text', (c) => c.notNull())
        .addColumn('last', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('counters_pk', ['agency', 'register_key'])
        .execute();
      await db.schema
        .createTable('register_entries')
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('registered_at', 'timestamptz', (c) => c.notNull())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('organ_id', 'text', (c) => c.notNull())
        .addColumn('organ_name', 'text', (c) => c.notNull())
        .addColumn('code_number', 'text')
        .addColumn('code_notation', 'text')
        .addColumn('issued_date', 'text')
        .addColumn('type_name', 'text')
        .addColumn('subject', 'text')
        .addColumn('signer', 'text')
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('arrival_date', 'text')
        .addColumn('to_places', 'text')
        .addColumn('due_date', 'text')
        .addColumn('note', 'text')
        .addColumn('search', 'text', (c) => c.notNull())
        // Two clerks numbering at once can never both write a number: the counter row serialises them, this proves it.
        .addPrimaryKeyConstraint('register_entries_pk', ['agency', 'kind', 'year', 'number'])
        .execute();
      await db.schema
        .createTable('drafts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', 'jsonb', (c) => c.notNull())
        .addColumn('recipients', 'jsonb', (c) => c.notNull())
        .addColumn('created_by_id', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('signer_id', 'text')
        .addColumn('signer_name', 'text')
        .addColumn('signed_by_id', 'text')
        .addColumn('signed_by_name', 'text')
        .addColumn('signed_at', 'timestamptz')
        .addColumn('number', 'integer')
        .addColumn('notation', 'text')
        .addColumn('issued_date', 'text')
        .addColumn('sealed_by_id', 'text')
        .addColumn('sealed_by_name', 'text')
        .addColumn('pdf', 'bytea')
        .addColumn('pdf_sha256', 'text')
        .addColumn('outgoing_id', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await sql`create index drafts_list on drafts (agency, updated_at desc, id desc)`.execute(db);
      await db.schema
        .createTable('draft_files')
        .addColumn('draft_id', 'text', (c) => c.notNull().references('drafts.id'))
        .addColumn('index', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('data', 'bytea', (c) => c.notNull())
        .addPrimaryKeyConstraint('draft_files_pk', ['draft_id', 'index'])
        .execute();
      await db.schema
        .createTable('outgoing')
        .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('draft_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('revokes_id', 'text')
        .addColumn('subject', 'text')
        .addColumn('notation', 'text', (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('issued_date', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull().unique())
        .addColumn('edxml', 'text', (c) => c.notNull())
        .addColumn('exchange_id', 'text')
        .addColumn('sent_at', 'timestamptz')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('recipients', 'jsonb', (c) => c.notNull())
        .addColumn('last_error', 'jsonb')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('search', 'text', (c) => c.notNull())
        .execute();
      await sql`create index outgoing_list on outgoing (agency, created_at desc, id desc)`.execute(db);
      await sql`create index outgoing_sending on outgoing (state) where state = 'sending'`.execute(db);
      await db.schema
        .createTable('status_outbox')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('exchange_id', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('staff', 'text')
        .addColumn('created_at', 'timestamptz', (c) => c.notNull())
        .addColumn('sent_at', 'timestamptz')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .execute();
      await sql`create index status_outbox_pending on status_outbox (agency, id) where sent_at is null`.execute(db);
      await db.schema
        .createTable('audit')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text')
        .addColumn('detail', 'jsonb', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_agency').on('audit').columns(['agency', 'id']).execute();
      // Append-only: no row of the audit log may be changed or removed.
      await sql`create function audit_append_only() returns trigger language plpgsql as $$
        begin raise exception 'audit log is append-only'; end $$`.execute(db);
      await sql`create trigger audit_no_update before update or delete on audit for each row execute function audit_append_only()`.execute(
        db,
      );
      await sql`create trigger audit_no_truncate before truncate on audit for each statement execute function audit_append_only()`.execute(
        db,
      );
      await db.schema
        .createTable('workers')
        .addColumn('agency', 'text', (c) => c.primaryKey())
        .addColumn('last_poll_at', 'timestamptz')
        .addColumn('last_error', 'text')
        .execute();
    },
  },
  '0002_incoming_sender': {
    async up(db: Kysely<unknown>) {
      // The sender filter of the incoming list (with or without state) reads its own index instead of filtering.
      await sql`create index incoming_sender_list on incoming (agency, from_code, arrived_at desc, id desc)`.execute(db);
    },
  },
  '0003_replace': {
    async up(db: Kysely<unknown>) {
      // Thay thế: a draft replacing a sent document, and the link between the two outgoing documents.
      await db.schema.alterTable('drafts').addColumn('replaces', 'jsonb').execute();
      await db.schema.alterTable('outgoing').addColumn('replaces_id', 'text').execute();
      await db.schema.alterTable('outgoing').addColumn('replaced_by', 'text').execute();
    },
  },
  '0004_incoming_packages': {
    async up(db: Kysely<unknown>) {
      // The axis protocol has no attachment download: the received package is kept to read them (and to answer it).
      await db.schema
        .createTable('incoming_packages')
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('exchange_id', 'text', (c) => c.notNull())
        .addColumn('edxml', 'bytea', (c) => c.notNull())
        .addPrimaryKeyConstraint('incoming_packages_pk', ['agency', 'exchange_id'])
        .execute();
    },
  },
};
