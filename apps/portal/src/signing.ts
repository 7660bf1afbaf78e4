// The demo signer of the agency being played: its key from the hub's demo kit, imported into WebCrypto and offered to
// <egov-sign-dialog> as a provider; the trust anchors the hub serves (GET /v1/trust-anchors).
import { cryptoKeyProvider, type SignerProvider } from '@egov-vn/signature-elements';
import type { KitAgency } from './app.js';

/** The base64 body of a PEM block. */
function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/\s+/g, '');
}

function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(pemBody(pem)), (c) => c.charCodeAt(0));
}

const keys = new Map<string, Promise<CryptoKey>>();

/** The agency's demo signing key in WebCrypto (not extractable). */
export function demoKey(agency: KitAgency): Promise<CryptoKey> {
  let key = keys.get(agency.code);
  if (!key) {
    key = crypto.subtle.importKey(
      'pkcs8',
      pemToDer(`-----BEGIN PRIVATE KEY-----${agency.signer.privateKeyPkcs8}-----END PRIVATE KEY-----`),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    keys.set(agency.code, key);
  }
  return key;
}

/** A provider that signs PDFs with the agency's demo key (no password: the key is public sample data). */
export async function demoProvider(agency: KitAgency): Promise<SignerProvider> {
  return cryptoKeyProvider(
    await demoKey(agency),
    agency.signer.chain.map(pemToDer),
    { vi: `Khóa ký thử của ${agency.signer.fullName} (CA thử nghiệm)`, en: `Demo key of ${agency.signer.fullName} (demo CA)` },
    'demo-key',
  );
}

/** Signs the edXML package (XMLDSig in edXMLHeader) with the agency's demo key and certificate chain. */
export async function signPackage(xml: string, agency: KitAgency): Promise<string> {
  const { signEdxml } = await import('@egov-vn/edxml/dsig');
  const certificates = agency.signer.chain.map(pemBody);
  return signEdxml(xml, { privateKey: await demoKey(agency), certificates });
}

let anchors: Promise<string[]> | undefined;

/** The hub's trust anchors, one PEM string per certificate. */
export function trustAnchors(): Promise<string[]> {
  anchors ??= fetch('/v1/trust-anchors')
    .then((r) => (r.ok ? r.text() : ''))
    .then((pem) => pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []);
  return anchors;
}

const images = new Map<string, Promise<Uint8Array>>();

/**
 * A stand-in for the signer's scanned signature (blue on transparent, as Nghị định 30 Phụ lục I asks): the name in
 * italics, drawn on a canvas. Real portals use the image each leader registered.
 */
export function signatureImage(fullName: string): Promise<Uint8Array> {
  let image = images.get(fullName);
  if (!image) {
    image = new Promise<Uint8Array>((resolve, reject) => {
      const canvas = document.createElement('canvas');
      canvas.width = 600;
      canvas.height = 200;
      const ctx = canvas.getContext('2d');
      if (!ctx) return reject(new Error('no 2D canvas'));
      ctx.fillStyle = '#1a3caa';
      ctx.font = 'italic 64px serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(fullName.split(' ').at(-1) ?? fullName, 300, 90, 560);
      ctx.strokeStyle = '#1a3caa';
      ctx.lineWidth = 4;
      ctx.beginPath();
      ctx.moveTo(120, 150);
      ctx.bezierCurveTo(240, 120, 360, 180, 480, 140);
      ctx.stroke();
      canvas.toBlob((blob) => {
        if (!blob) return reject(new Error('canvas.toBlob gave nothing'));
        void blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject);
      }, 'image/png');
    });
    images.set(fullName, image);
  }
  return image;
}
