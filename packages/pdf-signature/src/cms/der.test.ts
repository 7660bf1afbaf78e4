import * as asn1js from 'asn1js';
import fc from 'fast-check';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { lastCms, makePdf } from '../node/test-support/fixtures.js';
import { signPdf } from '../sign/sign-pdf.js';
import { createDemoPki } from '../testing.js';
import { encodeContentInfo } from './build.js';
import { insertCertificates, signedDataParts } from './der.js';
import { parseSignedData } from './inspect.js';
import { OID } from './oids.js';

const hex = (b: Uint8Array | ArrayBuffer): string => Buffer.from(b instanceof ArrayBuffer ? new Uint8Array(b) : b).toString('hex');

async function signedCms(): Promise<Uint8Array> {
  const pki = await createDemoPki();
  const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
  const padded = lastCms(signed);
  // Without the zero padding of /Contents: the DER ContentInfo itself.
  const length = 4 + ((padded[2]! << 8) | padded[3]!);
  return padded.subarray(0, length);
}

describe('the CMS DER walker', () => {
  it('finds the parts of a SignedData, and puts certificates back where they belong', async () => {
    const cms = await signedCms();
    const parts = signedDataParts(cms)!;
    const whole = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(cms.slice().buffer).result }).content });
    expect(parts.certificates.map(hex)).toEqual((whole.certificates ?? []).map((c) => hex(c.toSchema().toBER(false))));
    expect(parts.signerInfos.map(hex)).toEqual(whole.signerInfos.map((si) => hex(si.toSchema().toBER(false))));
    expect(hex(parts.encapContentInfo)).toBe(hex(whole.encapContentInfo.toSchema().toBER(false)));
    // The same SignedData without certificates, then with them inserted: the original bytes.
    const bare = new pkijs.ContentInfo({ contentType: OID.signedData, content: Object.assign(whole, { certificates: undefined }).toSchema(true) });
    expect(hex(insertCertificates(new Uint8Array(bare.toSchema().toBER(false)), parts.certificates)!)).toBe(hex(cms));
    expect(insertCertificates(cms, parts.certificates)).toBeUndefined();
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
        const parts = signedDataParts(damaged);
        expect(parts === undefined || parts.signerInfos.every((p) => p instanceof Uint8Array)).toBe(true);
        expect(parseSignedData(damaged) === undefined || parseSignedData(damaged) instanceof pkijs.SignedData).toBe(true);
      }),
      { numRuns: Number(process.env.EGOV_FUZZ_RUNS ?? 200) },
    );
  });
});
