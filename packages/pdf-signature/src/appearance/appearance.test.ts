import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultFont } from '../node/font.js';
import { discPng, makePdf, pdfsig, pdfsigBlocks, qpdfCheck, renderPixel, run, tempDir, writeTemp } from '../node/test-support/fixtures.js';
import { signPdf } from '../sign/sign-pdf.js';
import { createDemoPki, type DemoPki } from '../testing/pki.js';
import { verifyPdf } from '../verify/verify-pdf.js';
import { copyStampLines, sealAppearance, signatureImageAppearance } from './layouts.js';
import { textStampAppearance } from './text-stamp.js';
import { decodePng } from './png.js';

let pki: DemoPki;
let font: Uint8Array;
beforeAll(async () => {
  pki = await createDemoPki();
  font = await loadDefaultFont();
});

describe('Nghị định 30 appearances', () => {
  it('decodes a transparent PNG', async () => {
    const png = await decodePng(discPng(20, [0, 0, 255]));
    expect([png.width, png.height]).toEqual([20, 20]);
    expect(png.alpha?.[0]).toBe(0);
    expect(png.alpha?.[210]).toBe(255);
    await expect(decodePng(new Uint8Array(40))).rejects.toMatchObject({ code: 'PNG' });
  });

  it('blue signature, red seal over its left third, and a copy stamp render where they should and stay valid', async () => {
    const signerRect = [330, 560, 480, 620] as const;
    let pdf = await makePdf();
    pdf = await signPdf(pdf, {
      signer: pki.signerFor(pki.signer),
      appearance: signatureImageAppearance({ rect: signerRect, image: discPng(60, [0, 0, 255]) }),
    });
    pdf = await signPdf(pdf, {
      signer: pki.signerFor(pki.seal),
      appearance: sealAppearance({ signerRect, seal: discPng(200, [220, 0, 0], 300), diameterMm: 36 }),
    });
    const time = new Date('2026-11-23T03:04:05Z');
    pdf = await signPdf(pdf, {
      signer: pki.signerFor(pki.seal),
      signingTime: time,
      appearance: textStampAppearance({ font, lines: copyStampLines({ kind: 'SAO Y', agency: 'Ủy ban nhân dân tỉnh Đồng Tháp', time }) }),
    });
    const dir = tempDir();
    const path = writeTemp(dir, 'appearance.pdf', pdf);
    expect(qpdfCheck(path).code).toBe(0);
    const blocks = pdfsigBlocks(pdfsig(path, ['-nocert']));
    expect(blocks.every((b) => b.includes('Signature is Valid'))).toBe(true);
    const report = await verifyPdf(pdf, { trustAnchors: [pki.root.der] });
    expect(report.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED', 'TOTAL_PASSED']);
    const pixel = renderPixel(path, 72);
    const [r1, g1, b1] = pixel(420, 590); // the signature disc (375..435), right of the seal: blue
    expect(b1).toBeGreaterThan(200);
    expect(r1 + g1).toBeLessThan(100);
    const [r2, g2, b2] = pixel(330, 590); // the seal (278..380), its right edge one third into the box: red
    expect(r2).toBeGreaterThan(180);
    expect(g2 + b2).toBeLessThan(100);
    let dark = 0;
    for (let x = 380; x < 539; x += 2) for (let y = 760; y < 800; y += 2) if (pixel(x, y).every((c) => c < 90)) dark++;
    expect(dark).toBeGreaterThan(20); // black stamp text at the top right of page 1
    let elsewhere = 0;
    for (let x = 40; x < 200; x += 2) for (let y = 800; y < 836; y += 2) if (pixel(x, y).every((c) => c < 90)) elsewhere++;
    expect(elsewhere).toBe(0);
    const fonts = run('pdffonts', [path]).out;
    expect(fonts).toMatch(/EGOVVN\+LiberationSerif\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });
});
