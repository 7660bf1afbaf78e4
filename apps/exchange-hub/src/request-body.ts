import { createHash } from 'node:crypto';
import { HubError } from './hub-error.js';

/**
 * How slowly a body may arrive (HUB_BODY_MIN_RATE, HUB_BODY_GRACE_MS): after `graceMs` from the start of reading, the
 * body must have arrived at `minBytesPerSecond` on average — the deadline for the next byte is `start + graceMs +
 * received / minBytesPerSecond` (the rule of Apache's mod_reqtimeout). A sender below it is cut off with `408
 * REQUEST_TIMEOUT` and the connection is closed after the answer, so a trickling sender holds neither a slot nor memory.
 */
export interface BodyPace {
  minBytesPerSecond: number;
  graceMs: number;
}

export const defaultBodyPace: BodyPace = { minBytesPerSecond: 1024, graceMs: 10_000 };

const cutOff = () =>
  new HubError('VALIDATION_FAILED', { body: 'aborted' }, { vi: 'Thân yêu cầu bị ngắt giữa chừng.', en: 'The request body was cut off.' });

/** The next chunk of the body; REQUEST_TIMEOUT when it does not come before the pace's deadline. */
async function readPaced(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  pace: BodyPace,
  started: number,
  received: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  const left = started + pace.graceMs + (received / pace.minBytesPerSecond) * 1000 - performance.now();
  const tooSlow = () =>
    new HubError('REQUEST_TIMEOUT', { received, minBytesPerSecond: pace.minBytesPerSecond }, {
      vi: `Thân yêu cầu đến quá chậm (dưới ${pace.minBytesPerSecond} byte/giây): kết nối bị cắt.`,
      en: `The request body arrived too slowly (below ${pace.minBytesPerSecond} bytes a second): the connection is cut off.`,
    });
  if (left <= 0) throw tooSlow();
  const read = reader.read();
  // When the deadline wins, the pending read ends with the connection (closed after the answer).
  read.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(tooSlow()), left);
  });
  try {
    return await Promise.race([read, deadline]);
  } catch (e) {
    // The sender went away mid-body: nothing to answer, nothing stored.
    throw e instanceof HubError ? e : cutOff();
  } finally {
    clearTimeout(timer);
  }
}

/** The largest body accepted for a package limit: the package plus room for its envelope (base64 in JSON, headers). */
export function maxBodyBytes(maxPackageBytes: number): number {
  return Math.ceil(maxPackageBytes * 1.2) + 64 * 1024;
}

/**
 * The request body as bytes, read only after the request's headers are authenticated, counted while it streams
 * (`Content-Length` or chunked alike) and refused with PAYLOAD_TOO_LARGE as soon as it passes the limit: a declared
 * length over the limit is refused before reading anything, and an undeclared one stops being read (the stream is
 * cancelled) at the first chunk past it, so memory never holds more than the limit. The native API and the
 * axis-compatible API read bodies the same way.
 */
export async function readBody(req: Request, maxPackageBytes: number, pace: BodyPace = defaultBodyPace): Promise<Uint8Array> {
  const maxBody = maxBodyBytes(maxPackageBytes);
  const declared = req.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= maxBody)) throw new HubError('PAYLOAD_TOO_LARGE', { limit: maxPackageBytes });
  // A GET or HEAD has no body for the handler (a Web Request cannot carry one); not asking for it spares building the
  // full Request around Node's message on every read request. A body sent anyway is not read, and its signed hash
  // (if it covered one) does not match the empty body: refused.
  if (req.method === 'GET' || req.method === 'HEAD' || !req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const started = performance.now();
  for (;;) {
    const { done, value } = await readPaced(reader, pace, started, size);
    if (done) break;
    size += value.byteLength;
    if (size > maxBody) {
      await reader.cancel().catch(() => undefined);
      throw new HubError('PAYLOAD_TOO_LARGE', { limit: maxPackageBytes });
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A request body read as it streams: bounded, hashed and kept while a consumer (the edXML checker) reads it. */
export interface StreamedBody {
  /** The body as it arrives; it errors with PAYLOAD_TOO_LARGE past the limit (or when the sender goes away). */
  readonly stream: ReadableStream<Uint8Array>;
  /**
   * Reads whatever the consumer left unread (a checker stops at a fatal error; the rest is still counted and hashed,
   * so that a tampered body is a BAD_SIGNATURE rather than a checker message), then gives every byte and their
   * SHA-256. Throws the HubError that stopped the stream (PAYLOAD_TOO_LARGE, body cut off).
   */
  rest(): Promise<{ bytes: Uint8Array; sha256: string }>;
}

/**
 * The body of an authenticated request as a stream for a consumer that reads while it arrives (`checkEdxml` over a
 * `ReadableStream`), counted (`maxBytes`: a declared length over it is refused before reading, an undeclared one is
 * cut off at the first chunk past it), hashed and kept (to be stored) on the way.
 */
export function streamBody(req: Request, maxBytes: number, pace: BodyPace = defaultBodyPace): StreamedBody {
  const declared = req.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= maxBytes)) throw new HubError('PAYLOAD_TOO_LARGE', { limit: maxBytes });
  const source = req.body?.getReader();
  const hash = createHash('sha256');
  const chunks: Uint8Array[] = [];
  let size = 0;
  let failure: HubError | undefined;
  const started = performance.now();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!source) {
        controller.close();
        return;
      }
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await readPaced(source, pace, started, size);
      } catch (e) {
        failure = e instanceof HubError ? e : cutOff();
        controller.error(failure);
        return;
      }
      if (r.done) {
        controller.close();
        return;
      }
      size += r.value.byteLength;
      if (size > maxBytes) {
        failure = new HubError('PAYLOAD_TOO_LARGE', { limit: maxBytes });
        await source.cancel().catch(() => undefined);
        controller.error(failure);
        return;
      }
      hash.update(r.value);
      chunks.push(r.value);
      controller.enqueue(r.value);
    },
    async cancel() {
      await source?.cancel().catch(() => undefined);
    },
  });
  return {
    stream,
    async rest() {
      if (!failure) {
        const reader = stream.getReader();
        try {
          for (;;) {
            const r = await reader.read();
            if (r.done) break;
          }
        } catch {
          // `failure` says why
        } finally {
          reader.releaseLock();
        }
      }
      if (failure) throw failure;
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.byteLength;
      }
      return { bytes, sha256: hash.digest('hex') };
    },
  };
}
