import { openDatabase as openSharedDatabase } from '@egov-vn/database';
import type { PGlite } from '@electric-sql/pglite';
import { type ColumnType, type Generated, type Kysely, type Migration, sql } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface SystemTable {
  id: string;
  secret: string;
  /** How its `XroadVnpt-timestamp` is read: 'Asia/Ho_Chi_Minh', 'UTC' or 'either' (migration 0002). */
  time_zone: Generated<string>;
}

export interface AgencyTable {
  code: string;
  name: string;
  email: string | null;
  endpoint: string | null;
  parent_code: string | null;
  system_id: string;
  updated_at: Timestamp;
  /** When this registration began: deliveries older than it belong to an earlier (deleted) registration. */
  registered_at: Generated<Date>;
}

export interface DocumentTable {
  seq: Generated<number>;
  id: string;
  /** 'edoc' (document package) or 'status' (status package; used by the axis-compatible API). */
  kind: string;
  message_id: string;
  sender: string;
  body_sha256: string;
  edxml: Uint8Array;
  edxml_document_id: string | null;
  from_name: string | null;
  subject: string | null;
  notation: string | null;
  promulgation_date: string | null;
  priority: number | null;
  paper: boolean;
  signed: boolean;
  size: number;
  recipients: string[];
  attachments: ColumnType<AttachmentRow[], string, string>;
  sent_at: Timestamp;
  /** The checker's warnings (axis profile) that travel with the delivery: `[{ code, message: { vi, en }, path? }]`. */
  warnings: ColumnType<WarningRow[], string | undefined, string>;
}

export interface WarningRow {
  code: string;
  message: { vi: string; en: string };
  path?: string;
}

export interface AttachmentRow {
  index: number;
  name: string;
  contentType: string;
  size: number;
  /** Byte range of the still-encoded content in the package, kept at receipt (a download reads only it). */
  encoded?: { offset: number; length: number };
}

export interface DeliveryTable {
  seq: Generated<number>;
  document_id: string;
  recipient: string;
  state: string;
  delivered_at: Timestamp;
  acknowledged_at: Timestamp | null;
  ack_reason: string | null;
  /** Whether the delivered package is a document (kind 'edoc'), not a status package (migration 0005; no default). */
  edoc: boolean;
}

export interface StatusTable {
  id: Generated<number>;
  document_id: string;
  recipient: string;
  code: string;
  rank: number;
  description: string | null;
  staff: string | null;
  at: Timestamp;
}

/** A used nonce of a /v1 request (replay refused across restarts and instances), pruned by age. */
export interface NonceTable {
  system_id: string;
  nonce: string;
  seen_at: Timestamp;
}

/**
 * A used /vxp header set (systemid, timestamp, hash-header) and what it was used for: the same set is accepted again
 * only for the same operation and body (a retry), never for another. Pruned by age.
 */
export interface AxisReplayTable {
  system_id: string;
  timestamp: string;
  hash_header: string;
  operation: string;
  body_sha256: string;
  seen_at: Timestamp;
}

export interface Database {
  nonces: NonceTable;
  axis_replay: AxisReplayTable;
  systems: SystemTable;
  agencies: AgencyTable;
  documents: DocumentTable;
  deliveries: DeliveryTable;
  statuses: StatusTable;
}

/** One schema for PGlite and PostgreSQL. */
export const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('systems')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('secret', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('agencies')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('endpoint', 'text')
        .addColumn('parent_code', 'text')
        .addColumn('system_id', 'text', (c) => c.notNull().references('systems.id'))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable('documents')
        .addColumn('seq', 'bigserial', (c) => c.unique().notNull())
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('sender', 'text', (c) => c.notNull())
        .addColumn('body_sha256', 'text', (c) => c.notNull())
        .addColumn('edxml', 'bytea', (c) => c.notNull())
        .addColumn('edxml_document_id', 'text')
        .addColumn('from_name', 'text')
        .addColumn('subject', 'text')
        .addColumn('notation', 'text')
        .addColumn('promulgation_date', 'text')
        .addColumn('priority', 'integer')
        .addColumn('paper', 'boolean', (c) => c.notNull())
        .addColumn('signed', 'boolean', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('recipients', sql`text[]`, (c) => c.notNull())
        .addColumn('attachments', 'jsonb', (c) => c.notNull())
        .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
        .addUniqueConstraint('documents_sender_message_id', ['sender', 'message_id'])
        .execute();
      await db.schema.createIndex('documents_sender_seq').on('documents').columns(['sender', 'seq']).execute();
      await db.schema
        .createTable('deliveries')
        .addColumn('seq', 'bigserial', (c) => c.unique().notNull())
        .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'timestamptz', (c) => c.notNull())
        .addColumn('acknowledged_at', 'timestamptz')
        .addColumn('ack_reason', 'text')
        .addPrimaryKeyConstraint('deliveries_pk', ['document_id', 'recipient'])
        .execute();
      await db.schema.createIndex('deliveries_recipient_seq').on('deliveries').columns(['recipient', 'seq']).execute();
      await db.schema
        .createTable('statuses')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('rank', 'integer', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('staff', 'text')
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addForeignKeyConstraint('statuses_delivery', ['document_id', 'recipient'], 'deliveries', ['document_id', 'recipient'])
        .addUniqueConstraint('statuses_once', ['document_id', 'recipient', 'code'])
        .execute();
    },
  },
};

migrations['0002_security_and_axis'] = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('systems').addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('either')).execute();
    await db.schema
      .alterTable('agencies')
      .addColumn('registered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`'-infinity'::timestamptz`))
      .execute();
    await db.schema.alterTable('documents').addColumn('warnings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`)).execute();
    await db.schema
      .createTable('nonces')
      .addColumn('system_id', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('nonces_pk', ['system_id', 'nonce'])
      .execute();
    await db.schema.createIndex('nonces_seen_at').on('nonces').column('seen_at').execute();
    await db.schema
      .createTable('axis_replay')
      .addColumn('system_id', 'text', (c) => c.notNull())
      .addColumn('timestamp', 'text', (c) => c.notNull())
      .addColumn('hash_header', 'text', (c) => c.notNull())
      .addColumn('operation', 'text', (c) => c.notNull())
      .addColumn('body_sha256', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('axis_replay_pk', ['system_id', 'timestamp', 'hash_header'])
      .execute();
    await db.schema.createIndex('axis_replay_seen_at').on('axis_replay').column('seen_at').execute();
  },
};

// Long-polling wake-ups across instances (src/wakeup.ts): a transaction that delivers something notifies, on commit,
// the recipients (`*`: too many to name in one notification). Statement-level, so a batch of sends is one notification.
migrations['0003_inbox_notify'] = {
  async up(db: Kysely<unknown>) {
    await sql`
      create or replace function egov_hub_notify_inbox() returns trigger language plpgsql as $$
      declare recipients text;
      begin
        select string_agg(distinct recipient, ',') into recipients from new_rows;
        if recipients is not null then
          perform pg_notify('egov_hub_inbox', case when length(recipients) > 7900 then '*' else recipients end);
        end if;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger deliveries_notify_inbox after insert on deliveries referencing new table as new_rows
      for each statement execute function egov_hub_notify_inbox()`.execute(db);
  },
};

// The statistics query at scale (bench/scale.bench.ts: 1 M documents, 5 M deliveries): a period of one agency reads
// that period's rows only, instead of every row of the agency filtered by date.
migrations['0004_period_indexes'] = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('deliveries_recipient_delivered_at').on('deliveries').columns(['recipient', 'delivered_at']).execute();
    await db.schema.createIndex('documents_sender_sent_at').on('documents').columns(['sender', 'sent_at']).execute();
  },
};

// The statistics query without a join (bench/scale.bench.ts): a delivery says whether it carries a document, and both
// halves of the month's statistics are index-only scans of partial covering indexes (those of 0004 are superseded).
// `edoc` has no default once filled: an insert that forgets it fails instead of counting a status as a document.
migrations['0005_statistics_covering_indexes'] = {
  async up(db: Kysely<unknown>) {
    await sql`alter table deliveries add column edoc boolean not null default true`.execute(db);
    await sql`update deliveries d set edoc = false from documents doc where doc.id = d.document_id and doc.kind <> 'edoc'`.execute(db);
    await sql`alter table deliveries alter column edoc drop default`.execute(db);
    await sql`create index deliveries_edoc_period on deliveries (recipient, delivered_at) include (acknowledged_at) where edoc`.execute(db);
    await sql`create index documents_edoc_period on documents (sender, sent_at) include (paper, signed) where kind = 'edoc'`.execute(db);
    await sql`drop index deliveries_recipient_delivered_at`.execute(db);
    await sql`drop index documents_sender_sent_at`.execute(db);
  },
};

// The pending inbox (what every receiving system polls: `state=pending`, in delivery order) reads only the pending
// deliveries of the agency, instead of every delivery of the agency filtered by state (bench/scale.bench.ts: 5.1 ms
// for the first page with 90 % of deliveries done).
migrations['0006_pending_inbox_index'] = {
  async up(db: Kysely<unknown>) {
    await sql`create index deliveries_pending on deliveries (recipient, seq) where state = 'pending'`.execute(db);
  },
};

/** The PGlite instance under a Kysely database opened on PGlite (its in-process LISTEN feeds the inbox wake-ups). */
export const pgliteOf = new WeakMap<Kysely<Database>, PGlite>();

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, an embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` (or absent) keeps everything in memory. */
  dataDir?: string;
  /** PostgreSQL: prepare at most this many statement texts (`preparedStatements` of @egov-vn/database; default 0: off). */
  preparedStatements?: number;
  /** PostgreSQL: connections in the pool (default 10). */
  poolSize?: number;
}

/**
 * Opens the database (PGlite or PostgreSQL) and brings its schema up to date: `openDatabase` of @egov-vn/database
 * (bigint as numbers, the pool's `error` event handled) with the hub's migrations; a dropped idle connection is logged
 * as one JSON line.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Kysely<Database>> {
  const opened = await openSharedDatabase<Database>({
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    migrations,
    pgliteExtensions: false,
    ...(options.preparedStatements ? { preparedStatements: options.preparedStatements } : {}),
    ...(options.poolSize ? { poolSize: options.poolSize } : {}),
    onPoolError: (error) => console.warn(JSON.stringify({ level: 'warn', msg: 'postgres closed an idle connection', error: error.message })),
  });
  if (opened.pglite) pgliteOf.set(opened.db, opened.pglite);
  return opened.db;
}
