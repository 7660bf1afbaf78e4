import { Base64Decoder } from './base64.js';
import type { XmlElement } from './xml.js';

/** Attachment metadata, as in `AttachmentEncoded/Attachment` and the manifest `Reference`. */
export interface EdxmlAttachmentInfo {
  /** `cid:<id>`, the link between the manifest and the attachment. */
  contentId?: string;
  attachmentName?: string;
  description?: string;
  contentType?: string;
  /**
   * Set when `ContentTransferEncoded` held a load-test placeholder such as `${__StringFromFile(…)}` instead of base64
   * (seen on the national axis): the text as written. The content (`bytes()`, `stream()`) is its UTF-8, and the
   * builder writes the text back unchanged instead of base64.
   */
  placeholder?: string;
}

/** An attachment: metadata plus content that is read lazily. */
export interface EdxmlAttachment extends EdxmlAttachmentInfo {
  /** Decoded size in bytes, when known without reading. */
  readonly size: number | undefined;
  /** The decoded bytes as a stream; may be called any number of times. */
  stream(): ReadableStream<Uint8Array>;
  /** The decoded bytes at once. Throws a TypeError if the content is only available as a stream. */
  bytes(): Uint8Array;
  /** Extension elements inside `Attachment` (kept for round trips). */
  extensions?: XmlElement[];
  /**
   * Parsed attachments only: where the still-encoded base64 content lies in the input (byte offset and length), when it
   * is one run of plain text — no CDATA section, comment or processing instruction inside, not a placeholder. Found by
   * the reader while it reads (streams included), so a store can keep it and later decode only those bytes. Not
   * enumerable (absent from JSON and equality checks).
   */
  readonly encodedRange?: { readonly offset: number; readonly length: number };
}

const CHUNK = 1 << 16;

/** Copies the metadata fields that are present (no `undefined` keys). */
function info(meta: EdxmlAttachmentInfo & { extensions?: XmlElement[] }): EdxmlAttachmentInfo {
  const out: EdxmlAttachmentInfo & { extensions?: XmlElement[] } = {};
  if (meta.contentId !== undefined) out.contentId = meta.contentId;
  if (meta.attachmentName !== undefined) out.attachmentName = meta.attachmentName;
  if (meta.description !== undefined) out.description = meta.description;
  if (meta.contentType !== undefined) out.contentType = meta.contentType;
  if (meta.placeholder !== undefined) out.placeholder = meta.placeholder;
  if (meta.extensions !== undefined && meta.extensions.length > 0) out.extensions = meta.extensions;
  return out;
}

function streamOfChunks(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const c = chunks[i++];
      if (c === undefined) controller.close();
      else controller.enqueue(c);
    },
  });
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** An attachment whose decoded bytes are in memory (as one array or as chunks). */
export function attachmentFromBytes(
  meta: EdxmlAttachmentInfo & { extensions?: XmlElement[] },
  data: Uint8Array | readonly Uint8Array[],
): EdxmlAttachment {
  const chunks = data instanceof Uint8Array ? [data] : data;
  const size = chunks.reduce((n, c) => n + c.length, 0);
  return Object.assign(info(meta), {
    size,
    stream: () => streamOfChunks(chunks),
    bytes: () => concat(chunks, size),
  });
}

/** An attachment whose content comes from a stream factory (e.g. a file); use it with `buildEdxmlStream`. */
export function attachmentFromStream(
  meta: EdxmlAttachmentInfo & { extensions?: XmlElement[] },
  open: () => ReadableStream<Uint8Array>,
  size?: number,
): EdxmlAttachment {
  return Object.assign(info(meta), {
    size,
    stream: open,
    bytes: (): Uint8Array => {
      throw new TypeError('This attachment is only available as a stream: build with buildEdxmlStream().');
    },
  });
}

/** An attachment backed by still-encoded base64 byte ranges of the input, decoded only when read. */
export function attachmentFromBase64(
  meta: EdxmlAttachmentInfo & { extensions?: XmlElement[] },
  segments: readonly Uint8Array[],
  size: number,
): EdxmlAttachment {
  function* decoded(): Generator<Uint8Array> {
    const dec = new Base64Decoder();
    for (const seg of segments) {
      for (let s = 0; s < seg.length; s += CHUNK * 4) {
        const out = dec.decode(seg, s, Math.min(seg.length, s + CHUNK * 4));
        if (out.length > 0) yield out;
      }
    }
  }
  return Object.assign(info(meta), {
    size,
    stream: (): ReadableStream<Uint8Array> => {
      const it = decoded();
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          const r = it.next();
          if (r.done) controller.close();
          else controller.enqueue(r.value);
        },
      });
    },
    bytes: (): Uint8Array => {
      const out = new Uint8Array(size);
      let o = 0;
      for (const c of decoded()) {
        out.set(c, o);
        o += c.length;
      }
      return out;
    },
  });
}

/** Reads a whole stream into one array. */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const r = await reader.read();
    if (r.done) break;
    chunks.push(r.value);
    size += r.value.length;
  }
  return concat(chunks, size);
}
