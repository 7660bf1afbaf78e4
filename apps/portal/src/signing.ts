// The demo signer of the agency being played: its key from the hub's demo kit, imported into WebCrypto and offered to
// <egov-sign-dialog> as a provider; the trust anchors the hub serves (GET /v1/trust-anchors).
import { cryptoKeyProvider, type SignerProvider } from '@egov-vn/signature-elements';
import type { KitAgency } from './app.js';

function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  const b64 = pem.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

const providers = new Map<string, Promise<SignerProvider>>();

/** A provider that signs with the agency's demo key (no password: the key is public sample data). */
export function demoProvider(agency: KitAgency): Promise<SignerProvider> {
  let provider = providers.get(agency.code);
  if (!provider) {
    provider = (async () => {
      const key = await crypto.subtle.importKey(
        'pkcs8',
        pemToDer(`-----BEGIN PRIVATE KEY-----${agency.signer.privateKeyPkcs8}-----END PRIVATE KEY-----`),
        { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      return cryptoKeyProvider(
        key,
        agency.signer.chain.map(pemToDer),
        { vi: `Khóa ký thử của ${agency.signer.fullName} (CA thử nghiệm)`, en: `Demo key of ${agency.signer.fullName} (demo CA)` },
        'demo-key',
      );
    })();
    providers.set(agency.code, provider);
  }
  return provider;
}

let anchors: Promise<string[]> | undefined;

/** The hub's trust anchors, one PEM string per certificate. */
export function trustAnchors(): Promise<string[]> {
  anchors ??= fetch('/v1/trust-anchors')
    .then((r) => (r.ok ? r.text() : ''))
    .then((pem) => pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []);
  return anchors;
}
