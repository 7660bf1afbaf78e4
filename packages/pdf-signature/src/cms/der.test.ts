import * as asn1js from 'asn1js';
import fc from 'fast-check';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { encodeContentInfo, indefinite, lastCms, makePdf, parseSignedData } from '../node/test-support/fixtures.js';
import { signPdf } from '../sign/sign-pdf.js';
import { createDemoPki } from '../testing.js';
import { concatBytes } from '../pdf/bytes.js';
import { derElement, derOid, encodeOid, encodeTime, firstElement, signedDataParts, signerInfoParts } from './der.js';
import { OID } from './oids.js';

const hex = (b: Uint8Array | ArrayBuffer): string => Buffer.from(b instanceof ArrayBuffer ? new Uint8Array(b) : b).toString('hex');

async function signedCms(): Promise<Uint8Array> {
  const pki = await createDemoPki();
  const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
  // Without the zero padding of /Contents: the DER ContentInfo itself.
  return firstElement(lastCms(signed))!.der;
}

describe('the CMS DER walker', () => {
  it('finds the parts of a SignedData', async () => {
    const cms = await signedCms();
    const parts = signedDataParts(cms)!;
    const whole = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(cms.slice().buffer).result }).content });
    expect(parts.certificates.map(hex)).toEqual((whole.certificates ?? []).map((c) => hex(c.toSchema().toBER(false))));
    expect(parts.signerInfos.map(hex)).toEqual(whole.signerInfos.map((si) => hex(si.toSchema().toBER(false))));
    expect(hex(parts.encapContentInfo)).toBe(hex(whole.encapContentInfo.toSchema().toBER(false)));
    expect(parts.otherCertificates).toBe(0);
    expect(parts.crls).toBeUndefined();
  });

  it('signs with DER that is byte for byte what pkijs encodes for the same SignedData', async () => {
    const cms = await signedCms();
    const sd = parseSignedData(cms)!;
    const pkijsOwn = new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) }).toSchema().toBER(false);
    expect(hex(cms)).toBe(hex(pkijsOwn));
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

describe('reading a SignerInfo with the DER walker', () => {
  it('reads what pkijs reads, field by field', async () => {
    const cms = await signedCms();
    const whole = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(cms.slice().buffer).result }).content });
    const si = whole.signerInfos[0]!;
    const parts = signerInfoParts(signedDataParts(cms)!.signerInfos[0]!)!;
    expect(parts.version).toBe(si.version);
    expect(parts.digestAlgorithm).toBe(si.digestAlgorithm.algorithmId);
    expect(parts.signatureAlgorithm).toBe(si.signatureAlgorithm.algorithmId);
    expect(hex(parts.signature)).toBe(hex(si.signature.valueBlock.valueHexView));
    const sid = si.sid as pkijs.IssuerAndSerialNumber;
    expect('issuer' in parts.sid && hex(parts.sid.issuer.der)).toBe(hex(sid.issuer.toSchema().toBER(false)));
    expect('serial' in parts.sid && hex(parts.sid.serial)).toBe(hex(sid.serialNumber.valueBlock.valueHexView));
    // pkijs keeps the signed attributes with the SET tag they are signed under; the SignerInfo carries them as [0].
    expect(parts.signedAttrs!.der[0]).toBe(0xa0);
    expect(hex(parts.signedAttrs!.der.subarray(1))).toBe(hex(new Uint8Array(si.signedAttrs!.encodedValue).subarray(1)));
    expect(parts.signedAttrs!.attributes.map((a) => a.type)).toEqual(si.signedAttrs!.attributes.map((a) => a.type));
    expect(parts.signedAttrs!.attributes.map((a) => a.values.map((v) => hex(v.der)))).toEqual(
      si.signedAttrs!.attributes.map((a) => a.values.map((v: asn1js.AsnType) => hex(v.toBER(false)))),
    );
    expect(parts.unsignedAttrs).toBeUndefined();
  });

  it('reads a key identifier sid, and refuses what is not a SignerInfo', async () => {
    const cms = await signedCms();
    const der = signedDataParts(cms)!.signerInfos[0]!;
    const si = new pkijs.SignerInfo({ schema: asn1js.fromBER(der.slice().buffer).result });
    si.version = 3;
    si.sid = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: Uint8Array.of(1, 2, 3).buffer });
    const parts = signerInfoParts(new Uint8Array(si.toSchema().toBER(false)))!;
    expect(parts.version).toBe(3);
    expect('keyIdentifier' in parts.sid && [...parts.sid.keyIdentifier]).toEqual([1, 2, 3]);
    expect(signerInfoParts(der.subarray(0, der.length - 1))).toBeUndefined();
    expect(signerInfoParts(concatBytes([der, Uint8Array.of(0)]))).toBeUndefined();
    expect(signerInfoParts(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01))).toBeUndefined();
  });

  it('follows the indefinite lengths of BER and reads the same parts', async () => {
    const cms = await signedCms();
    const ber = indefinite(derElement(cms)!, 4);
    expect(ber.length).toBeGreaterThan(cms.length);
    const a = signedDataParts(cms)!;
    const b = signedDataParts(ber)!;
    expect(b.certificates.map(hex)).toEqual(a.certificates.map(hex));
    expect(b.signerInfos.map(hex)).toEqual(a.signerInfos.map(hex));
    const si = indefinite(derElement(a.signerInfos[0]!)!, 1);
    expect(si[1]).toBe(0x80);
    expect(hex(signerInfoParts(si)!.signedAttrs!.der)).toBe(hex(signerInfoParts(a.signerInfos[0]!)!.signedAttrs!.der));
    // An unterminated indefinite length, and one on a primitive element, are refused.
    expect(signedDataParts(ber.subarray(0, ber.length - 2))).toBeUndefined();
    expect(derElement(Uint8Array.of(0x04, 0x80, 0x01, 0x00, 0x00))).toBeUndefined();
  });

  it('encodes and decodes object identifiers as asn1js does', () => {
    const arcs = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 39 }), fc.array(fc.nat({ max: 2 ** 40 }), { maxLength: 8 }));
    fc.assert(
      fc.property(arcs, ([first, second, rest]) => {
        const text = [first, second, ...rest].join('.');
        const der = new Uint8Array(new asn1js.ObjectIdentifier({ value: text }).toBER(false));
        expect(derOid(derElement(der))).toBe(text);
        expect(hex(encodeOid(text))).toBe(hex(der));
      }),
    );
    expect(derOid(derElement(Uint8Array.of(0x06, 0x01, 0x81)))).toBeUndefined();
    expect(derOid(derElement(Uint8Array.of(0x04, 0x01, 0x01)))).toBeUndefined();
  });

  it('encodes times as RFC 5280 asks: UTCTime to 2049, GeneralizedTime after', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const second = new Date(Math.floor(date.getTime() / 1000) * 1000);
        const el = derElement(encodeTime(date))!;
        expect(el.id).toBe(date.getUTCFullYear() < 2050 ? 0x17 : 0x18);
        const parsed = asn1js.fromBER(el.der.slice().buffer).result as asn1js.UTCTime;
        expect(parsed.toDate().getTime()).toBe(second.getTime());
      }),
    );
  });

  it('never throws on damaged SignerInfo bytes', async () => {
    const der = signedDataParts(await signedCms())!.signerInfos[0]!;
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.nat({ max: der.length }), (at, value, cut) => {
        const damaged = der.slice(0, Math.max(1, cut));
        damaged[at % damaged.length] = value;
        const parts = signerInfoParts(damaged);
        expect(parts === undefined || parts.signature instanceof Uint8Array).toBe(true);
      }),
      { numRuns: Number(process.env.EGOV_FUZZ_RUNS ?? 300) },
    );
  });
});
