// Builds benchmark packages shaped like the official samples, with pseudo-random attachment bytes.
import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { attachmentFromBytes, attachmentFromStream, buildEdxml, buildEdxmlStream } from '../src/index.js';
import { sampleDocumentPackage } from '../src/fixtures.js';

/** Deterministic pseudo-random bytes (xorshift32), fast enough for hundreds of megabytes. */
export function pseudoRandom(size: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(size);
  const words = new Uint32Array(out.buffer, 0, Math.floor(size / 4));
  let x = seed >>> 0;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return out;
}

/** A document package whose XML text is about `totalBytes` long (three attachments). */
export function packageOfSize(totalBytes: number): Uint8Array {
  const pkg = sampleDocumentPackage('replace');
  const each = Math.floor((totalBytes * 3) / 4 / 3);
  pkg.attachments = [1, 2, 3].map((n) =>
    attachmentFromBytes({ contentId: `cid:${n}`, attachmentName: `tep-${n}.pdf`, contentType: 'application/pdf', description: `Tệp ${n}` }, pseudoRandom(each, n)),
  );
  pkg.manifest = {
    version: '1.0',
    references: pkg.attachments.map((a) => ({ contentId: a.contentId, contentType: a.contentType, attachmentName: a.attachmentName, description: a.description })),
  };
  return new TextEncoder().encode(buildEdxml(pkg));
}

/** Writes a package with one attachment of `size` bytes to `path`, streaming (nothing large in memory). */
export async function writeLargePackage(path: string, size: number): Promise<void> {
  const pkg = sampleDocumentPackage('new');
  const chunk = 1 << 20;
  pkg.attachments = [
    attachmentFromStream(
      { contentId: 'cid:1', attachmentName: 'lon.pdf', contentType: 'application/pdf', description: 'Tệp lớn' },
      () => {
        let sent = 0;
        return new ReadableStream<Uint8Array>({
          pull(c) {
            if (sent >= size) return c.close();
            const n = Math.min(chunk, size - sent);
            c.enqueue(pseudoRandom(n, sent + 1));
            sent += n;
          },
        });
      },
      size,
    ),
  ];
  await buildEdxmlStream(pkg).pipeTo(Writable.toWeb(createWriteStream(path)) as WritableStream<Uint8Array>);
}
