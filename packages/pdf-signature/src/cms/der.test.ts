import fc from 'fast-check';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../node/test-support/fixtures.js';
import { signPdf } from '../sign/sign-pdf.js';
import { createDemoPki } from '../testing.js';
import { encodeContentInfo } from './build.js';
import { insertCertificates, splitCertificates } from './der.js';
import { parseSignedData } from './inspect.js';
import { OID } from './oids.js';

const hex = (b: Uint8Array | ArrayBuffer): string => Buffer.from(b instanceof ArrayBuffer ? new Uint8Array(b) : b).toString('hex');

async function signedCms(): Promise<Uint8Array> {
  const pki = await createDemoPki();
  const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
  const text = Buffer.from(signed).toString('latin1');
  const from = text.lastIndexOf('/Contents<') + '/Contents<'.length;
  const padded = Uint8Array.from(Buffer.from(text.slice(from, text.indexOf('>', from)), 'hex'));
  // Without the zero padding of /Contents: the DER ContentInfo itself.
  const length = 4 + ((padded[2]! << 8) | padded[3]!);
  return padded.subarray(0, length);
}

describe('the CMS DER walker', () => {
  it('takes the certificates out and puts them back to the same bytes', async () => {
    const cms = await signedCms();
    const split = splitCertificates(cms)!;
    expect(split.certificates).toHaveLength(2);
    expect(hex(insertCertificates(split.rest, split.certificates)!)).toBe(hex(cms));
    expect(insertCertificates(cms, split.certificates)).toBeUndefined();
  });

  it('encodes SignedData with its certificates byte for byte as pkijs does', async () => {
    const cms = await signedCms();
    const sd = parseSignedData(cms)!;
    const pkijsOwn = new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) }).toSchema().toBER(false);
    expect(hex(encodeContentInfo(sd))).toBe(hex(pkijsOwn));
    expect(hex(encodeContentInfo(sd))).toBe(hex(cms));
    expect(sd.certificates).toHaveLength(2);
  });

  it('answers undefined, never throws, for damaged or foreign bytes', async () => {
    const cms = await signedCms();
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.nat({ max: cms.length }), (at, value, cut) => {
        const damaged = cms.slice(0, Math.max(1, cut));
        damaged[at % damaged.length] = value;
        const split = splitCertificates(damaged);
        // Whatever is split can be joined again.
        const joined = split && insertCertificates(split.rest, split.certificates);
        expect(split === undefined || joined instanceof Uint8Array).toBe(true);
      }),
      { numRuns: Number(process.env.EGOV_FUZZ_RUNS ?? 200) },
    );
  });
});
