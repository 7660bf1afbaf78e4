// Attachment byte ranges kept at receipt, so that a download reads only the attachment's own bytes from the
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

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOT = 0x22;
const APOS = 0x27;

function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function isBase64Char(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x2b || b === 0x2f || b === 0x3d;
}

/** Decoded size of base64 text (whitespace ignored), or -1 when it holds anything else. */
function decodedSize(bytes: Uint8Array, start: number, end: number): number {
  let n = 0;
  let pad = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    if (isSpace(b)) continue;
    if (!isBase64Char(b)) return -1;
    n++;
    if (b === 0x3d) pad++;
  }
  if (n % 4 !== 0) return -1;
  return (n / 4) * 3 - pad;
}

function indexOfSeq(bytes: Uint8Array, seq: string, from: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(seq, from, 'latin1');
}

/**
 * The byte ranges of the base64 content of every `ContentTransferEncoded` element of a package the edXML checker
 * accepted, in document order: a lexical pass over the stored bytes that skips comments, CDATA sections and
 * processing instructions. The ranges are kept only when they agree with what the checker read — as many as the
 * package's attachments, each holding nothing but base64 of the attachment's decoded size — otherwise `undefined`
 * (the download then reads the package as before).
 */
export function encodedRanges(bytes: Uint8Array, sizes: readonly number[]): EncodedRange[] | undefined {
  if (sizes.length === 0) return [];
  const out: EncodedRange[] = [];
  let i = 0;
  for (;;) {
    const lt = bytes.indexOf(LT, i);
    if (lt < 0) break;
    const next = bytes[lt + 1];
    if (next === 0x21) {
      // <!-- … -->, <![CDATA[ … ]]>, <!DOCTYPE … >
      const close = bytes[lt + 2] === 0x2d ? indexOfSeq(bytes, '-->', lt + 4) : bytes[lt + 2] === 0x5b ? indexOfSeq(bytes, ']]>', lt + 9) : bytes.indexOf(GT, lt);
      if (close < 0) return undefined;
      i = close + 1;
      continue;
    }
    if (next === 0x3f) {
      const close = indexOfSeq(bytes, '?>', lt + 2);
      if (close < 0) return undefined;
      i = close + 2;
      continue;
    }
    // A tag: find its end, skipping quoted attribute values.
    let j = lt + 1;
    let quote = 0;
    for (; j < bytes.length; j++) {
      const b = bytes[j] as number;
      if (quote) {
        if (b === quote) quote = 0;
      } else if (b === QUOT || b === APOS) quote = b;
      else if (b === GT) break;
    }
    if (j >= bytes.length) return undefined;
    if (next !== SLASH && bytes[j - 1] !== SLASH) {
      let k = lt + 1;
      while (k < j && !isSpace(bytes[k]) && bytes[k] !== SLASH) k++;
      const name = Buffer.from(bytes.buffer, bytes.byteOffset + lt + 1, k - lt - 1).toString('latin1');
      if (name === 'ContentTransferEncoded' || name.endsWith(':ContentTransferEncoded')) {
        const start = j + 1;
        const end = bytes.indexOf(LT, start);
        if (end < 0 || bytes[end + 1] !== SLASH) return undefined; // CDATA, a comment or a child inside: not kept
        const size = decodedSize(bytes, start, end);
        if (size !== sizes[out.length]) return undefined;
        out.push({ offset: start, length: end - start });
        i = end;
        continue;
      }
    }
    i = j + 1;
  }
  return out.length === sizes.length ? out : undefined;
}

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
