// Helpers shared by the tests (not exported from the package).
import { readAll } from './attachment.js';
import type { EdxmlPackage } from './model.js';

/** A package with attachments replaced by plain data, for deep equality. */
export async function plain(pkg: EdxmlPackage): Promise<unknown> {
  if (pkg.kind !== 'document') return JSON.parse(JSON.stringify(pkg)) as unknown;
  const attachments = await Promise.all(
    pkg.attachments.map(async (a) => ({
      contentId: a.contentId,
      attachmentName: a.attachmentName,
      description: a.description,
      contentType: a.contentType,
      extensions: a.extensions,
      size: a.size,
      bytes: Array.from(await readAll(a.stream())),
    })),
  );
  return JSON.parse(JSON.stringify({ ...pkg, attachments })) as unknown;
}

/** A stream that yields `bytes` in chunks of `size`. */
export function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let o = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (o >= bytes.length) c.close();
      else {
        c.enqueue(bytes.slice(o, o + size));
        o += size;
      }
    },
  });
}

export function fuzzRuns(local: number): number {
  const env = Number(process.env['EGOV_FUZZ_RUNS']);
  if (Number.isFinite(env) && env > 0) return env;
  return process.env['CI'] ? 10_000 : local;
}
