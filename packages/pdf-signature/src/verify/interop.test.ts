/**
 * Independent peers (Debian packages present in CI): poppler pdfsig, qpdf --check and openssl cms.
 * pdfsig exits 0 even on failures, so its output is parsed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTimestampServer, type LocalServer } from '../node/tsa-server.js';
import {
  appendUpdate,
  extractSignature,
  findObject,
  makePdf,
  nssDatabase,
  pdfsig,
  pdfsigBlocks,
  qpdfCheck,
  run,
  tempDir,
  writeTemp,
} from '../node/test-support/fixtures.js';
import { signPdf, type SignPdfOptions } from '../sign/sign-pdf.js';
import { createDemoPki, toPem, type DemoPki } from '../testing/pki.js';
import { createTimestampResponse } from '../testing/tsa.js';
import { verifyPdf } from './verify-pdf.js';

let pki: DemoPki;
let ecPki: DemoPki;
let tsa: LocalServer;
let dir: string;
let caFile: string;

beforeAll(async () => {
  pki = await createDemoPki();
  ecPki = await createDemoPki({ keyAlgorithm: 'ECDSA', prefix: 'Demo EC' });
  tsa = await startTimestampServer((req) => createTimestampResponse(req, pki.tsa));
  dir = tempDir();
  caFile = writeTemp(dir, 'ca.pem', toPem(pki.root.der) + toPem(ecPki.root.der));
});
afterAll(async () => {
  await tsa.close();
});

describe('our signatures checked by outside peers', () => {
  const variants: [string, () => Partial<SignPdfOptions> & { pki?: DemoPki }][] = [
    ['PAdES B-B, SHA-256, RSA', () => ({})],
    ['PAdES B-T (RFC 3161), SHA-384', () => ({ timestamp: { url: tsa.url }, hash: 'SHA-384' })],
    ['adbe.pkcs7.detached', () => ({ subFilter: 'adbe.pkcs7.detached' })],
    ['ECDSA P-256', () => ({ pki: ecPki })],
    ['certification P2 on an xref-stream file', () => ({ certify: 2 })],
  ];
  for (const [label, opts] of variants) {
    it(`${label}: pdfsig valid + total document signed, qpdf --check, openssl cms -verify`, async () => {
      const { pki: which = pki, ...o } = opts();
      const input = await makePdf({ objectStreams: label.includes('xref-stream') });
      const signed = await signPdf(input, { signer: which.signerFor(which.signer), ...o });
      const path = writeTemp(dir, `${label.replace(/\W+/g, '_')}.pdf`, signed);
      const out = pdfsig(path, ['-nocert']);
      expect(out).toContain('Signature is Valid');
      expect(out).toContain('Total document signed');
      const q = qpdfCheck(path);
      expect({ code: q.code, out: q.out }).toMatchObject({ code: 0 });
      const { content, cms } = extractSignature(signed, 0);
      const v = run('openssl', [
        'cms', '-verify', '-binary', '-inform', 'DER', '-in', writeTemp(dir, 'sig.der', cms),
        '-content', writeTemp(dir, 'content.bin', content), '-CAfile', caFile, '-purpose', 'any', '-out', '/dev/null',
      ]);
      expect(v.out).toContain('Verification successful');
      const ours = await verifyPdf(signed, { trustAnchors: [which.root.der] });
      expect(ours.signatures[0]!.indication).toBe('TOTAL_PASSED');
    });
  }

  it('three signatures in sequence: pdfsig validates each, only the last is the total document', async () => {
    let pdf = await makePdf({ pages: 2 });
    pdf = await signPdf(pdf, { signer: pki.signerFor(pki.signer), reason: 'Ký phê duyệt' });
    pdf = await signPdf(pdf, { signer: pki.signerFor(pki.seal), reason: 'Văn thư ký phát hành' });
    pdf = await signPdf(pdf, { signer: pki.signerFor(pki.seal), reason: 'Sao y', timestamp: { url: tsa.url } });
    const path = writeTemp(dir, 'three.pdf', pdf);
    const blocks = pdfsigBlocks(pdfsig(path, ['-nocert']));
    expect(blocks).toHaveLength(3);
    for (const b of blocks) expect(b).toContain('Signature is Valid');
    expect(blocks.filter((b) => b.includes('Total document signed'))).toHaveLength(1);
    expect(qpdfCheck(path).code).toBe(0);
    const report = await verifyPdf(pdf, { trustAnchors: [pki.root.der] });
    expect(report.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED', 'TOTAL_PASSED']);
    expect(report.signatures.map((s) => s.coverage)).toEqual(['ENTIRE_REVISION', 'ENTIRE_REVISION', 'ENTIRE_FILE']);
  });

  it('what pdfsig misses: an ISA update that replaces the page content', async () => {
    const signed = await signPdf(await makePdf(), { signer: pki.signerFor(pki.signer) });
    const page = findObject(signed, /\/Type\s*\/Page\b/);
    const contentsNum = Number(/\/Contents\s*\[?\s*(\d+) 0 R/.exec(page.text)![1]);
    const attacked = await appendUpdate(signed, [{ num: contentsNum, body: '<<>>', stream: 'BT /F1 24 Tf 72 700 Td (PAID) Tj ET' }]);
    const out = pdfsig(writeTemp(dir, 'isa.pdf', attacked), ['-nocert']);
    expect(out).toContain('Signature is Valid');
    expect(out).toContain('Not total document signed');
    const ours = (await verifyPdf(attacked, { trustAnchors: [pki.root.der] })).signatures[0]!;
    expect(ours.indication).toBe('TOTAL_FAILED');
    expect(ours.modificationLevel).toBe('OTHER');
  });
});

describe('signatures made by pdfsig -add-signature (NSS)', () => {
  it('we verify them and agree with pdfsig, and flag what it does not', async () => {
    const db = await nssDatabase(dir, pki.signer, pki.root);
    const input = writeTemp(dir, 'nss-in.pdf', await makePdf());
    const output = `${dir}/nss-out.pdf`;
    const nick = run('certutil', ['-L', '-d', `sql:${db}`]).out.split('\n').find((l) => /u,u,u/.test(l))!.replace(/\s+u,u,u\s*$/, '').trim();
    const add = run('pdfsig', [input, output, '-add-signature', '-nssdir', `sql:${db}`, '-nick', nick, '-reason', 'NSS', '-digest', 'SHA256']);
    expect({ code: add.code, out: add.out }).toMatchObject({ code: 0 });
    const { readFileSync } = await import('node:fs');
    const nssSigned = new Uint8Array(readFileSync(output));
    const peer = pdfsig(output, ['-nssdir', `sql:${db}`]);
    expect(peer).toContain('Signature is Valid');
    expect(peer).toContain('Total document signed');
    const ours = (await verifyPdf(nssSigned, { trustAnchors: [pki.root.der] })).signatures;
    expect(ours).toHaveLength(1);
    expect(ours[0]!.indication).toBe('TOTAL_PASSED');
    expect(ours[0]!.subFilter).toBe('adbe.pkcs7.detached');
    expect(ours[0]!.coverage).toBe('ENTIRE_FILE');
    expect(ours[0]!.signerName).toBe('Nguyễn Văn A');
    // Tamper: pdfsig reports the digest mismatch, and so do we.
    const flipped = nssSigned.slice();
    flipped[20]! ^= 0x01;
    const peerBad = pdfsig(writeTemp(dir, 'nss-bad.pdf', flipped), ['-nocert']);
    expect(peerBad).toMatch(/Digest Mismatch|Signature is Invalid/);
    const oursBad = (await verifyPdf(flipped, { trustAnchors: [pki.root.der] })).signatures[0]!;
    expect(oursBad.indication).toBe('TOTAL_FAILED');
    // Our second signature after the NSS one keeps the NSS signature valid for both validators.
    const cosigned = await signPdf(nssSigned, { signer: pki.signerFor(pki.seal) });
    const blocks = pdfsigBlocks(pdfsig(writeTemp(dir, 'nss-co.pdf', cosigned), ['-nocert']));
    expect(blocks.every((b) => b.includes('Signature is Valid'))).toBe(true);
    const both = (await verifyPdf(cosigned, { trustAnchors: [pki.root.der] })).signatures;
    expect(both.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    expect(both[0]!.modificationLevel).toBe('FORM_FILLING');
  });
});
