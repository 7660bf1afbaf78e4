import type { RemoteSigningState, Signer, TrustInput } from '@egov-vn/pdf-signature';

/** What the dialog collects for a provider before signing. */
export type ProviderField = 'file' | 'password';

/** What a provider receives from the dialog. */
export interface SignerProviderInput {
  /** The file the user picked (e.g. a `.p12`), when the provider asks for `file`. */
  readonly file?: Uint8Array;
  /** The password or PIN typed in the dialog, when the provider asks for `password`. */
  readonly password?: string;
  /** Remote signing: the credential the user chose. */
  readonly credentialID?: string;
  /** Remote signing: the PIN / OTP typed for an explicitly authorised credential. */
  readonly pin?: string;
  readonly otp?: string;
  /** Remote signing: progress for the dialog (waiting with a deadline, signing…). */
  readonly onRemoteState?: (state: RemoteSigningState) => void;
  /** Remote signing: aborted when the user presses Cancel. */
  readonly signal?: AbortSignal;
}

/** A credential a remote provider offers (one certificate held by the signing service). */
export interface RemoteCredentialChoice {
  readonly credentialID: string;
  /** The name shown (holder and description). */
  readonly label: string;
  /** Authentication objects to ask for (`PIN`, `OTP`); empty → confirmed on the phone. */
  readonly authObjects: readonly string[];
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
  /** Remote signing (confirmed on the phone or with a PIN/OTP): the dialog lists the credentials to choose from. */
  readonly remote?: { listCredentials(): Promise<readonly RemoteCredentialChoice[]> };
  /**
   * Whole-document signing (e.g. the VGCA plugin, which signs the file itself with its own appearance): when present,
   * the dialog calls it instead of `createSigner`, then verifies the result like any signature.
   */
  signDocument?(pdf: Uint8Array, input: WholeDocumentInput): Promise<Uint8Array>;
}

/** What a whole-document provider receives. */
export interface WholeDocumentInput {
  /** The Nghị định 30 kind chosen in the dialog (`author`, `seal`, `copy`, `appendix`). */
  readonly kind: 'author' | 'seal' | 'copy' | 'appendix';
  readonly docNumber?: string;
  readonly trustAnchors?: readonly TrustInput[];
  readonly signal?: AbortSignal;
}

/** PKCS#12 file (.p12/.pfx) with its password, decrypted in the browser. */
export const pkcs12Provider: SignerProvider = {
  id: 'pkcs12',
  label: { vi: 'Tệp chứng thư số PKCS#12 (.p12, .pfx)', en: 'PKCS#12 certificate file (.p12, .pfx)' },
  hint: { vi: 'Khoá được giải mã ngay trên máy này, không gửi đi đâu.', en: 'The key is decrypted on this computer and sent nowhere.' },
  fields: ['file', 'password'],
  async createSigner({ file, password }) {
    const { pkcs12Signer } = await import('./core.js');
    // A dialog-level problem (no file picked), not one of @egov-vn/pdf-signature's codes: explainError reads code/vi/en.
    if (!file) throw Object.assign(new Error('Chưa chọn tệp chứng thư số'), { code: 'P12_MISSING', vi: 'Chưa chọn tệp chứng thư số', en: 'No certificate file chosen' });
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

/**
 * Remote signing through your back end's relay (`@egov-vn/pdf-signature/relay`): the signing service's client secret
 * stays on the server; the user picks a credential, then confirms on the phone (or types a PIN/OTP).
 */
export function remoteSigningProvider(options: {
  /** The relay's URL as your back end mounts it, e.g. `/api/ky-so`. */
  relayUrl: string;
  /** Headers for the portal's own authentication (cookies are sent anyway). */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  id?: string;
  label?: { vi: string; en: string };
  hint?: { vi: string; en: string };
  pollIntervalMs?: number;
  /** Shown to the signer on the phone. */
  description?: string;
}): SignerProvider {
  const connection = { url: options.relayUrl, ...(options.headers ? { headers: options.headers } : {}) };
  return {
    id: options.id ?? 'remote',
    label: options.label ?? { vi: 'Ký số từ xa (xác nhận trên điện thoại)', en: 'Remote signing (confirm on your phone)' },
    hint: options.hint ?? { vi: 'Chứng thư số do nhà cung cấp dịch vụ ký số từ xa giữ; bạn xác nhận yêu cầu ký trên điện thoại.', en: 'Your certificate is held by the remote signing provider; you confirm the request on your phone.' },
    remote: {
      async listCredentials() {
        const { listRelayCredentials } = await import('./core.js');
        const list = await listRelayCredentials(connection);
        return list.map((c) => ({
          credentialID: c.credentialID,
          label: [c.description, c.subjectDN].filter(Boolean).join(' — ') || c.credentialID,
          authObjects: c.authObjects,
        }));
      },
    },
    async createSigner(input) {
      const { relaySigner, PdfSignatureError } = await import('./core.js');
      if (!input.credentialID) throw new PdfSignatureError('REMOTE_CREDENTIAL', { vi: 'Chưa chọn chứng thư số để ký', en: 'No credential chosen' });
      return relaySigner({
        ...connection,
        credentialID: input.credentialID,
        ...(input.pin ? { pin: input.pin } : {}),
        ...(input.otp ? { otp: input.otp } : {}),
        ...(input.onRemoteState ? { onState: input.onRemoteState } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
        ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
        ...(options.description ? { description: options.description } : {}),
      });
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
