import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfSignatureError } from '../errors.js';
import { makePdf } from '../node/test-support/fixtures.js';
import { signPdf } from '../sign/sign-pdf.js';
import { createDemoPki, type DemoPki } from '../testing/pki.js';
import { verifyPdf } from '../verify/verify-pdf.js';
import { latin1Bytes } from './bytes.js';
import { PdfFile } from './file.js';
import { PdfArray, PdfDict, PdfName, PdfRef, PdfString, type PdfObject } from './objects.js';
import { Parser } from './parser.js';
import { serialize } from './writer.js';

const runs = Number(process.env.EGOV_FUZZ_RUNS ?? 60);

const objectArb: fc.Arbitrary<PdfObject> = fc.letrec<{ obj: PdfObject }>((tie) => ({
  obj: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.string({ minLength: 1, maxLength: 8 }).map((s) => new PdfName(s)),
    fc.uint8Array({ maxLength: 16 }).map((b) => new PdfString(b, true)),
    fc.tuple(fc.nat(1000), fc.nat(5)).map(([n, g]) => new PdfRef(n, g)),
    fc.array(tie('obj'), { maxLength: 4 }).map((items) => PdfArray.of2(items)),
    fc.dictionary(fc.stringMatching(/^[A-Za-z]{1,6}$/), tie('obj'), { maxKeys: 4 }).map((rec) => new PdfDict(Object.entries(rec))),
  ),
})).obj;

describe('PDF object parser', () => {
  it('round-trips serialised objects', () => {
    fc.assert(
      fc.property(objectArb, (obj) => {
        const text = serialize(obj);
        const back = new Parser(latin1Bytes(text)).parseObject();
        expect(serialize(back)).toBe(text);
      }),
      { numRuns: runs * 5 },
    );
  });

  it('never throws anything but a located PdfSignatureError on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        let caught: unknown;
        try {
          new Parser(bytes).parseObject();
        } catch (error) {
          caught = error;
        }
        expect(caught === undefined || (caught instanceof PdfSignatureError && typeof caught.offset === 'number')).toBe(true);
      }),
      { numRuns: runs * 5 },
    );
  });

  it('refuses nesting deeper than the bound instead of overflowing the stack', () => {
    expect(() => new Parser(latin1Bytes('['.repeat(100_000))).parseObject()).toThrow(PdfSignatureError);
  });

  it('refuses non-PDF input with a clear error', async () => {
    await expect(PdfFile.open(latin1Bytes('hello world, not a pdf'))).rejects.toMatchObject({ code: 'PDF_HEADER' });
  });
});

describe('verifyPdf under random corruption', () => {
  let pki: DemoPki;
  let signed: Uint8Array;
  let range: number[];
  beforeAll(async () => {
    pki = await createDemoPki();
    signed = await signPdf(await makePdf({ objectStreams: true }), { signer: pki.signerFor(pki.signer) });
    range = [...(await verifyPdf(signed, { trustAnchors: [pki.root.der] })).signatures[0]!.byteRange!];
  });

  it('never throws, and never passes when a signed byte changed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (pos, delta) => {
        const at = pos % signed.length;
        const bad = signed.slice();
        bad[at] = (bad[at]! + delta) & 0xff;
        const report = await verifyPdf(bad, { trustAnchors: [pki.root.der] });
        const [, a, b] = range as [number, number, number, number];
        const inSigned = at < a || at >= b;
        expect(inSigned ? report.validSignaturesCount : 0).toBe(0);
      }),
      { numRuns: runs },
    );
  });
});
