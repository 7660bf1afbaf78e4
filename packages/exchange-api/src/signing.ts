// Request signing in the style of the national axis (systemid + timestamp + HMAC-SHA256 over the signed values),
// with a body hash and a nonce. WebCrypto only: runs in browsers and Node.

/** The headers that carry the signature. */
export const SIGNATURE_HEADERS = {
  systemId: 'x-egov-system-id',
  agency: 'x-egov-agency',
  timestamp: 'x-egov-timestamp',
  nonce: 'x-egov-nonce',
  contentSha256: 'x-egov-content-sha256',
  signature: 'x-egov-signature',
} as const;

/** Header of the idempotency key of a send. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export const SIGNATURE_ALGORITHM = 'EGOV-HMAC-SHA256';

export interface SignInput {
  method: string;
  /** Path with its query string, exactly as sent (`/v1/inbox?limit=10`). */
  pathWithQuery: string;
  systemId: string;
  /** The acting agency code ('' when the system acts for its only agency). */
  agency?: string;
  /** ISO 8601 instant. */
  timestamp: string;
  nonce: string;
  /** Lower-case hex SHA-256 of the body bytes (of the empty string when there is no body). */
  contentSha256: string;
}

const encoder = new TextEncoder();

function hex(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** The exact string that is signed. */
export function canonicalRequest(input: SignInput): string {
  return [
    SIGNATURE_ALGORITHM,
    input.method.toUpperCase(),
    input.pathWithQuery,
    input.systemId,
    input.agency ?? '',
    input.timestamp,
    input.nonce,
    input.contentSha256,
  ].join('\n');
}

/** Lower-case hex SHA-256. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return hex(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

const keyCache = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    if (keyCache.size > 256) keyCache.clear();
    keyCache.set(secret, key);
  }
  return key;
}

/** Lower-case hex HMAC-SHA256 of `data` with `secret` (UTF-8). */
export async function hmacSha256Hex(secret: string, data: string): Promise<string> {
  return hex(await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(data)));
}

/** The signature of a request. */
export function signatureOf(secret: string, input: SignInput): Promise<string> {
  return hmacSha256Hex(secret, canonicalRequest(input));
}

/** A random nonce (128 bits, hex). */
export function randomNonce(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  let out = '';
  for (const x of b) out += x.toString(16).padStart(2, '0');
  return out;
}

/** All signature headers of a request, ready to send. */
export async function signRequest(
  secret: string,
  request: { method: string; pathWithQuery: string; systemId: string; agency?: string; body?: Uint8Array | string },
  now: Date = new Date(),
): Promise<Record<string, string>> {
  const input: SignInput = {
    method: request.method,
    pathWithQuery: request.pathWithQuery,
    systemId: request.systemId,
    agency: request.agency ?? '',
    timestamp: now.toISOString(),
    nonce: randomNonce(),
    contentSha256: await sha256Hex(request.body ?? ''),
  };
  const headers: Record<string, string> = {
    [SIGNATURE_HEADERS.systemId]: input.systemId,
    [SIGNATURE_HEADERS.timestamp]: input.timestamp,
    [SIGNATURE_HEADERS.nonce]: input.nonce,
    [SIGNATURE_HEADERS.contentSha256]: input.contentSha256,
    [SIGNATURE_HEADERS.signature]: await signatureOf(secret, input),
  };
  if (input.agency) headers[SIGNATURE_HEADERS.agency] = input.agency;
  return headers;
}

/** Constant-time comparison of two hex strings. */
export function timingSafeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
