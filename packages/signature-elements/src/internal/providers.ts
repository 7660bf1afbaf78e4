import type { Signer } from '@egov-vn/pdf-signature';

/** What the dialog collects for a provider before signing. */
export type ProviderField = 'file' | 'password';

/** What a provider receives from the dialog. */
export interface SignerProviderInput {
  /** The file the user picked (e.g. a `.p12`), when the provider asks for `file`. */
  readonly file?: Uint8Array;
  /** The password or PIN typed in the dialog, when the provider asks for `password`. */
  readonly password?: string;
}

/**
 * A way to obtain a `Signer` (`@egov-vn/pdf-signature`): a WebCrypto key, a PKCS#12 file, a local token service,
 * or a vendor's own service. Register one with `registerSignerProvider()`.
 */
export interface SignerProvider {
  /** Stable id, e.g. `pkcs12`, `local-service`, `vendor-x`. */
  readonly id: string;
  /** The name shown in the dialog, Vietnamese and English. */
  readonly label: { readonly vi: string; readonly en: string };
  /** A one-line hint under the name (optional). */
  readonly hint?: { readonly vi: string; readonly en: string };
  /** Inputs the dialog must collect before `createSigner` (default none). */
  readonly fields?: readonly ProviderField[];
  /** Returns the signer; throw a `PdfSignatureError` (or any Error) to show a message. */
  createSigner(input: SignerProviderInput): Promise<Signer>;
}

/** PKCS#12 file (.p12/.pfx) with its password, decrypted in the browser. */
export const pkcs12Provider: SignerProvider = {
  id: 'pkcs12',
  label: { vi: 'Tệp chứng thư số PKCS#12 (.p12, .pfx)', en: 'PKCS#12 certificate file (.p12, .pfx)' },
  hint: { vi: 'Khoá được giải mã ngay trên máy này, không gửi đi đâu.', en: 'The key is decrypted on this computer and sent nowhere.' },
  fields: ['file', 'password'],
  async createSigner({ file, password }) {
    const { pkcs12Signer, PdfSignatureError } = await import('./core.js');
    if (!file) throw new PdfSignatureError('P12_MISSING', { vi: 'Chưa chọn tệp chứng thư số', en: 'No certificate file chosen' });
    return pkcs12Signer(file, password ?? '');
  },
};

/** The local signing service for USB tokens (VGCA-style WebSocket on 127.0.0.1). */
export function localServiceProvider(options: { baseUrl?: string; timeoutMs?: number } = {}): SignerProvider {
  return {
    id: 'local-service',
    label: { vi: 'Thiết bị ký số (USB token) qua phần mềm ký trên máy', en: 'USB token through the local signing service' },
    hint: { vi: 'Cắm USB token và mở phần mềm ký số trước khi ký.', en: 'Plug in the token and start the signing service first.' },
    async createSigner() {
      const { remoteSigner } = await import('./core.js');
      return remoteSigner({ ...options, ...('location' in globalThis ? { origin: globalThis.location.origin } : {}) });
    },
  };
}

/** A WebCrypto private key with its certificate chain (DER, signer first), e.g. from a portal's key store. */
export function cryptoKeyProvider(
  key: CryptoKey,
  chain: readonly Uint8Array[],
  label: { vi: string; en: string } = { vi: 'Khoá ký trên trình duyệt', en: 'Browser signing key' },
  id = 'webcrypto',
): SignerProvider {
  return {
    id,
    label,
    async createSigner() {
      const { cryptoKeySigner } = await import('./core.js');
      return cryptoKeySigner(key, chain);
    },
  };
}

const registry = new Map<string, SignerProvider>([
  [pkcs12Provider.id, pkcs12Provider],
  ['local-service', localServiceProvider()],
]);
const listeners = new Set<() => void>();

/**
 * Makes a provider available to every `<egov-sign-dialog>` on the page (replaces one with the same id).
 * Returns a function that removes it again.
 */
export function registerSignerProvider(provider: SignerProvider): () => void {
  if (!provider.id || typeof provider.createSigner !== 'function') {
    throw new TypeError('registerSignerProvider: a provider needs an id and createSigner()');
  }
  registry.set(provider.id, provider);
  for (const l of listeners) l();
  return () => unregisterSignerProvider(provider.id);
}

/** Removes the provider with this id (built-ins included). */
export function unregisterSignerProvider(id: string): void {
  if (registry.delete(id)) for (const l of listeners) l();
}

/** The registered providers, in registration order. */
export function signerProviders(): readonly SignerProvider[] {
  return [...registry.values()];
}

/** @internal Lets dialogs re-render when the registry changes. */
export function onProvidersChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
