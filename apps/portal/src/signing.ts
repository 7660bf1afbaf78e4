// The demo signer of the agency being played: its key from the hub's demo kit, imported into WebCrypto and offered to
// <egov-sign-dialog> as a provider; the trust anchors the hub serves (GET /v1/trust-anchors).
import { cryptoKeyProvider, type SignerProvider } from '@egov-vn/signature-elements';
import type { KitAgency } from './app.js';
import { withDpi } from './png-dpi.js';

/** The base64 body of a PEM block. */
function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/\s+/g, '');
}

function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(pemBody(pem)), (c) => c.charCodeAt(0));
}

const keys = new Map<string, Promise<CryptoKey>>();

/** The agency's demo key in WebCrypto (not extractable): the leader's (`signer`) or the agency's seal (`seal`). */
export function demoKey(agency: KitAgency, which: 'signer' | 'seal' = 'signer'): Promise<CryptoKey> {
  const id = `${agency.code}:${which}`;
  let key = keys.get(id);
  if (!key) {
    key = crypto.subtle.importKey(
      'pkcs8',
      pemToDer(`-----BEGIN PRIVATE KEY-----${agency[which].privateKeyPkcs8}-----END PRIVATE KEY-----`),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    keys.set(id, key);
  }
  return key;
}

/** A provider that signs PDFs with the leader's demo key (no password: the key is public sample data). */
export async function demoProvider(agency: KitAgency): Promise<SignerProvider> {
  return cryptoKeyProvider(
    await demoKey(agency),
    agency.signer.chain.map(pemToDer),
    { vi: `Khóa ký thử của ${agency.signer.fullName} (CA thử nghiệm)`, en: `Demo key of ${agency.signer.fullName} (demo CA)` },
    'demo-key',
  );
}

/** A provider that applies the agency's digital seal (its own certificate), as the clerk does before release. */
export async function demoSealProvider(agency: KitAgency): Promise<SignerProvider> {
  return cryptoKeyProvider(
    await demoKey(agency, 'seal'),
    agency.seal.chain.map(pemToDer),
    { vi: `Chữ ký số thử của ${agency.name} (CA thử nghiệm)`, en: `Demo seal of ${agency.name} (demo CA)` },
    'demo-seal',
  );
}

/** The hub's demo timestamp authority (RFC 3161), reached through the portal's server: signatures become B-T. */
export const demoTimestamp = { url: '/demo/tsa' } as const;

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

/** The bytes of a canvas as PNG. */
function pngOf(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('canvas.toBlob gave nothing'));
      void blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject);
    }, 'image/png');
  });
}

/** Diameter of the stand-in seal, in millimetres (round seals of provincial bodies are about 35–40 mm). */
const SEAL_MM = 36;
const SEAL_DPI = 300;

const seals = new Map<string, Promise<Uint8Array>>();

/**
 * A stand-in for the agency's seal (red on transparent, placed at actual size over the left third of the signature,
 * as Phụ lục I asks): two rings, the agency's name around them and a star, drawn on a canvas. Real portals use the
 * seal image registered for the agency's certificate.
 */
export function sealImage(agencyName: string): Promise<Uint8Array> {
  let image = seals.get(agencyName);
  if (!image) {
    const size = Math.round((SEAL_MM / 25.4) * SEAL_DPI);
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d');
    if (!ctx) return Promise.reject(new Error('no 2D canvas'));
    const r = size / 2;
    ctx.strokeStyle = ctx.fillStyle = '#d0101e';
    ctx.translate(r, r);
    for (const [radius, width] of [[r - size * 0.02, size * 0.025], [r * 0.62, size * 0.012]] as const) {
      ctx.lineWidth = width;
      ctx.beginPath();
      ctx.arc(0, 0, radius, 0, 2 * Math.PI);
      ctx.stroke();
    }
    // The name around the top, letter by letter as readers see them (a letter with its marks is one grapheme).
    const text = Array.from(new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(agencyName.normalize('NFC').toLocaleUpperCase('vi')), (g) => g.segment);
    ctx.font = `bold ${Math.round(size * 0.075)}px serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const sweep = Math.min(1.6 * Math.PI, text.length * 0.12);
    text.forEach((ch, i) => {
      ctx.save();
      ctx.rotate(-sweep / 2 + (sweep * (i + 0.5)) / text.length);
      ctx.fillText(ch, 0, -r * 0.8);
      ctx.restore();
    });
    // A five-pointed star in the middle.
    ctx.beginPath();
    for (let k = 0; k < 10; k++) {
      const radius = k % 2 === 0 ? r * 0.3 : r * 0.12;
      const angle = -Math.PI / 2 + (k * Math.PI) / 5;
      ctx.lineTo(radius * Math.cos(angle), radius * Math.sin(angle));
    }
    ctx.closePath();
    ctx.fill();
    image = pngOf(canvas).then((png) => withDpi(png, SEAL_DPI));
    seals.set(agencyName, image);
  }
  return image;
}

/**
 * A stand-in for the signer's scanned signature (blue on transparent, as Nghị định 30 Phụ lục I asks): the name in
 * italics, drawn on a canvas. Real portals use the image each leader registered.
 */
export function signatureImage(fullName: string): Promise<Uint8Array> {
  let image = images.get(fullName);
  if (!image) {
    const canvas = document.createElement('canvas');
    canvas.width = 600;
    canvas.height = 200;
    const ctx = canvas.getContext('2d');
    if (!ctx) return Promise.reject(new Error('no 2D canvas'));
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
    image = pngOf(canvas);
    images.set(fullName, image);
  }
  return image;
}
