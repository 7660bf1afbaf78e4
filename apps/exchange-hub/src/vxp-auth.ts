// Verification of an axis request (the national exchange axis SDK's signing): every header present, the sign-header
// JSON matching the headers received and sign-header-key, HMAC-SHA256 with the system's secret over the exact
// sign-header, the timestamp's age bounded, hash-file equal to the SDK's unpadded hex of the body's SHA-256.
import {
  AXIS_HEADER_PREFIX,
  AXIS_SIGN_HEADERS,
  type AxisOperationDef,
  parseAxisTimestamp,
  unpaddedHex,
} from '@egov-vn/exchange-api';
import { VIETNAM_UTC_OFFSET_MINUTES } from '@egov-vn/schemas';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { HubError } from './hub-error.js';
import { unknownSystem } from './unknown-system.js';
import type { AxisTimeZone, HubStore } from './store.js';

export interface AxisAuthOptions {
  /** Largest accepted age of `XroadVnpt-timestamp` (ms, either way). */
  maxAgeMs: number;
  now?: () => number;
  /** Sandbox: an unknown system is told so (UNKNOWN_SYSTEM), see unknown-system.ts. */
  sandbox?: boolean;
}

export interface AxisCaller {
  systemId: string;
  /** The agencies the system serves. */
  agencies: string[];
  /** A signed parameter (`XroadVnpt-<name>`), decoded as UTF-8. */
  param: (name: string) => string | undefined;
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

/** What the headers of an authenticated axis request give (before its body is read). */
export interface AxisAuthenticated {
  systemId: string;
  agencies: string[];
  /** A signed parameter (`XroadVnpt-<name>`), decoded as UTF-8. */
  param: (name: string) => string | undefined;
  /** `XroadVnpt-timestamp` and `XroadVnpt-hash-header` as received: with `systemId`, the key of the replay store. */
  timestamp: string;
  hashHeader: string;
}

/** Việt Nam's offset from UTC (the kit's one definition, @egov-vn/schemas). */
const VN_OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;

/**
 * The instants an axis timestamp may stand for: the SDK writes it in its JVM's default time zone with no zone in it, so
 * `23112026T105755+0946` is 10:57:55 in Việt Nam (UTC+7) or 10:57:55 UTC (a server in a container), as the system's
 * `timeZone` allows (`either` by default).
 */
export function axisTimestampReadings(value: string, timeZone: AxisTimeZone = 'either'): number[] {
  const vn = parseAxisTimestamp(value);
  if (vn === undefined) return [];
  const utc = vn + VN_OFFSET_MS;
  return timeZone === 'UTC' ? [utc] : timeZone === 'Asia/Ho_Chi_Minh' ? [vn] : [vn, utc];
}

/** How long a used axis header set must be remembered: its timestamp can be valid under both readings, 7 h apart. */
export function axisReplayRetentionMs(maxAgeMs: number): number {
  return VN_OFFSET_MS + 2 * maxAgeMs + 60_000;
}

/** Signed values that name another operation than the one called (a header set captured from another call). */
function bindingError(operation: AxisOperationDef & { name?: string }, param: (n: string) => string | undefined): HubError | undefined {
  const servicetype = param('servicetype');
  if (servicetype !== undefined && servicetype.toLowerCase() !== 'edoc') {
    return refuse('VALIDATION_FAILED', `servicetype phải là eDoc (nhận "${servicetype}").`, `servicetype must be eDoc (got "${servicetype}").`, {
      field: 'servicetype',
    });
  }
  const messagetype = param('messagetype');
  if (messagetype === undefined) return undefined;
  const allowed =
    operation.name === 'countReceiveEdoc' ? ['edoc'] : operation.name === 'countReceiveStatus' ? ['status'] : operation.params.includes('messagetype') ? ['edoc', 'status'] : undefined;
  if (allowed && !allowed.includes(messagetype)) {
    return refuse(
      'VALIDATION_FAILED',
      `messagetype "${messagetype}" được ký không khớp thao tác ${operation.name ?? ''} (cần ${allowed.join(' hoặc ')}).`,
      `The signed messagetype "${messagetype}" does not match the operation ${operation.name ?? ''} (needs ${allowed.join(' or ')}).`,
      { field: 'messagetype' },
    );
  }
  return undefined;
}

/**
 * Checks the headers of an axis request and names the calling system, before any body is read: every header present,
 * the sign-header JSON matching the headers received, HMAC-SHA256 with the secret of `systemid` (an unknown system
 * costs the same HMAC), then the timestamp's age under the system's readings, the operation's parameters, and the
 * signed servicetype/messagetype matching the operation. Throws a HubError.
 */
export async function verifyAxisHeaders(
  store: HubStore,
  options: AxisAuthOptions,
  req: { headers: Headers; operation: AxisOperationDef & { name?: string } },
): Promise<AxisAuthenticated> {
  // Node gives header values as latin-1 characters, one a byte: read them back as the UTF-8 the SDK wrote (refused
  // when they are not UTF-8: nothing is silently replaced).
  const raw = (name: string) => {
    try {
      return req.headers.get(AXIS_HEADER_PREFIX + name);
    } catch {
      return null; // not a valid header name: it cannot have been received
    }
  };
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const decode = (v: string, name: string): string => {
    try {
      return utf8.decode(Buffer.from(v, 'latin1'));
    } catch {
      throw refuse('VALIDATION_FAILED', `Tiêu đề ${name} không phải UTF-8 hợp lệ.`, `The header ${name} is not valid UTF-8.`, { header: name });
    }
  };
  const text = (name: string) => {
    const v = raw(name);
    return v === null ? undefined : decode(v, AXIS_HEADER_PREFIX + name);
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
    signed = JSON.parse(decode(signHeaderRaw, AXIS_SIGN_HEADERS.signHeader));
  } catch (e) {
    if (e instanceof HubError) throw e;
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
  // An unknown system costs the same HMAC and the same comparison as a known one, and gets the same answer.
  const expected = createHmac('sha256', system?.secret ?? NO_SECRET)
    .update(Buffer.from(signHeaderRaw, 'latin1'))
    .digest();
  const givenBytes = /^[0-9a-f]{64}$/.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(32);
  const ok = timingSafeEqual(expected, givenBytes) && given.length === 64;
  if (!system) throw await unknownSystem(store, systemId, options.sandbox, badSignature);
  if (!ok) throw badSignature();

  // Only now (authenticated) the timestamp: a stranger learns nothing about the hub clock.
  const timestamp = text('timestamp') ?? '';
  const readings = axisTimestampReadings(timestamp, system.timeZone);
  if (readings.length === 0) {
    throw refuse(
      'CLOCK_SKEW',
      `XroadVnpt-timestamp "${timestamp}" không đúng định dạng ddMMyyyy'T'HHmmss+SSSS.`,
      `XroadVnpt-timestamp "${timestamp}" is not in the format ddMMyyyy'T'HHmmss+SSSS.`,
      { timestamp },
    );
  }
  const now = options.now?.() ?? Date.now();
  if (!readings.some((at) => Math.abs(now - at) <= options.maxAgeMs)) {
    const zone = { either: 'giờ Việt Nam hoặc UTC / Việt Nam time or UTC', UTC: 'UTC / UTC', 'Asia/Ho_Chi_Minh': 'giờ Việt Nam / Việt Nam time' }[
      system.timeZone ?? 'either'
    ];
    const [vi, en] = zone.split(' / ') as [string, string];
    throw refuse(
      'CLOCK_SKEW',
      `Yêu cầu ký lúc ${timestamp} (${vi}) lệch quá ${options.maxAgeMs / 60_000} phút so với đồng hồ của trục.`,
      `The request was signed at ${timestamp} (${en}), more than ${options.maxAgeMs / 60_000} min from the hub clock.`,
      { timestamp, maxAgeMs: options.maxAgeMs },
    );
  }

  const absent = req.operation.required.filter((n) => !text(n));
  if (absent.length > 0) {
    const list = absent.map((n) => AXIS_HEADER_PREFIX + n).join(', ');
    throw refuse('VALIDATION_FAILED', `Thiếu tham số: ${list}.`, `Missing parameters: ${list}.`, { missing: absent });
  }
  const binding = bindingError(req.operation, text);
  if (binding) throw binding;
  return { systemId, agencies: [...system.agencies], param: text, timestamp, hashHeader: given };
}

/**
 * The body of an authenticated request as the operation takes it: for sendEdoc, `hash-file` must equal the SDK's
 * unpadded hex of the body's SHA-256 (the SDK writes CRLF after the file: a body whose digest matches only without it
 * is taken without it).
 */
export function axisRequestBody(auth: AxisAuthenticated, body: Uint8Array, operation: AxisOperationDef): Uint8Array {
  if (operation.body !== 'edxml') return body;
  const hashFile = (auth.param('hash-file') ?? '').toLowerCase();
  const digest = (b: Uint8Array) => unpaddedHex(createHash('sha256').update(b).digest());
  // MultipartUtility.addInputStreamPart writes CRLF after the file; hash-file covers the file alone.
  const trimmed = body.length >= 2 && body[body.length - 2] === 13 && body[body.length - 1] === 10 ? body.subarray(0, body.length - 2) : undefined;
  if (digest(body) === hashFile) return body;
  if (trimmed && digest(trimmed) === hashFile) return trimmed;
  throw refuse(
    'BAD_SIGNATURE',
    'XroadVnpt-hash-file không khớp SHA-256 của gói tin nhận được (gói tin bị sửa hoặc truyền thiếu).',
    'XroadVnpt-hash-file does not match the SHA-256 of the package received (altered or truncated).',
    { reason: 'hash-file' },
  );
}

/** Checks an axis request (headers, then body) and names the calling system; throws a HubError. */
export async function verifyAxisRequest(
  store: HubStore,
  options: AxisAuthOptions,
  req: { headers: Headers; body: Uint8Array; operation: AxisOperationDef & { name?: string } },
): Promise<AxisCaller> {
  const auth = await verifyAxisHeaders(store, options, req);
  return { systemId: auth.systemId, agencies: auth.agencies, param: auth.param, body: axisRequestBody(auth, req.body, req.operation) };
}
