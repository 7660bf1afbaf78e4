/**
 * The portal's journey output, checked against Nghị định 30 Phụ lục I: a document rendered by
 * @egov-vn/document-pdf (as the portal's compose page does), signed by the official ("author", blue signature image
 * at the standard position found from the signer's name) and then sealed by the clerk ("seal", red seal at actual
 * size over the left third), through the dialog's own signing step (`signDocument`). `checkNd30` finds nothing.
 */
import { renderDocumentPdf } from '@egov-vn/document-pdf/node';
import { checkNd30 } from '@egov-vn/pdf-signature/nd30';
import { sealPng, testPng } from '@egov-vn/pdf-signature/testing';
import type { AdministrativeDocument } from '@egov-vn/schemas';
import { describe, expect, it } from 'vitest';
import { demoPki } from './fixtures.js';
import { cryptoKeyProvider } from './providers.js';
import { signDocument } from './sign-flow.js';

const document: AdministrativeDocument = {
  type: 'congVan',
  issuer: { name: 'Ủy ban nhân dân tỉnh Demo', abbreviation: 'UBND' },
  number: 12,
  symbol: 'UBND-VP',
  place: 'Cao Lãnh',
  date: '2026-11-23',
  subject: 'Triển khai gửi, nhận văn bản điện tử qua Trục liên thông văn bản quốc gia',
  content: {
    body: [
      { kind: 'paragraph', text: 'Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành gửi, nhận văn bản điện tử qua Trục liên thông văn bản quốc gia kể từ ngày 01 tháng 01 năm 2027.' },
      { kind: 'paragraph', text: 'Ủy ban nhân dân tỉnh thông báo để các cơ quan biết, thực hiện./.' },
    ],
  },
  signer: { authority: 'TM', onBehalfOf: 'Ủy ban nhân dân', position: 'Chủ tịch', fullName: 'Nguyễn Văn A' },
  kinhGui: [{ name: 'Các sở, ban, ngành tỉnh' }],
  recipients: [{ name: 'Như trên' }, { name: 'Lưu: VT, VP' }],
};

/** The portal's stand-in signature: blue (#1a3caa) strokes on transparent, 600 × 200 px (signing.ts). */
function portalSignature(): Promise<Uint8Array> {
  return testPng(600, 200, 96, (x, y) => {
    const curve = 100 + 45 * Math.sin(x / 55);
    return Math.abs(y - curve) < 5 && x > 100 && x < 500 ? [26, 60, 170, 255] : [0, 0, 0, 0];
  });
}

describe('the portal journey (official signs, clerk seals) keeps Phụ lục I', () => {
  it('a rendered, signed and sealed document has no Nghị định 30 finding', async () => {
    const pki = await demoPki();
    const anchors = [pki.root.der];
    const { pdf } = await renderDocumentPdf(document, { lang: 'vi' });
    const signed = await signDocument(pdf, {
      signer: await cryptoKeyProvider(pki.signer.privateKey, pki.signer.chain.slice(0, -1)).createSigner({}),
      kind: 'author',
      trustAnchors: anchors,
      appearance: { signatureImage: await portalSignature(), signerName: document.signer.fullName },
    });
    const sealed = await signDocument(signed.pdf, {
      signer: await cryptoKeyProvider(pki.seal.privateKey, pki.seal.chain.slice(0, -1)).createSigner({}),
      kind: 'seal',
      trustAnchors: anchors,
      // The portal's seal: red (#d0101e), 36 mm at 300 dpi (its pHYs gives the actual size).
      appearance: { sealImage: await sealPng([208, 16, 30], 36), signerName: document.signer.fullName },
    });
    const check = await checkNd30(sealed.pdf, { trustAnchors: anchors });
    expect(check.findings).toEqual([]);
    expect(check.signatures.map((s) => [s.kind, s.verdict])).toEqual([
      ['author', 'valid'],
      ['seal', 'valid'],
    ]);
    // The same journey with the clerk sealing first is caught.
    const early = await signDocument(pdf, {
      signer: await cryptoKeyProvider(pki.seal.privateKey, pki.seal.chain.slice(0, -1)).createSigner({}),
      kind: 'seal',
      trustAnchors: anchors,
      appearance: { sealImage: await sealPng([208, 16, 30], 36), signerName: document.signer.fullName },
    });
    expect((await checkNd30(early.pdf, { trustAnchors: anchors })).findings.map((f) => f.code)).toEqual(['SIGNATURE_ORDER']);
  });
});
