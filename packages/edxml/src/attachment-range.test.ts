// The base64 byte range of each attachment, found by the reader while it reads (a store keeps it and decodes only
// those bytes later): the same whether the input is whole or streamed in any chunks, and exactly the attachment.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEdxml, parseEdxml, type EdxmlAttachment } from './index.js';
import { chunked, fuzzRuns } from './test-helpers.js';
import { documentPackage, sampleDocumentPackage } from './testing.js';
import { attachmentFromBytes } from './attachment.js';

const runs = Math.max(50, Math.floor(fuzzRuns(200) / 100));
const enc = new TextEncoder();

function decodeRange(bytes: Uint8Array, range: { offset: number; length: number }): Uint8Array {
  const text = Buffer.from(bytes.subarray(range.offset, range.offset + range.length)).toString('latin1');
  expect(text).toMatch(/^[A-Za-z0-9+/=\s]*$/);
  return new Uint8Array(Buffer.from(text, 'base64'));
}

async function attachmentsOf(input: Uint8Array | ReadableStream<Uint8Array>): Promise<EdxmlAttachment[]> {
  const r = await parseEdxml(input);
  if (!r.ok || r.value.kind !== 'document') throw new Error('not a document package');
  return r.value.attachments;
}

describe('encodedRange of parsed attachments', () => {
  it('is the same for whole and streamed input (any chunking, after a BOM or not), and decodes to the attachment (property)', async () => {
    await fc.assert(
      fc.asyncProperty(documentPackage(), fc.integer({ min: 1, max: 4096 }), fc.boolean(), async (pkg, size, bom) => {
        const text = buildEdxml(pkg);
        const bytes = enc.encode(bom ? `\uFEFF${text}` : text);
        const whole = await attachmentsOf(bytes);
        const streamed = await attachmentsOf(chunked(bytes, size));
        expect(whole).toHaveLength(pkg.attachments.length);
        for (const [i, a] of whole.entries()) {
          expect(a.encodedRange).toBeDefined();
          expect(streamed[i]?.encodedRange).toEqual(a.encodedRange);
          expect(decodeRange(bytes, a.encodedRange!)).toEqual(pkg.attachments[i]!.bytes());
        }
      }),
      { numRuns: runs },
    );
  });

  it('holds wrapped base64, an empty attachment, and comments or instructions around the content', async () => {
    const pkg = sampleDocumentPackage('new');
    pkg.attachments = [
      attachmentFromBytes({ contentId: 'cid:1', attachmentName: 'a.pdf', contentType: 'application/pdf' }, enc.encode('x'.repeat(200))),
      attachmentFromBytes({ contentId: 'cid:2', attachmentName: 'b.txt', contentType: 'text/plain' }, new Uint8Array(0)),
    ];
    const b64 = Buffer.from('x'.repeat(200)).toString('base64');
    const wrapped = b64.replace(/(.{76})/g, '$1\r\n');
    const xml = buildEdxml(pkg).replace(b64, `<!-- before -->${wrapped}<?after ?>`);
    const bytes = enc.encode(xml);
    const [a, b] = await attachmentsOf(chunked(bytes, 7));
    expect(decodeRange(bytes, a!.encodedRange!)).toEqual(enc.encode('x'.repeat(200)));
    expect(b!.encodedRange?.length).toBe(0);
    expect(JSON.stringify(a)).not.toContain('encodedRange'); // not enumerable
  });

  it('is absent when the content is not one run of plain text: CDATA, a comment inside, a placeholder, a built attachment', async () => {
    const pkg = sampleDocumentPackage('new');
    pkg.attachments = [attachmentFromBytes({ contentId: 'cid:1', attachmentName: 'a.pdf', contentType: 'application/pdf' }, enc.encode('hello world!'))];
    const b64 = Buffer.from('hello world!').toString('base64');
    const xml = buildEdxml(pkg);
    const variants = [
      xml.replace(b64, `<![CDATA[${b64}]]>`),
      xml.replace(b64, `${b64.slice(0, 8)}<!-- split -->${b64.slice(8)}`),
      xml.replace(b64, '${__StringFromFile(a.pdf)}'),
    ];
    for (const v of variants) {
      const [a] = await attachmentsOf(enc.encode(v));
      expect(a).toBeDefined();
      expect(a!.encodedRange).toBeUndefined();
    }
    expect(pkg.attachments[0]!.encodedRange).toBeUndefined();
  });
});
