import * as asn1js from 'asn1js';
import fc from 'fast-check';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { signPdf } from '../sign/sign-pdf.js';
import { createDemoPki } from '../testing.js';
import { lastCms, makePdf, parseSignedData } from '../node/test-support/fixtures.js';
import { certificateFromDer } from './certificate-cache.js';

const der = (c: { toSchema(): { toBER(x: boolean): ArrayBuffer } }): string => Buffer.from(c.toSchema().toBER(false)).toString('hex');

describe('the certificate cache', () => {
  it('parses a certificate once and gives the same object for the same bytes', async () => {
    const pki = await createDemoPki();
    const a = certificateFromDer(pki.signer.der);
    expect(certificateFromDer(Uint8Array.from(pki.signer.der))).toBe(a);
    expect(der(a)).toBe(Buffer.from(pki.signer.der).toString('hex'));
    expect(certificateFromDer(pki.root.der)).not.toBe(a);
  });

  it('gives SignedData the certificates it carries, in order, from the cache', async () => {
    const pki = await createDemoPki();
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    const cms = lastCms(signed);
    const sd = parseSignedData(cms);
    expect(sd?.signerInfos).toHaveLength(1);
    const certs = sd?.certificates ?? [];
    expect(certs.map((c) => der(c as never))).toEqual((await pki.signerFor(pki.signer).certificateChain()).map((d) => Buffer.from(d).toString('hex')));
    expect(certs[0]).toBe(certificateFromDer(pki.signer.der));
  });

  it('refuses bytes that are not a certificate', () => {
    expect(() => certificateFromDer(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01))).toThrow();
    expect(parseSignedData(Uint8Array.of(0x30, 0x80, 0xff))).toBeUndefined();
  });

  it('reads the same SignedData as pkijs reading the bytes whole, and never throws on damaged bytes', async () => {
    const pki = await createDemoPki();
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    const cms = lastCms(signed);
    const whole = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(cms.slice().buffer).result }).content });
    const encode = (sd: pkijs.SignedData): string => Buffer.from(sd.toSchema(true).toBER(false)).toString('hex');
    expect(encode(parseSignedData(cms)!)).toBe(encode(whole));
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 255 }), (at, value) => {
        const damaged = cms.slice();
        damaged[at % 400] = value;
        const sd = parseSignedData(damaged);
        expect(sd === undefined || sd instanceof pkijs.SignedData).toBe(true);
      }),
      { numRuns: Number(process.env.EGOV_FUZZ_RUNS ?? 100) },
    );
  });
});
