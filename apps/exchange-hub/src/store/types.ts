// The store's shared types: configuration (seed, systems), the caller, rows as the modules read them.
import type { EdxmlCheckReport } from '@egov-vn/edxml';
import type { Selectable } from 'kysely';
import type { DeliveryTable, DocumentTable, StatusTable } from '../db.js';

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

export interface SystemEntry {
  secret: string;
  agencies: Set<string>;
  /** How its axis timestamps are read (absent: `either`). */
  timeZone?: AxisTimeZone;
}

export interface StoreOptions {
  /** Largest accepted edXML package in bytes. */
  maxPackageBytes: number;
  /** How many document summaries the inbox keeps in memory (default 20 000; 0: none). */
  documentCacheSize?: number;
}

export type DocRow = Selectable<DocumentTable>;
/** A document without its package bytes: what listings and access checks read (never the full edXML). */
export type DocMeta = Omit<DocRow, 'edxml'>;
export const DOC_META = [
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
export const DOC_META_AS_DOC = DOC_META.map((c) => `doc.${c}` as const);
export type NewDocument = Omit<DocRow, 'seq' | 'kind' | 'attachments' | 'warnings'> & { attachments: string; warnings: string };
/** A delivery as the store answers it (`edoc` is for the statistics indexes only). */
export type DeliveryRow = Omit<Selectable<DeliveryTable>, 'edoc'>;
export type StatusRow = Selectable<StatusTable>;

/**
 * `strict` (the text of QCVN 102:2016: /v1, and /vxp with HUB_STRICT=1) or `axis` (what the national axis accepts:
 * only what breaks delivery is refused, every deviation is a warning stored with the delivery).
 */
export type CheckProfile = 'strict' | 'axis';

export interface SendInput {
  /** The package, as text or as the bytes received. */
  edxml: string | Uint8Array;
  /**
   * The checker's report of exactly these bytes, when they were checked while they streamed in (with
   * `checkOptions(profile)` of ./documents.ts): the package is then not checked a second time.
   */
  report?: EdxmlCheckReport;
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
