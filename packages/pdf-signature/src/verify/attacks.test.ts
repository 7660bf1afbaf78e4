/**
 * The attack list of docs/standards.md: every row is a generated fixture with its expected verdict.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OID } from '../cms/oids.js';
import { startTimestampServer, type LocalServer } from '../node/tsa-server.js';
import { appendUpdate, findObject, makePdf, pdfsig, qpdfCheck, replaceCms, replaceSame, tempDir, writeTemp } from '../node/test-support/fixtures.js';
import { latin1Bytes, latin1String } from '../pdf/bytes.js';
import { PdfDict } from '../pdf/objects.js';
import { signPdf, type SignPdfOptions } from '../sign/sign-pdf.js';
import { createDemoPki, issueCertificate, issueCrl, issueOcspResponse, type DemoPki } from '../testing/pki.js';
import { forgeSignatureValue } from '../testing/forge.js';
import { createTimestampResponse } from '../testing/tsa.js';
import { verifyPdf } from './verify-pdf.js';
import type { SignatureReport } from './report.js';

let pki: DemoPki;
let tsa: LocalServer;
let base: Uint8Array;
let signed: Uint8Array;

const verify = async (pdf: Uint8Array): Promise<SignatureReport[]> => [...(await verifyPdf(pdf, { trustAnchors: [pki.root.der] })).signatures];
const sign = (pdf: Uint8Array, o: Partial<SignPdfOptions> = {}): Promise<Uint8Array> => signPdf(pdf, { signer: pki.signerFor(pki.signer), ...o });
const visible: SignPdfOptions['appearance'] = () =>
  Promise.resolve({ rect: [60, 740, 400, 790] as const, content: latin1Bytes('0 0 1 rg 0 0 340 50 re f'), resources: new PdfDict() });

beforeAll(async () => {
  pki = await createDemoPki();
  tsa = await startTimestampServer((req) => createTimestampResponse(req, pki.tsa));
  base = await makePdf();
  signed = await sign(base);
});
afterAll(async () => {
  await tsa.close();
});

function sigText(pdf: Uint8Array): { br: string; contents: string } {
  const t = latin1String(pdf);
  const br = /\/ByteRange\[[^\]]*\] */.exec(t)![0];
  const contents = /\/Contents<[0-9a-fA-F]+>/.exec(t)![0];
  return { br, contents };
}

describe('row 1–2: honest signature and a flipped byte', () => {
  it('row 1: TOTAL_PASSED when trusted', async () => {
    const [s] = await verify(signed);
    expect(s!.indication).toBe('TOTAL_PASSED');
    expect(s!.coverage).toBe('ENTIRE_FILE');
  });
  it('row 2: one byte flipped in the signed range → TOTAL_FAILED/HASH_FAILURE', async () => {
    const bad = replaceSame(signed, '/ModDate', '/ModDatf');
    const [s] = await verify(bad);
    expect(s!.indication).toBe('TOTAL_FAILED');
    expect(s!.subIndication).toBe('HASH_FAILURE');
  });
});

describe('row 3: universal signature forgery (USF) fails closed', () => {
  const variants: [string, (pdf: Uint8Array) => Uint8Array][] = [
    ['/Contents removed', (p) => replaceSame(p, '/Contents<', '/Contentz<')],
    ['/Contents empty', (p) => replaceSame(p, sigText(p).contents, '/Contents<>')],
    ['/Contents null', (p) => replaceSame(p, sigText(p).contents, '/Contents null')],
    ['/ByteRange removed', (p) => replaceSame(p, '/ByteRange[', '/ByteRangz[')],
    ['/ByteRange null', (p) => replaceSame(p, sigText(p).br, '/ByteRange null')],
    ['/ByteRange with 2 entries', (p) => replaceSame(p, sigText(p).br, sigText(p).br.replace(/^(\/ByteRange\[0 \d+) .*$/, '$1]'))],
    ['/ByteRange with 6 entries', (p) => replaceSame(p, sigText(p).br, sigText(p).br.replace(/\]\s*$/, ' 0 0]'))],
    ['/ByteRange negative', (p) => replaceSame(p, sigText(p).br, sigText(p).br.replace(/ (\d+)\]\s*$/, ' -$1]'))],
    ['/ByteRange overlapping', (p) => {
      const [, a, b, c] = /\[0 (\d+) (\d+) (\d+)/.exec(sigText(p).br)!;
      return replaceSame(p, sigText(p).br, `/ByteRange[0 ${b} ${a} ${c}]`);
    }],
    ['certificates removed from the CMS', (p) => replaceCms(p, (sd) => { sd.certificates = []; })],
  ];
  for (const [label, mutate] of variants) {
    it(`${label} → TOTAL_FAILED/FORMAT_FAILURE`, async () => {
      const [s] = await verify(mutate(signed));
      expect(s!.indication).toBe('TOTAL_FAILED');
      expect(s!.subIndication).toBe('FORMAT_FAILURE');
    });
  }
});

async function isaFixture(withXref: boolean): Promise<Uint8Array> {
  const page = findObject(signed, /\/Type\s*\/Page\b/);
  const contentsNum = Number(/\/Contents\s*\[?\s*(\d+) 0 R/.exec(page.text)![1]);
  const stream = 'BT /F1 24 Tf 72 700 Td (PAID 1000000 VND) Tj ET';
  if (withXref) return appendUpdate(signed, [{ num: contentsNum, body: '<<>>', stream }]);
  const raw = `\n${contentsNum} 0 obj\n<</Length ${stream.length}>>\nstream\n${stream}\nendstream\nendobj\n`;
  const out = new Uint8Array(signed.length + raw.length);
  out.set(signed);
  out.set(latin1Bytes(raw), signed.length);
  return out;
}

describe('row 4: incremental saving attack (ISA)', () => {
  for (const withXref of [true, false]) {
    it(`page content replaced ${withXref ? 'with' : 'without'} xref/trailer → ENTIRE_REVISION, OTHER, TOTAL_FAILED`, async () => {
      const [s] = await verify(await isaFixture(withXref));
      expect(s!.coverage).toBe('ENTIRE_REVISION');
      expect(s!.modificationLevel).toBe('OTHER');
      expect(s!.indication).toBe('TOTAL_FAILED');
      expect(s!.subIndication).toBe('SIG_CONSTRAINTS_FAILURE');
    });
  }
});

describe('row 5: signature wrapping (SWA)', () => {
  it('ByteRange pointing past a payload in the gap → FORMAT_FAILURE', async () => {
    const { br } = sigText(signed);
    const [, a, b] = /\[0 (\d+) (\d+) (\d+)/.exec(br)!.map(Number) as [number, number, number, number];
    // Move the gap 10 bytes to the right: the gap is no longer exactly the /Contents token.
    const shifted = `/ByteRange[0 ${a + 10} ${b + 10} ${signed.length - b - 10}]`;
    const [s] = await verify(replaceSame(signed, br, shifted));
    expect(s!.indication).toBe('TOTAL_FAILED');
    expect(s!.subIndication).toBe('FORMAT_FAILURE');
  });
  it('literal-string /Contents frees space in the gap → FORMAT_FAILURE', async () => {
    const { contents } = sigText(signed);
    const literal = `/Contents(${'A'.repeat(16)})`;
    const [s] = await verify(replaceSame(signed, contents, literal));
    expect(s!.indication).toBe('TOTAL_FAILED');
    expect(s!.subIndication).toBe('FORMAT_FAILURE');
  });
});

describe('rows 6–7: two signatures', () => {
  it('row 6: the second update adds only a signature field → both pass, the first is FORM_FILLING', async () => {
    const twice = await signPdf(signed, { signer: pki.signerFor(pki.seal), reason: 'Văn thư đóng dấu' });
    const [first, second] = await verify(twice);
    expect(first!.indication).toBe('TOTAL_PASSED');
    expect(first!.coverage).toBe('ENTIRE_REVISION');
    expect(first!.modificationLevel).toBe('FORM_FILLING');
    expect(second!.indication).toBe('TOTAL_PASSED');
    expect(second!.coverage).toBe('ENTIRE_FILE');
  });
  it('row 7: the second signer also changes a page → the first is flagged, the second passes', async () => {
    const page = findObject(signed, /\/Type\s*\/Page\b/);
    const changed = await appendUpdate(signed, [{ num: page.num, body: page.text.replace(/\/MediaBox\s*\[[^\]]*\]/, '/MediaBox [0 0 300 300]') }]);
    const twice = await signPdf(changed, { signer: pki.signerFor(pki.seal) });
    const [first, second] = await verify(twice);
    expect(first!.modificationLevel).toBe('OTHER');
    expect(first!.indication).toBe('TOTAL_FAILED');
    expect(second!.indication).toBe('TOTAL_PASSED');
  });
});

/** A shadow document: a white cover XObject over the text, and an unused shadow page, added before signing. */
async function shadowDocument(): Promise<{ pdf: Uint8Array; cover: number; font: number; pagesNum: number; shadowPage: number; pageNum: number }> {
  const page = findObject(base, /\/Type\s*\/Page\b/);
  const parent = Number(/\/Parent\s+(\d+) 0 R/.exec(page.text)![1]);
  const contents = Number(/\/Contents\s*\[?\s*(\d+) 0 R/.exec(page.text)![1]);
  const fontMatch = /\/Font\s*<<\s*\/(\S+)\s+(\d+) 0 R/.exec(page.text)!;
  const fontName = fontMatch[1]!;
  const font = Number(fontMatch[2]);
  const pdf = await appendUpdate(base, [
    { body: '<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] >>', stream: '1 1 1 rg 60 740 480 60 re f' },
    { body: '<<>>', stream: 'q /Cover Do Q' },
    { body: '<<>>', stream: `BT /${fontName} 13 Tf 72 760 Td (Shadow content: PAID) Tj ET` },
    {
      body: (refs) =>
        `<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 595.28 841.89] /Contents ${refs[2]!.num} 0 R /Resources << /Font << /${fontName} ${font} 0 R >> >> >>`,
    },
    {
      num: page.num,
      body: (refs) =>
        `<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 595.28 841.89] /Contents [${contents} 0 R ${refs[1]!.num} 0 R] /Resources << /Font << /${fontName} ${font} 0 R >> /XObject << /Cover ${refs[0]!.num} 0 R >> >> >>`,
    },
  ]);
  const cover = findObject(pdf, /\/Subtype \/Form/).num;
  const shadowPage = findObject(pdf, /Contents \d+ 0 R \/Resources/).num;
  return { pdf, cover, font, pagesNum: parent, shadowPage, pageNum: page.num };
}

describe('row 8: shadow attacks', () => {
  it('the signed shadowed document passes; hide, replace and hide-and-replace manipulations are flagged', async () => {
    const shadow = await shadowDocument();
    const signedShadow = await sign(shadow.pdf);
    const [ok] = await verify(signedShadow);
    expect(ok!.indication).toBe('TOTAL_PASSED');

    const hide = await appendUpdate(signedShadow, [{ num: shadow.cover, body: '<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] >>', stream: '' }]);
    const replace = await appendUpdate(signedShadow, [{ num: shadow.font, body: '<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>' }]);
    const pages = findObject(signedShadow, /\/Type\s*\/Pages\b/);
    const hideAndReplace = await appendUpdate(signedShadow, [
      { num: pages.num, body: pages.text.replace(/\/Kids\s*\[[^\]]*\]/, `/Kids [${shadow.shadowPage} 0 R]`) },
    ]);
    for (const manipulated of [hide, replace, hideAndReplace]) {
      const [s] = await verify(manipulated);
      expect(s!.modificationLevel).toBe('OTHER');
      expect(s!.indication).toBe('TOTAL_FAILED');
    }
  });
});

async function addFreeText(pdf: Uint8Array): Promise<Uint8Array> {
  const page = findObject(pdf, /\/Type\s*\/Page\b/);
  return appendUpdate(pdf, [
    { body: '<< /Type /Annot /Subtype /FreeText /Rect [72 740 400 790] /Contents (PAID) /DA (/Helv 20 Tf 0 g) >>' },
    { num: page.num, body: (refs) => page.text.replace(/\/Annots\s*\[/, `/Annots [${refs[0]!.num} 0 R `) },
  ]);
}

describe('rows 9–11: certification attacks', () => {
  it('row 9: DocMDP P1 plus an annotation update → flagged; a DSS-only update is allowed', async () => {
    const certified = await sign(base, { certify: 1 });
    const [c0] = await verify(certified);
    expect(c0!.certification).toBe(true);
    expect(c0!.docMdp).toEqual({ permission: 1, ok: true });
    const [bad] = await verify(await addFreeText(certified));
    expect(bad!.docMdp?.ok).toBe(false);
    expect(bad!.indication).toBe('TOTAL_FAILED');
    const cat = findObject(certified, /\/Type\s*\/Catalog/);
    const dss = await appendUpdate(certified, [
      { body: '<< /Certs [] >>' },
      { num: cat.num, body: (refs) => cat.text.replace(/>>\s*$/, ` /DSS ${refs[0]!.num} 0 R >>`) },
    ]);
    const [good] = await verify(dss);
    expect(good!.modificationLevel).toBe('LTA_UPDATES');
    expect(good!.indication).toBe('TOTAL_PASSED');
  });
  it('row 10: EAA — FreeText under P2 is a violation, under P3 a warning', async () => {
    const [p2] = await verify(await addFreeText(await sign(base, { certify: 2 })));
    expect(p2!.modificationLevel).toBe('ANNOTATIONS');
    expect(p2!.docMdp?.ok).toBe(false);
    expect(p2!.indication).toBe('TOTAL_FAILED');
    const [p3] = await verify(await addFreeText(await sign(base, { certify: 3 })));
    expect(p3!.docMdp?.ok).toBe(true);
    expect(p3!.indication).toBe('TOTAL_PASSED');
    expect(p3!.checks.some((c) => c.id === 'PdfAnnotationOverlap' && c.level === 'WARN')).toBe(true);
  });
  it('row 11: SSA — a new visible signature widget under P2 is flagged; an invisible one is allowed', async () => {
    const certified = await sign(base, { certify: 2 });
    const [ssa] = await verify(await signPdf(certified, { signer: pki.signerFor(pki.seal), appearance: visible }));
    expect(ssa!.docMdp?.ok).toBe(false);
    expect(ssa!.indication).toBe('TOTAL_FAILED');
    const [fine, second] = await verify(await signPdf(certified, { signer: pki.signerFor(pki.seal) }));
    expect(fine!.docMdp?.ok).toBe(true);
    expect(fine!.indication).toBe('TOTAL_PASSED');
    expect(second!.indication).toBe('TOTAL_PASSED');
  });
});

describe('row 12: broken signed attributes', () => {
  const cases: [string, (attrs: pkijs.Attribute[]) => pkijs.Attribute[]][] = [
    ['messageDigest missing', (a) => a.filter((x) => x.type !== OID.messageDigest)],
    ['wrong contentType', (a) => a.map((x) => (x.type === OID.contentType ? new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.signedData })] }) : x))],
    ['signing-certificate-v2 hash mismatch', (a) => a.map((x) => {
      if (x.type !== OID.signingCertificateV2) return x;
      const der = new Uint8Array(x.toSchema().toBER(false));
      const i = der.findIndex((_, k) => der[k] === 0x04 && der[k + 1] === 0x20);
      der[i + 2]! ^= 0xff;
      return new pkijs.Attribute({ schema: asn1js.fromBER(der.buffer).result });
    })],
  ];
  for (const [label, mutate] of cases) {
    it(`${label} → TOTAL_FAILED`, async () => {
      const [s] = await verify(await sign(base, { mutateSignedAttributes: mutate }));
      expect(s!.indication).toBe('TOTAL_FAILED');
    });
  }

  it('a changed signature value (RSA and ECDSA) → TOTAL_FAILED/SIG_CRYPTO_FAILURE', async () => {
    for (const keys of [pki, await createDemoPki({ keyAlgorithm: 'ECDSA', prefix: 'Row12 EC' })]) {
      const signed = await signPdf(base, { signer: keys.signerFor(keys.signer) });
      const verdict = async (pdf: Uint8Array) => (await verifyPdf(pdf, { trustAnchors: [keys.root.der] })).signatures[0]!;
      expect((await verdict(signed)).indication).toBe('TOTAL_PASSED');
      const forged = await verdict(forgeSignatureValue(signed));
      expect([forged.indication, forged.subIndication]).toEqual(['TOTAL_FAILED', 'SIG_CRYPTO_FAILURE']);
    }
  });
});

/** A signed-attribute rewrite adding Adobe's revocation archive with one CRL ([0]) or OCSP response ([1]). */
function archiveRevocation(tag: 0 | 1, der: Uint8Array): (attrs: pkijs.Attribute[]) => pkijs.Attribute[] {
  const item = asn1js.fromBER(der.slice().buffer).result;
  const list = new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: tag }, value: [new asn1js.Sequence({ value: [item] })] });
  return (attrs) => [...attrs, new pkijs.Attribute({ type: OID.adbeRevocationInfoArchival, values: [new asn1js.Sequence({ value: [list] })] })];
}

/** A later update that stores one CRL or OCSP response in a new DSS, written by hand (uncompressed), not by us. */
function storeInDss(pdf: Uint8Array, key: 'CRLs' | 'OCSPs', der: Uint8Array): Promise<Uint8Array> {
  const catalog = findObject(pdf, /\/Type\s*\/Catalog/);
  return appendUpdate(pdf, [
    { body: '<<>>', stream: latin1String(der) },
    { body: (refs) => `<</${key} [${refs[0]!.num} 0 R]>>` },
    { num: catalog.num, body: (refs) => catalog.text.replace(/>>\s*$/, `/DSS ${refs[1]!.num} 0 R>>`) },
  ]);
}

describe('row 13: certificate problems', () => {
  it('expired at the claimed time without a timestamp → INDETERMINATE/OUT_OF_BOUNDS_NO_POE', async () => {
    const day = 24 * 3600_000;
    const old = await issueCertificate(pki.intermediate, { commonName: 'Hết hạn', notBefore: new Date(Date.now() - 800 * day), notAfter: new Date(Date.now() - 400 * day) });
    const [s] = await verify(await signPdf(base, { signer: pki.signerFor(old), signingTime: new Date(Date.now() - 500 * day) }));
    expect(s!.indication).toBe('INDETERMINATE');
    expect(s!.subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
  });
  it('revoked (CRL): before the timestamp → TOTAL_FAILED/REVOKED; without a timestamp → INDETERMINATE/REVOKED_NO_POE; after the timestamp → passes', async () => {
    const bt = await sign(base, { timestamp: { url: tsa.url } });
    const bb = await sign(base);
    const before = await issueCrl(pki.intermediate, [{ certificate: pki.signer.certificate, date: new Date(Date.now() - 3600_000) }]);
    const after = await issueCrl(pki.intermediate, [{ certificate: pki.signer.certificate, date: new Date(Date.now() + 3600_000) }]);
    const clean = await issueCrl(pki.intermediate, []);
    const check = async (pdf: Uint8Array, crl: Uint8Array): Promise<SignatureReport> =>
      (await verifyPdf(pdf, { trustAnchors: [pki.root.der], crls: [crl] })).signatures[0]!;
    expect(await check(bt, before)).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'REVOKED' });
    expect(await check(bb, before)).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE' });
    expect((await check(bt, after)).indication).toBe('TOTAL_PASSED');
    const ok = await check(bb, clean);
    expect(ok.indication).toBe('TOTAL_PASSED');
    expect(ok.checks.some((c) => c.id === 'NotRevoked' && c.passed)).toBe(true);
  });

  it('uses the CRLs a document carries: in the signature (Adobe archive, SignedData) and in the DSS', async () => {
    const bb = await sign(base);
    const revokedBefore = await issueCrl(pki.intermediate, [{ certificate: pki.signer.certificate, date: new Date(Date.now() - 3600_000) }]);
    const clean = await issueCrl(pki.intermediate, []);
    const archive = (crl: Uint8Array) => archiveRevocation(0, crl);
    const withDss = (pdf: Uint8Array, crl: Uint8Array) => storeInDss(pdf, 'CRLs', crl);
    const verdict = async (pdf: Uint8Array, crls: Uint8Array[] = []) => (await verifyPdf(pdf, { trustAnchors: [pki.root.der], crls })).signatures[0]!;
    const notRevoked = (r: SignatureReport) => r.checks.find((c) => c.id === 'NotRevoked')?.message.vi;

    // A signature that archived a clean CRL passes, saying where the CRL came from; a revoked one is caught.
    const archivedClean = await verdict(await sign(base, { mutateSignedAttributes: archive(clean) }));
    expect(archivedClean.indication).toBe('TOTAL_PASSED');
    expect(notRevoked(archivedClean)).toMatch(/CRL nhúng trong chữ ký/);
    expect(await verdict(await sign(base, { mutateSignedAttributes: archive(revokedBefore) }))).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE' });
    // CRLs in the SignedData itself (RevocationInfoChoices).
    const inSignedData = replaceCms(bb, (sd) => {
      sd.crls = [pkijs.CertificateRevocationList.fromBER(revokedBefore.slice().buffer)];
    });
    expect(await verdict(inSignedData)).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE' });
    // The document security store, added by a later (allowed) update: the revocation is found, the update is LTA.
    const stored = await verdict(await withDss(bb, revokedBefore));
    expect(stored).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE', modificationLevel: 'LTA_UPDATES' });
    const storedClean = await verdict(await withDss(bb, clean));
    expect(storedClean.indication).toBe('TOTAL_PASSED');
    expect(notRevoked(storedClean)).toMatch(/DSS/);
    // A clean CRL given by the caller does not hide a revocation another CRL of the same issuer lists.
    expect((await verdict(await withDss(bb, revokedBefore), [clean])).subIndication).toBe('REVOKED_NO_POE');
  });

  it('uses the OCSP responses a document carries, from the issuer or a responder it certified, and ignores others', async () => {
    const bb = await sign(base);
    const issuer = pki.intermediate.certificate;
    const good = await issueOcspResponse(pki.intermediate, pki.signer.certificate, issuer);
    const revoked = await issueOcspResponse(pki.intermediate, pki.signer.certificate, issuer, { revoked: new Date(Date.now() - 3600_000) });
    const responder = await issueCertificate(pki.intermediate, { commonName: 'OCSP thử nghiệm', keyUsage: ['digitalSignature'], extKeyUsage: ['1.3.6.1.5.5.7.3.9'] });
    const notAResponder = await issueCertificate(pki.intermediate, { commonName: 'Không phải OCSP', keyUsage: ['digitalSignature'] });
    const delegated = await issueOcspResponse(responder, pki.signer.certificate, issuer, { revoked: new Date(Date.now() - 3600_000) });
    const usurped = await issueOcspResponse(notAResponder, pki.signer.certificate, issuer, { revoked: new Date(Date.now() - 3600_000) });
    const forged = good.slice();
    forged[forged.length - 5]! ^= 0x01;
    const archive = (ocsp: Uint8Array) => archiveRevocation(1, ocsp);
    const verdict = async (pdf: Uint8Array) => (await verifyPdf(pdf, { trustAnchors: [pki.root.der] })).signatures[0]!;
    const revocationCheck = (r: SignatureReport) => r.checks.find((c) => c.id === 'NotRevoked' || c.id === 'Revocation')!;

    const archivedGood = await verdict(await sign(base, { mutateSignedAttributes: archive(good) }));
    expect(archivedGood.indication).toBe('TOTAL_PASSED');
    expect(revocationCheck(archivedGood)).toMatchObject({ id: 'NotRevoked', passed: true, message: { vi: expect.stringMatching(/phản hồi OCSP nhúng trong chữ ký/) } });
    expect(await verdict(await sign(base, { mutateSignedAttributes: archive(revoked) }))).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE' });
    expect(await verdict(await sign(base, { mutateSignedAttributes: archive(delegated) }))).toMatchObject({ subIndication: 'REVOKED_NO_POE' });
    // Signed by a certificate not certified for OCSP, or with a broken signature: not evidence at all.
    for (const ignored of [usurped, forged]) {
      const r = await verdict(await sign(base, { mutateSignedAttributes: archive(ignored) }));
      expect(r.indication).toBe('TOTAL_PASSED');
      expect(revocationCheck(r).id).toBe('Revocation');
    }
    // In the document security store.
    const stored = await storeInDss(bb, 'OCSPs', revoked);
    expect(await verdict(stored)).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE', modificationLevel: 'LTA_UPDATES' });
  });

  it('missing nonRepudiation → passes with a KeyUsage warning (DSS default)', async () => {
    const noNr = await issueCertificate(pki.intermediate, { commonName: 'Không NR', keyUsage: ['digitalSignature'] });
    const [s] = await verify(await signPdf(base, { signer: pki.signerFor(noNr) }));
    expect(s!.indication).toBe('TOTAL_PASSED');
    expect(s!.checks.find((c) => c.id === 'KeyUsage')?.level).toBe('WARN');
    const strict = await verifyPdf(await signPdf(base, { signer: pki.signerFor(noNr) }), { trustAnchors: [pki.root.der], policy: { nonRepudiation: 'FAIL' } });
    expect(strict.signatures[0]!.indication).toBe('INDETERMINATE');
  });
});

describe('row 14: timestamps (B-T)', () => {
  it('a good timestamp gives PAdES-BASELINE-T and the best signature time', async () => {
    const bt = await sign(base, { timestamp: { url: tsa.url } });
    const [s] = await verify(bt);
    expect(s!.indication).toBe('TOTAL_PASSED');
    expect(s!.format).toBe('PAdES-BASELINE-T');
    expect(s!.timestamp?.trusted).toBe(true);
    expect(s!.bestSignatureTime).toEqual(s!.timestamp?.genTime);
  });
  it('a timestamp whose messageImprint is not over the signature → TOTAL_FAILED', async () => {
    const bt = await sign(base, { timestamp: { url: tsa.url } });
    const req = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: await pkijs.MessageImprint.create('SHA-256', new Uint8Array([1, 2, 3])),
    });
    const resp = pkijs.TimeStampResp.fromBER((await createTimestampResponse(new Uint8Array(req.toSchema().toBER(false)), pki.tsa)).slice().buffer);
    const bad = replaceCms(bt, (sd) => {
      sd.signerInfos[0]!.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
        type: 1,
        attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [resp.timeStampToken!.toSchema()] })],
      });
    });
    const [s] = await verify(bad);
    expect(s!.indication).toBe('TOTAL_FAILED');
    expect(s!.subIndication).toBe('HASH_FAILURE');
  });
});

describe('row 15: malformed structure fails closed without hanging', () => {
  it('a /Prev loop', async () => {
    const looped = await appendUpdate(signed, [{ body: '<<>>' }]);
    const t = latin1String(looped);
    const sx = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(t)![1]);
    const prev = /\/Prev (\d+)/g;
    const last = [...t.matchAll(prev)].at(-1)!;
    const bad = replaceSame(looped, last[0], `/Prev ${sx}`, last.index);
    const report = await verifyPdf(bad, { trustAnchors: [pki.root.der] });
    expect(report.documentError?.en).toMatch(/loops/);
    expect(report.validSignaturesCount).toBe(0);
  });
  it('a huge xref subsection count and a truncated file', async () => {
    const t = latin1String(signed);
    const lastXref = t.lastIndexOf('xref\n');
    const bad = replaceSame(signed, t.slice(lastXref, lastXref + 20), 'xref\n0 99999999\n', lastXref);
    expect((await verifyPdf(bad, { trustAnchors: [] })).documentError).toBeDefined();
    expect((await verifyPdf(signed.subarray(0, signed.length - 40), { trustAnchors: [] })).documentError).toBeDefined();
  });
  it('a hybrid-xref file (page in an object stream, /XRefStm) is read, signed and verified; qpdf and pdfsig agree', async () => {
    const t = latin1String(base);
    const page = findObject(base, /\/Type\s*\/Page\b/);
    const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(t)![1]);
    const size = Number(/\/Size (\d+)/.exec(t)![1]);
    const root = /\/Root (\d+ \d+ R)/.exec(t)![1]!;
    const stmNum = size;
    const xsNum = size + 1;
    const header = `${page.num} 0 `;
    const body = `${header}${page.text}`;
    const stmOffset = base.length + 1;
    const stmObj = `\n${stmNum} 0 obj\n<</Type/ObjStm/N 1/First ${header.length}/Length ${body.length}>>\nstream\n${body}\nendstream\nendobj\n`;
    const xsOffset = base.length + stmObj.length;
    const row = (type: number, a: number, b: number): number[] => [type, (a >>> 24) & 255, (a >>> 16) & 255, (a >>> 8) & 255, a & 255, (b >> 8) & 255, b & 255];
    const rows = Uint8Array.from(row(2, stmNum, 0));
    const xsHead = `${xsNum} 0 obj\n<</Type/XRef/Size ${size + 2}/W[1 4 2]/Index[${page.num} 1]/Length ${rows.length}>>\nstream\n`;
    const xsTail = '\nendstream\nendobj\n';
    const tableOffset = xsOffset + xsHead.length + rows.length + xsTail.length;
    const pad = (n: number): string => String(n).padStart(10, '0');
    const table = `xref\n${page.num} 1\n0000000000 65535 f\r\n${stmNum} 2\n${pad(stmOffset)} 00000 n\r\n${pad(xsOffset)} 00000 n\r\ntrailer\n<</Size ${size + 2}/Root ${root}/Prev ${prev}/XRefStm ${xsOffset}>>\nstartxref\n${tableOffset}\n%%EOF\n`;
    const parts = [base, latin1Bytes(stmObj), latin1Bytes(xsHead), rows, latin1Bytes(xsTail), latin1Bytes(table)];
    const hybrid = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      hybrid.set(part, at);
      at += part.length;
    }
    const signedHybrid = await sign(hybrid);
    const [s] = await verify(signedHybrid);
    expect(s!.indication).toBe('TOTAL_PASSED');
    expect(s!.coverage).toBe('ENTIRE_FILE');
    const dir = tempDir();
    const path = writeTemp(dir, 'hybrid.pdf', signedHybrid);
    expect(qpdfCheck(path).code).toBe(0);
    expect(pdfsig(path, ['-nocert'])).toContain('Signature is Valid');
  });

  it('a signature dictionary that /V reaches through an object stream is refused', async () => {
    const fromStreams = await sign(await makePdf({ objectStreams: true }));
    const [ok] = await verify(fromStreams);
    expect(ok!.indication).toBe('TOTAL_PASSED');
    // Append an update that moves the signature dictionary into an (uncompressed) object stream.
    const t = latin1String(fromStreams);
    const sig = findObject(fromStreams, /\/Type\/Sig/);
    const header = `${sig.num} 0 `;
    const objstm = `${header}${sig.text}`;
    const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(t)![1]);
    const size = Number([...t.matchAll(/\/Size (\d+)/g)].at(-1)![1]);
    const root = [...t.matchAll(/\/Root (\d+ \d+ R)/g)].at(-1)![1]!;
    const stmNum = size;
    const xrefNum = size + 1;
    const stmOffset = fromStreams.length;
    const stmObj = `${stmNum} 0 obj\n<</Type/ObjStm/N 1/First ${header.length}/Length ${objstm.length}>>\nstream\n${objstm}\nendstream\nendobj\n`;
    const xrefOffset = stmOffset + stmObj.length;
    const row = (type: number, a: number, b: number): number[] => [type, (a >>> 24) & 255, (a >>> 16) & 255, (a >>> 8) & 255, a & 255, (b >> 8) & 255, b & 255];
    const rows = Uint8Array.from([...row(2, stmNum, 0), ...row(1, stmOffset, 0), ...row(1, xrefOffset, 0)]);
    const xrefHead = `${xrefNum} 0 obj\n<</Type/XRef/Size ${size + 2}/Root ${root}/Prev ${prev}/W[1 4 2]/Index[${sig.num} 1 ${stmNum} 2]/Length ${rows.length}>>\nstream\n`;
    const tail = `\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`;
    const bad = new Uint8Array(fromStreams.length + stmObj.length + xrefHead.length + rows.length + tail.length);
    let at = 0;
    for (const part of [fromStreams, latin1Bytes(stmObj), latin1Bytes(xrefHead), rows, latin1Bytes(tail)]) {
      bad.set(part, at);
      at += part.length;
    }
    const [s] = await verify(bad);
    expect(s!.indication).toBe('TOTAL_FAILED');
    expect(s!.subIndication).toBe('FORMAT_FAILURE');
    expect(s!.errors[0]!.en).toMatch(/object stream/);
  });
});
