import { HubError } from './hub-error.js';

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
export async function readBody(req: Request, maxPackageBytes: number): Promise<Uint8Array> {
  const maxBody = maxBodyBytes(maxPackageBytes);
  const declared = req.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= maxBody)) throw new HubError('PAYLOAD_TOO_LARGE', { limit: maxPackageBytes });
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The sender went away mid-body: nothing to answer, nothing stored.
      throw new HubError('VALIDATION_FAILED', { body: 'aborted' }, {
        vi: 'Thân yêu cầu bị ngắt giữa chừng.',
        en: 'The request body was cut off.',
      });
    }
    const { done, value } = chunk;
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
