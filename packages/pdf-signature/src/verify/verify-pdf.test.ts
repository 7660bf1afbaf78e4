import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../sign/sign-pdf.js';
import { createDemoPki, type DemoPki } from '../testing/pki.js';
import { lastSignatureCms, spanIn } from '../testing/forge.js';
import * as asn1js from 'asn1js';
import fc from 'fast-check';
import { derElement } from '../cms/der.js';
import { OID } from '../cms/oids.js';
import { indefinite, lastCms, makePdf, replaceCms, replaceCmsBytes } from '../node/test-support/fixtures.js';
import { verifyPdf } from './verify-pdf.js';

let pki: DemoPki;
beforeAll(async () => {
  pki = await createDemoPki();
});

describe('verifyPdf basics', () => {
  it('passes an honest signature with a trusted root and reports the whole file', async () => {
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    const report = await verifyPdf(signed, { trustAnchors: [pki.root.der] });
    expect(report.signatures).toHaveLength(1);
    const s = report.signatures[0]!;
    expect(s.checks.filter((c) => !c.passed && c.level === 'FAIL')).toEqual([]);
    expect(s.indication).toBe('TOTAL_PASSED');
    expect(s.coverage).toBe('ENTIRE_FILE');
    expect(s.modificationLevel).toBe('NONE');
    expect(s.signerName).toBe('Nguyễn Văn A');
    expect(s.format).toBe('PAdES-BASELINE-B');
  });

  it('is INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND without trust anchors', async () => {
    const signed = await signPdf(await makePdf({ objectStreams: true }), { signer: pki.signerFor(pki.signer) });
    const s = (await verifyPdf(signed, { trustAnchors: [] })).signatures[0]!;
    expect(s.indication).toBe('INDETERMINATE');
    expect(s.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
  });

  it('keeps chain results apart by anchors and time (results are remembered per signer)', async () => {
    const other = await createDemoPki();
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    const verdict = async (anchors: Uint8Array[], now?: Date) =>
      (await verifyPdf(signed, { trustAnchors: anchors, ...(now ? { now } : {}) })).signatures[0]!.indication;
    expect(await verdict([pki.root.der])).toBe('TOTAL_PASSED');
    expect(await verdict([other.root.der])).toBe('INDETERMINATE');
    expect(await verdict([pki.root.der])).toBe('TOTAL_PASSED');
    expect(await verdict([other.root.der, pki.root.der])).toBe('TOTAL_PASSED');
    expect(await verdict([other.root.der])).toBe('INDETERMINATE');
  });
});


describe('verifyPdf reads the CMS as other signers write it', () => {
  it('passes a CMS in BER with indefinite lengths (as older Acrobat wrote) exactly as its DER form', async () => {
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    const ber = replaceCmsBytes(signed, (cms) => indefinite(derElement(cms)!, 4));
    expect(lastCms(ber)[1]).toBe(0x80);
    const [der, fromBer] = await Promise.all([verifyPdf(signed, { trustAnchors: [pki.root.der] }), verifyPdf(ber, { trustAnchors: [pki.root.der] })]);
    expect(fromBer.signatures[0]!.indication).toBe('TOTAL_PASSED');
    expect(fromBer.signatures[0]!.checks).toEqual(der.signatures[0]!.checks);
  });

  it('finds the signer certificate by subject key identifier, and fails closed when none has it', async () => {
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    const ski = pki.signer.certificate.extensions!.find((e) => e.extnID === OID.subjectKeyIdentifier)!.parsedValue as asn1js.OctetString;
    const bySki = (id: Uint8Array) =>
      replaceCms(signed, (sd) => {
        sd.signerInfos[0]!.version = 3;
        sd.signerInfos[0]!.sid = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: id.slice().buffer });
      });
    const good = (await verifyPdf(bySki(new Uint8Array(ski.valueBlock.valueHexView)), { trustAnchors: [pki.root.der] })).signatures[0]!;
    expect(good.indication).toBe('TOTAL_PASSED');
    expect(good.signerName).toBe('Nguyễn Văn A');
    const other = (await verifyPdf(bySki(Uint8Array.of(1, 2, 3)), { trustAnchors: [pki.root.der] })).signatures[0]!;
    expect(other.indication).toBe('TOTAL_FAILED');
    expect(other.checks.find((c) => !c.passed)?.id).toBe('SigningCertificatePresent');
  });
});

describe('verifyPdf with a damaged CMS', () => {
  it('never throws, and fails every signature whose signed attributes or signature value changed', async () => {
    const runs = Number(process.env.EGOV_FUZZ_RUNS ?? 60);
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    const { contentsAt: start, cms, signer: si } = lastSignatureCms(signed);
    const covered = [spanIn(cms, si.signedAttrs!.der), spanIn(cms, si.signature)];
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: cms.length - 1 }), fc.boolean(), fc.integer({ min: 0, max: 15 }).map((n) => n.toString(16)), async (k, low, digit) => {
        const at = start + 2 * k + (low ? 1 : 0);
        if (String.fromCharCode(signed[at]!).toLowerCase() === digit) return;
        const bad = signed.slice();
        bad[at] = digit.charCodeAt(0);
        const report = await verifyPdf(bad, { trustAnchors: [pki.root.der] });
        expect(report.signatures).toHaveLength(1);
        const signedPart = covered.some(([from, to]) => k >= from && k < to);
        expect(signedPart ? report.validSignaturesCount : 0).toBe(0);
      }),
      { numRuns: runs },
    );
  });
});
