/** The Nghị định 30 entry in a real browser (Chromium): the checks and the electronic copy use WebCrypto only. */
import { describe, expect, it } from 'vitest';
import { loadStampFont, signPdf } from '../index.js';
import { createDemoPki, galleryDocument, scanPng, sealPng, signaturePng } from '../testing.js';
import { checkNd30, kindReasons, makeElectronicCopy, nd30Appearance } from './index.js';

describe('@egov-vn/pdf-signature/nd30 in the browser', () => {
  it('signs and seals a document, makes an electronic copy, and checkNd30 finds nothing on either', async () => {
    const pki = await createDemoPki({ keyAlgorithm: 'ECDSA' });
    const time = new Date('2026-11-23T03:04:05Z');
    const doc = galleryDocument();
    const author = await nd30Appearance(doc, 'author', { signatureImage: await signaturePng([26, 60, 170]), signerName: 'Nguyen Van A' }, { time });
    let pdf = await signPdf(doc, { signer: pki.signerFor(pki.signer), reason: kindReasons.author, signingTime: time, ...author });
    const seal = await nd30Appearance(pdf, 'seal', { sealImage: await sealPng([208, 16, 30]), signerName: 'Nguyen Van A' }, { time });
    pdf = await signPdf(pdf, { signer: pki.signerFor(pki.seal), reason: kindReasons.seal, signingTime: time, ...seal });
    const issued = await checkNd30(pdf, { trustAnchors: [pki.root.der] });
    expect(issued.findings).toEqual([]);
    expect(issued.signatures.map((s) => s.kind)).toEqual(['author', 'seal']);

    const copy = await makeElectronicCopy({ images: [await scanPng(200, { mm: [60, 80] })], signer: pki.signerFor(pki.seal), copyKind: 'SL', agency: 'Ủy ban nhân dân tỉnh Demo', stampFont: await loadStampFont(), signingTime: time });
    expect(copy.dpi).toEqual([200]);
    const checked = await checkNd30(copy.pdf, { trustAnchors: [pki.root.der] });
    expect(checked.findings).toEqual([]);
    expect(checked.copy).toBe(true);
    await expect(makeElectronicCopy({ images: [await scanPng(150, { mm: [20, 20] })], signer: pki.signerFor(pki.seal), copyKind: 'SY', agency: 'X', stampFont: await loadStampFont() })).rejects.toMatchObject({ code: 'COPY_DPI_LOW' });
  });
});
