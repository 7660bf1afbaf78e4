// Verification of an axis request (the national exchange axis SDK's signing): every header present, the sign-header
// JSON matching the headers received and sign-header-key, HMAC-SHA256 with the system's secret over the exact
// sign-header, the timestamp's age bounded, hash-file equal to the SDK's unpadded hex of the body's SHA-256.
import {
  AXIS_HEADER_PREFIX,
  type AxisOperationDef,
  parseAxisTimestamp,
  unpaddedHex,
} from '@egov-vn/exchange-api';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { HubError } from './hub-error.js';
import type { HubStore } from './store.js';

export interface AxisAuthOptions {
  /** Largest accepted age of `XroadVnpt-timestamp` (ms, either way). */
  maxAgeMs: number;
  now?: () => number;
}

export interface AxisCaller {
  systemId: string;
  /** The agencies the system serves. */
  agencies: string[];
  /** A signed parameter (`XroadVnpt-<name>`), decoded as UTF-8. */
  param(name: string): string | undefined;
  /** The body: the package for sendEdoc (without the CRLF the SDK writes after it). */
  body: Uint8Array;
}

/** Headers every request carries (names after the prefix). */
const REQUIRED = ['systemid', 'timestamp', 'Content-Type', 'version', 'sign-header-key', 'sign-header', 'hash-header'];
const UNSIGNED = new Set(['sign-header-key', 'sign-header', 'hash-header', 'version'].map((n) => (AXIS_HEADER_PREFIX + n).toLowerCase()));
/** Stands in for the secret of an unknown system, so that it costs the same HMAC as a known one. */
const NO_SECRET = 'egov-vn-no-such-system';

function refuse(code: 'UNAUTHENTICATED' | 'BAD_SIGNATURE' | 'CLOCK_SKEW' | 'VALIDATION_FAILED', vi: string, en: string, details?: Record<string, unknown>): HubError {
  return new HubError(code, details, { vi, en });
}

const badSignature = () =>
  refuse(
    'BAD_SIGNATURE',
    'Chữ ký (hash-header) không đúng, hoặc hệ thống (systemid) không được đăng ký trên trục.',
    'The signature (hash-header) is wrong, or the system (systemid) is not registered on the hub.',
  );

/** Checks an axis request and names the calling system; throws a HubError (nothing is stored or delivered). */
export async function verifyAxisRequest(
  store: HubStore,
  options: AxisAuthOptions,
  req: { headers: Headers; body: Uint8Array; operation: AxisOperationDef },
): Promise<AxisCaller> {
  // Node gives header values as latin-1 characters, one a byte: read them back as the UTF-8 the SDK wrote.
  const raw = (name: string) => {
    try {
      return req.headers.get(AXIS_HEADER_PREFIX + name);
    } catch {
      return null; // not a valid header name: it cannot have been received
    }
  };
  const text = (name: string) => {
    const v = raw(name);
    return v === null ? undefined : Buffer.from(v, 'latin1').toString('utf8');
  };
  const missing = REQUIRED.filter((n) => raw(n) === null).map((n) => AXIS_HEADER_PREFIX + n);
  if (missing.length > 0) {
    throw refuse('UNAUTHENTICATED', `Thiếu tiêu đề bắt buộc: ${missing.join(', ')}.`, `Missing required headers: ${missing.join(', ')}.`, {
      missing,
    });
  }
  const signHeaderRaw = raw('sign-header') ?? '';
  const keys = (text('sign-header-key') ?? '').split(';');
  let signed: unknown;
  try {
    signed = JSON.parse(Buffer.from(signHeaderRaw, 'latin1').toString('utf8'));
  } catch {
    throw refuse('BAD_SIGNATURE', 'XroadVnpt-sign-header không phải JSON.', 'XroadVnpt-sign-header is not JSON.');
  }
  if (typeof signed !== 'object' || signed === null || Array.isArray(signed)) {
    throw refuse('BAD_SIGNATURE', 'XroadVnpt-sign-header không phải đối tượng JSON.', 'XroadVnpt-sign-header is not a JSON object.');
  }
  const entries = Object.entries(signed as Record<string, unknown>);
  const names = entries.map(([k]) => k);
  const expectedNames = keys.map((k) => AXIS_HEADER_PREFIX + k);
  if (names.length !== expectedNames.length || names.some((n, i) => n !== expectedNames[i])) {
    throw refuse(
      'BAD_SIGNATURE',
      `Tên trong XroadVnpt-sign-header (${names.join(', ')}) không khớp thứ tự XroadVnpt-sign-header-key (${keys.join(';')}).`,
      `The names in XroadVnpt-sign-header (${names.join(', ')}) do not match XroadVnpt-sign-header-key (${keys.join(';')}) in order.`,
    );
  }
  for (const [i, [name, value]] of entries.entries()) {
    const header = text(keys[i] as string);
    if (typeof value !== 'string' || header !== value) {
      throw refuse(
        'BAD_SIGNATURE',
        `Giá trị ký của ${name} khác tiêu đề nhận được.`,
        `The signed value of ${name} differs from the header received.`,
        { header: name },
      );
    }
  }
  const signedSet = new Set(names.map((n) => n.toLowerCase()));
  const unsigned: string[] = [];
  req.headers.forEach((_v, name) => {
    if (name.startsWith(AXIS_HEADER_PREFIX.toLowerCase()) && !UNSIGNED.has(name) && !signedSet.has(name)) unsigned.push(name);
  });
  for (const n of ['systemid', 'timestamp', 'Content-Type']) {
    if (!signedSet.has((AXIS_HEADER_PREFIX + n).toLowerCase())) unsigned.push(AXIS_HEADER_PREFIX + n);
  }
  if (unsigned.length > 0) {
    throw refuse('BAD_SIGNATURE', `Tiêu đề không được ký: ${unsigned.join(', ')}.`, `Headers not signed: ${unsigned.join(', ')}.`, {
      unsigned,
    });
  }

  const systemId = text('systemid') ?? '';
  const system = await store.system(systemId);
  const given = (raw('hash-header') ?? '').toLowerCase();
  const expected = createHmac('sha256', system?.secret ?? NO_SECRET)
    .update(Buffer.from(signHeaderRaw, 'latin1'))
    .digest();
  const ok = /^[0-9a-f]{64}$/.test(given) && timingSafeEqual(expected, Buffer.from(given, 'hex'));
  if (!ok || !system) throw badSignature();

  const timestamp = text('timestamp') ?? '';
  const at = parseAxisTimestamp(timestamp);
  if (at === undefined) {
    throw refuse(
      'CLOCK_SKEW',
      `XroadVnpt-timestamp "${timestamp}" không đúng định dạng ddMMyyyy'T'HHmmss+SSSS.`,
      `XroadVnpt-timestamp "${timestamp}" is not in the format ddMMyyyy'T'HHmmss+SSSS.`,
      { timestamp },
    );
  }
  const now = options.now?.() ?? Date.now();
  if (Math.abs(now - at) > options.maxAgeMs) {
    const minutes = Math.round((now - at) / 60_000);
    throw refuse(
      'CLOCK_SKEW',
      `Yêu cầu ký lúc ${timestamp} (giờ Việt Nam) lệch ${minutes} phút so với trục, quá giới hạn ${options.maxAgeMs / 60_000} phút.`,
      `The request was signed at ${timestamp} (Việt Nam time), ${minutes} min from the hub clock, beyond ${options.maxAgeMs / 60_000} min.`,
      { timestamp, serverTime: new Date(now).toISOString(), maxAgeMs: options.maxAgeMs },
    );
  }

  const absent = req.operation.required.filter((n) => !text(n));
  if (absent.length > 0) {
    const list = absent.map((n) => AXIS_HEADER_PREFIX + n).join(', ');
    throw refuse('VALIDATION_FAILED', `Thiếu tham số: ${list}.`, `Missing parameters: ${list}.`, { missing: absent });
  }

  let body = req.body;
  if (req.operation.body === 'edxml') {
    const hashFile = (text('hash-file') ?? '').toLowerCase();
    const digest = (b: Uint8Array) => unpaddedHex(createHash('sha256').update(b).digest());
    // The SDK writes CRLF after the file (MultipartUtility.addInputStreamPart); hash-file covers the file alone.
    const trimmed = body.length >= 2 && body[body.length - 2] === 13 && body[body.length - 1] === 10 ? body.subarray(0, body.length - 2) : undefined;
    if (digest(body) !== hashFile) {
      if (trimmed && digest(trimmed) === hashFile) body = trimmed;
      else {
        throw refuse(
          'BAD_SIGNATURE',
          'XroadVnpt-hash-file không khớp SHA-256 của gói tin nhận được (gói tin bị sửa hoặc truyền thiếu).',
          'XroadVnpt-hash-file does not match the SHA-256 of the package received (altered or truncated).',
          { reason: 'hash-file' },
        );
      }
    }
  }
  return { systemId, agencies: [...system.agencies], param: text, body };
}
