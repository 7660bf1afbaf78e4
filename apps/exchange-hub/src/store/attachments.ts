// Attachment byte ranges kept at receipt (found by the edXML reader while it checked the package: `encodedRange` of
// each parsed attachment of @egov-vn/edxml), so that a download reads only the attachment's own bytes from the
// database instead of the whole package, and never parses the package again.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AttachmentRow, Database } from '../db.js';

/** Where an attachment's still-encoded base64 content lies in the stored package (bytes). */
export interface EncodedRange {
  offset: number;
  length: number;
}

/** Counts how many times each attachment range was read and how many packages were read whole (for tests/metrics). */
export const attachmentReads = { ranges: 0, wholePackages: 0 };

/** An attachment's decoded bytes read through its kept range: only that range of the package leaves the database. */
export async function readAttachmentRange(db: Kysely<Database>, documentId: string, range: EncodedRange): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('documents')
    .select(sql<Uint8Array>`substring(edxml from ${range.offset + 1} for ${range.length})`.as('encoded'))
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!row) return undefined;
  attachmentReads.ranges++;
  const encoded = row.encoded;
  return new Uint8Array(Buffer.from(Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength).toString('latin1'), 'base64'));
}

/** The attachment row as the contract shows it (the kept range is internal). */
export function publicAttachment(a: AttachmentRow): AttachmentRow {
  return { index: a.index, name: a.name, contentType: a.contentType, size: a.size };
}
