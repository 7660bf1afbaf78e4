import { HubError } from './hub-error.js';

/**
 * The request body as bytes, refused with PAYLOAD_TOO_LARGE (before reading, by Content-Length, and after) when it
 * is larger than the largest accepted package plus room for its envelope (base64 in JSON, headers): the native API
 * and the axis-compatible API read bodies the same way.
 */
export async function readBody(
  req: { header(name: string): string | undefined; arrayBuffer(): Promise<ArrayBuffer> },
  maxPackageBytes: number,
): Promise<Uint8Array> {
  const maxBody = Math.ceil(maxPackageBytes * 1.2) + 64 * 1024;
  if (Number(req.header('content-length') ?? '0') > maxBody) throw new HubError('PAYLOAD_TOO_LARGE', { limit: maxPackageBytes });
  const body = new Uint8Array(await req.arrayBuffer());
  if (body.length > maxBody) throw new HubError('PAYLOAD_TOO_LARGE', { limit: maxPackageBytes });
  return body;
}
