/**
 * Shared parts of the remote signers (CSC, relay, provider adapters): base64, the bilingual errors each failure
 * raises, and the check that a returned signature belongs to the credential's certificate.
 */
import { parseCertificate } from '../cms/build.js';
import { ecdsaRawToDer, keyKind, verifyWithCertificate } from '../cms/crypto.js';
import type { HashAlgorithm } from '../cms/oids.js';
import { pdfError, type PdfSignatureError } from '../errors.js';

export const b64 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** Base64 (standard or URL alphabet) to bytes; `undefined` for anything else. */
export function unb64(text: unknown): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > 1_000_000) return undefined;
  const normal = text.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normal)) return undefined;
  try {
    return Uint8Array.from(atob(normal.padEnd(Math.ceil(normal.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * The error codes of remote signing, each with its own Vietnamese and English text. `detail` (the service's own
 * words, if any) is appended in both languages.
 */
export const REMOTE_ERRORS = {
  REMOTE_AUTH: ['Dịch vụ ký từ xa từ chối thông tin đăng nhập (tài khoản, mật khẩu hoặc mã truy cập sai hay đã hết hạn)', 'The remote signing service refused the credentials (wrong or expired account, password or access token)'],
  REMOTE_AUTH_DATA: ['Mã PIN hoặc mã OTP không đúng', 'The PIN or OTP is wrong'],
  REMOTE_REJECTED: ['Người ký đã từ chối yêu cầu ký trên điện thoại', 'The signer rejected the signing request on the phone'],
  REMOTE_EXPIRED: ['Yêu cầu ký đã hết hạn mà chưa được xác nhận', 'The signing request expired before it was confirmed'],
  REMOTE_TIMEOUT: ['Dịch vụ ký từ xa không trả lời kịp', 'The remote signing service did not answer in time'],
  REMOTE_UNREACHABLE: ['Không kết nối được dịch vụ ký từ xa', 'Cannot reach the remote signing service'],
  REMOTE_GARBAGE: ['Dịch vụ ký từ xa trả lời không đúng định dạng', 'The remote signing service answered in an unexpected format'],
  REMOTE_CERT_MISMATCH: ['Chữ ký nhận về không khớp với chứng thư số của tài khoản ký', 'The returned signature does not match the credential’s certificate'],
  REMOTE_BATCH_COUNT: ['Số chữ ký nhận về khác số văn bản gửi ký', 'The number of returned signatures differs from the number of documents sent'],
  REMOTE_CANCELLED: ['Đã huỷ yêu cầu ký', 'The signing request was cancelled'],
  REMOTE_CREDENTIAL: ['Tài khoản ký (chứng thư số) không dùng được để ký', 'The signing credential (certificate) cannot be used for signing'],
  REMOTE_FAILED: ['Dịch vụ ký từ xa báo lỗi', 'The remote signing service reported an error'],
} as const satisfies Record<string, readonly [string, string]>;

export type RemoteErrorCode = keyof typeof REMOTE_ERRORS;

export function remoteError(code: RemoteErrorCode, detail?: string): PdfSignatureError {
  const [vi, en] = REMOTE_ERRORS[code];
  const tail = detail ? `: ${detail.slice(0, 300)}` : '';
  return pdfError(code, `${vi}${tail}`, `${en}${tail}`);
}

/** What a remote signer reports while it works (for dialogs: countdown, cancel button, messages). */
export type RemoteSigningState =
  | { readonly state: 'authorizing' }
  | { readonly state: 'waiting'; readonly expiresAt: number; readonly transaction?: string }
  | { readonly state: 'signing' }
  | { readonly state: 'signed'; readonly count: number };

/** A signer that can sign several documents' signed attributes under one authorisation. */
export interface BatchSigner {
  certificateChain(): Promise<Uint8Array[]>;
  /** Signs each entry of `data` (DER signed attributes); one signature per entry, in the same order. */
  signMany(data: readonly Uint8Array[], algorithm: { hash: HashAlgorithm }): Promise<Uint8Array[]>;
}

/**
 * Checks what a remote service returned before anything is written: one signature per input, each valid for the
 * credential's certificate over its data. ECDSA signatures returned raw (r‖s) are converted to DER.
 */
export async function checkedSignatures(
  certificateDer: Uint8Array,
  hash: HashAlgorithm,
  data: readonly Uint8Array[],
  returned: readonly unknown[] | undefined,
): Promise<Uint8Array[]> {
  if (!Array.isArray(returned)) throw remoteError('REMOTE_GARBAGE', 'signatures');
  if (returned.length !== data.length) throw remoteError('REMOTE_BATCH_COUNT', `${returned.length} ≠ ${data.length}`);
  const cert = parseCertificate(certificateDer);
  const ecdsa = keyKind(cert) === 'ECDSA';
  return Promise.all(
    returned.map(async (value, i) => {
      let sig = unb64(value);
      if (!sig) throw remoteError('REMOTE_GARBAGE', `signatures[${i}]`);
      if (ecdsa && sig[0] !== 0x30) sig = ecdsaRawToDer(sig);
      if (!(await verifyWithCertificate(cert, hash, sig, data[i]!))) throw remoteError('REMOTE_CERT_MISMATCH');
      return sig;
    }),
  );
}

/** Waits `ms`, or rejects with REMOTE_CANCELLED when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(remoteError('REMOTE_CANCELLED'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(remoteError('REMOTE_CANCELLED'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface JsonCallOptions {
  readonly fetch?: typeof fetch;
  /** Per-request timeout in ms (default 30 000). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Most bytes read from a reply (default 4 MiB). */
  readonly maxReplyBytes?: number;
}

/**
 * One JSON POST (or GET when `body` is undefined and `method` says so): network failures, timeouts and replies
 * that are not JSON objects become REMOTE_UNREACHABLE / REMOTE_TIMEOUT / REMOTE_GARBAGE. HTTP errors are returned
 * with their JSON body for the caller to map.
 */
export async function callJson(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; form?: URLSearchParams },
  options: JsonCallOptions = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await doFetch(url, {
      method: init.method ?? 'POST',
      headers: {
        accept: 'application/json',
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.form ? { body: init.form.toString() } : init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal,
    });
  } catch {
    if (options.signal?.aborted) throw remoteError('REMOTE_CANCELLED');
    if (timeout.aborted) throw remoteError('REMOTE_TIMEOUT', url);
    throw remoteError('REMOTE_UNREACHABLE', url);
  }
  let text: string;
  try {
    text = await readBounded(response, options.maxReplyBytes ?? 4 * 1024 * 1024);
  } catch (error) {
    if (options.signal?.aborted) throw remoteError('REMOTE_CANCELLED');
    if (timeout.aborted) throw remoteError('REMOTE_TIMEOUT', url);
    throw error instanceof Error && 'code' in error ? error : remoteError('REMOTE_UNREACHABLE', url);
  }
  if (response.status === 204 || (text === '' && response.ok)) return { status: response.status, body: {} };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (response.status >= 500) throw remoteError('REMOTE_FAILED', `HTTP ${response.status}`);
    throw remoteError('REMOTE_GARBAGE', `HTTP ${response.status}`);
  }
  // Some services answer a bare array: it is given as `{ items: [...] }`.
  if (Array.isArray(body)) return { status: response.status, body: { items: body } };
  if (typeof body !== 'object' || body === null) throw remoteError('REMOTE_GARBAGE', `HTTP ${response.status}`);
  return { status: response.status, body: body as Record<string, unknown> };
}

async function readBounded(response: Response, max: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      throw remoteError('REMOTE_GARBAGE', `> ${max} bytes`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(all);
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
