// The national exchange axis protocol (Trục liên thông văn bản quốc gia) as its official Java SDK (SDKVXP-2.0.1)
// puts it on the wire: parameters as `XroadVnpt-<name>` headers, an HMAC-SHA256 over a JSON copy of those headers,
// the SDK's timestamp format and its unpadded hex of the body's SHA-256. Shared by the hub (/vxp) and the client.
// WebCrypto only: runs in browsers and Node.
import { fromVietnamDateTime, isCivilDate, vietnamDateTimeOf } from '@egov-vn/schemas';
import { z } from 'zod';
import { hmacSha256Hex } from './signing.js';

/** Prefix of every parameter header. */
export const AXIS_HEADER_PREFIX = 'XroadVnpt-';
/** `XroadVnpt-version` the SDK sends. */
export const AXIS_VERSION = '3.0.201608';
/** `User-Agent` the SDK sends. */
export const AXIS_USER_AGENT = 'JAVASDKAgent/1.0.0 XRoad/VPCP';
/** The headers that carry the signature (unsigned themselves). */
export const AXIS_SIGN_HEADERS = {
  signHeaderKey: `${AXIS_HEADER_PREFIX}sign-header-key`,
  signHeader: `${AXIS_HEADER_PREFIX}sign-header`,
  hashHeader: `${AXIS_HEADER_PREFIX}hash-header`,
  version: `${AXIS_HEADER_PREFIX}version`,
} as const;

// ---------- timestamp ----------
// Both forms are Việt Nam wall-clock times (UTC+07:00); the conversion is the kit's one (`@egov-vn/schemas`).

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `ddMMyyyy'T'HHmmss+SSSS` in Việt Nam time (UTC+7), as the SDK's `SimpleDateFormat` writes it: `SSSS` is the
 * millisecond of the second padded to four digits (`+0946`), not a zone offset.
 */
export function formatAxisTimestamp(date: Date = new Date()): string {
  const t = vietnamDateTimeOf(date);
  return `${pad(t.day)}${pad(t.month)}${pad(t.year, 4)}T${pad(t.hour)}${pad(t.minute)}${pad(t.second)}+${pad(t.millisecond, 4)}`;
}

const TIMESTAMP_RE = /^(\d{2})(\d{2})(\d{4})T(\d{2})(\d{2})(\d{2})\+(\d{4})$/;

/** The instant of a Việt Nam wall-clock time, or `undefined` when it names no real time. */
function vietnamInstant(year: number, month: number, day: number, hour: number, minute: number, second: number, millisecond = 0): number | undefined {
  if (!isCivilDate({ year, month, day }) || hour > 23 || minute > 59 || second > 59 || millisecond > 999) return undefined;
  return fromVietnamDateTime({ year, month, day, hour, minute, second, millisecond }).getTime();
}

/** The instant (epoch ms) of an axis timestamp read as Việt Nam time, or `undefined` when it is not one. */
export function parseAxisTimestamp(value: string): number | undefined {
  const m = TIMESTAMP_RE.exec(value);
  if (!m) return undefined;
  const [day, month, year, hour, minute, second, ms] = m.slice(1).map(Number) as [number, number, number, number, number, number, number];
  return vietnamInstant(year, month, day, hour, minute, second, ms);
}

/** `dd/MM/yyyy HH:mm:ss` in Việt Nam time: the `fromDate` / `toDate` parameters and the times of list items. */
export function formatAxisDate(date: Date): string {
  const t = vietnamDateTimeOf(date);
  return `${pad(t.day)}/${pad(t.month)}/${pad(t.year, 4)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

const DATE_RE = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;

/** The instant of a `dd/MM/yyyy HH:mm:ss` Việt Nam time, or `undefined`. */
export function parseAxisDate(value: string): number | undefined {
  const m = DATE_RE.exec(value);
  if (!m) return undefined;
  const [d, mo, y, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return vietnamInstant(y, mo, d, h, mi, s);
}

// ---------- hash-file ----------

/** Hex without zero-padding each byte (`0x05` → `5`), as the SDK writes `hash-file` (`Integer.toHexString`). */
export function unpaddedHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16);
  return out;
}

/** `XroadVnpt-hash-file` of a body: the SDK's unpadded hex of its SHA-256. */
export async function axisHashFile(body: Uint8Array | string): Promise<string> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return unpaddedHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

// ---------- sign-header ----------

/** Java's `String.hashCode` (UTF-16 code units). */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The order in which a `java.util.HashMap<String,String>` iterates these keys (inserted in this order): the SDK keeps
 * its parameters in such a map, so this is the order of `sign-header-key` and of the JSON. Buckets by
 * `(h ^ h >>> 16) & (capacity - 1)`, capacity 16 doubling past a 0.75 load; a bucket keeps insertion order.
 * (It reproduces the recorded `systemid;docId;timestamp;Content-Type;status`.)
 */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  const unique = [...new Set(keys)];
  let capacity = 16;
  while (unique.length > capacity * 0.75) capacity *= 2;
  const bucket = (k: string) => {
    const h = javaStringHash(k);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return unique
    .map((k, i) => ({ k, i, b: bucket(k) }))
    .sort((a, b) => a.b - b.b || a.i - b.i)
    .map((e) => e.k);
}

/** A JSON string as Gson writes it (JSON.stringify, plus `\u2028` / `\u2029` escaped). */
function gsonString(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The compact `sign-header` JSON of ordered parameters, as Gson's `JsonObject.toString()` writes it. */
export function axisSignHeader(params: ReadonlyArray<readonly [string, string]>): string {
  return `{${params.map(([k, v]) => `${gsonString(AXIS_HEADER_PREFIX + k)}:${gsonString(v)}`).join(',')}}`;
}

/** `XroadVnpt-hash-header`: lower-case hex HMAC-SHA256 with the secret (UTF-8) over the exact sign-header string. */
export function axisHashHeader(secret: string, signHeader: string): Promise<string> {
  return hmacSha256Hex(secret, signHeader);
}

export interface AxisSignInput {
  systemId: string;
  /** `Content-Type` of the body (also sent and signed as `XroadVnpt-Content-Type`). */
  contentType: string;
  /** The operation's parameters, in the order the caller gives them (the SDK's JSON argument). */
  params?: ReadonlyArray<readonly [string, string]>;
  /** Defaults to now. */
  now?: Date;
}

/**
 * Every header of an axis request in the SDK's order, names as the SDK writes them: for each parameter (in HashMap
 * order) `XroadVnpt-<name>` (preceded by the plain `Content-Type`), then `sign-header-key`, `sign-header`,
 * `hash-header`, `User-Agent` and `XroadVnpt-version`. `User-Agent` is left out when `userAgent` is false.
 */
export async function axisRequestHeaders(
  secret: string,
  input: AxisSignInput,
  options: { userAgent?: boolean } = {},
): Promise<Array<[string, string]>> {
  const values = new Map<string, string>([
    ['timestamp', formatAxisTimestamp(input.now)],
    ['systemid', input.systemId],
    ['Content-Type', input.contentType],
  ]);
  for (const [k, v] of input.params ?? []) values.set(k, v);
  const ordered = javaHashMapOrder([...values.keys()]).map((k) => [k, values.get(k) ?? ''] as const);
  const out: Array<[string, string]> = [];
  for (const [k, v] of ordered) {
    if (k === 'Content-Type') out.push(['Content-Type', v]);
    out.push([AXIS_HEADER_PREFIX + k, v]);
  }
  const signHeader = axisSignHeader(ordered);
  out.push([AXIS_SIGN_HEADERS.signHeaderKey, ordered.map(([k]) => k).join(';')]);
  out.push([AXIS_SIGN_HEADERS.signHeader, signHeader]);
  out.push([AXIS_SIGN_HEADERS.hashHeader, await axisHashHeader(secret, signHeader)]);
  if (options.userAgent !== false) out.push(['User-Agent', AXIS_USER_AGENT]);
  out.push([AXIS_SIGN_HEADERS.version, AXIS_VERSION]);
  return out;
}

// ---------- envelopes ----------

/** Every answer: `{ status, ErrorCode, ErrorDesc, … }`, HTTP 200 even on failure. */
export const AxisEnvelopeSchema = z.looseObject({
  status: z.string(),
  ErrorCode: z.union([z.string(), z.number()]).transform(String),
  ErrorDesc: z.string().nullish().transform((v) => v ?? ''),
});
export type AxisEnvelope = z.output<typeof AxisEnvelopeSchema>;

const opt = z.string().nullish();

/** Optional string fields of a list item (the SDK reads each one only when present). */
function strings<K extends string>(...keys: K[]): Record<K, typeof opt> {
  return Object.fromEntries(keys.map((k) => [k, opt])) as Record<K, typeof opt>;
}

export const AxisReceivedItemSchema = z.looseObject({
  docId: z.string(),
  ...strings('serviceType', 'messageType', 'created_time', 'updated_time', 'from', 'to', 'status', 'status_desc'),
});
export type AxisReceivedItem = z.output<typeof AxisReceivedItemSchema>;

export const AxisSentItemSchema = z.looseObject(
  strings(
    'senderDocId',
    'receiverDocId',
    'fromCode',
    'toCode',
    'title',
    'notation',
    'messageType',
    'sentTime',
    'receivedTime',
    'sendStatus',
    'sendStatusDesc',
    'receiveStatus',
    'receiveStatusDesc',
  ),
);
export type AxisSentItem = z.output<typeof AxisSentItemSchema>;

export const AxisAgencySchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String).nullish(),
  code: z.string(),
  name: opt,
  mail: opt,
  pid: z.union([z.string(), z.number()]).transform(String).nullish(),
  code102: opt,
});
export type AxisAgency = z.output<typeof AxisAgencySchema>;

/** `registerAgency` body. */
export const AxisRegisterAgencySchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  pcode: z.string().optional(),
  code: z.string().min(1),
  name: z.string().min(1),
  mail: z.string().optional(),
  mobile: z.string().optional(),
  fax: z.string().optional(),
});
export type AxisRegisterAgency = z.input<typeof AxisRegisterAgencySchema>;

const ok = AxisEnvelopeSchema;
export const AxisSendEdocResultSchema = ok.extend({ DocId: z.string() });
export const AxisReceivedListResultSchema = ok.extend({ data: z.array(AxisReceivedItemSchema) });
export const AxisSentListResultSchema = ok.extend({ data: z.array(AxisSentItemSchema) });
export const AxisGetEdocResultSchema = ok.extend({ data: z.string() });
export const AxisCountResultSchema = ok.extend({ count: z.number().int() });
export const AxisAgenciesResultSchema = ok.extend({ data: z.array(AxisAgencySchema) });

// ---------- operations ----------

export type AxisMessageType = 'edoc' | 'status';
export type AxisTransportStatus = 'done' | 'fail' | 'processing';

export interface AxisOperationDef {
  method: 'GET' | 'POST';
  /** Parameters the operation knows (headers `XroadVnpt-<name>`). */
  params: readonly string[];
  /** Parameters a request must carry. */
  required: readonly string[];
  /** `edxml`: the raw package (`hash-file` signed); `json`: a JSON body; `{}` or none. */
  body: 'edxml' | 'json' | '{}' | 'none';
  contentType: string;
  result: z.ZodType;
}

/** Every operation of the axis (`<endpoint>/<operation>`), as the SDK calls it. */
export const axisOperations = {
  sendEdoc: {
    method: 'POST',
    params: ['from', 'servicetype', 'messagetype', 'hash-file'],
    // messagetype defaults to edoc; getReceivedEdocList too (the SDK's own example calls it with `{}`).
    required: ['from', 'hash-file'],
    body: 'edxml',
    contentType: 'application/octet-stream',
    result: AxisSendEdocResultSchema,
  },
  getReceivedEdocList: {
    method: 'POST',
    params: ['servicetype', 'messagetype', 'fromDate', 'toDate'],
    required: [],
    body: 'none',
    contentType: 'application/json',
    result: AxisReceivedListResultSchema,
  },
  getSentEdocList: {
    method: 'POST',
    params: ['servicetype', 'messagetype', 'docId'],
    required: [],
    body: '{}',
    contentType: 'application/json',
    result: AxisSentListResultSchema,
  },
  getEdoc: {
    method: 'POST',
    params: ['docId', 'filePath'],
    required: ['docId'],
    body: '{}',
    contentType: 'application/json',
    result: AxisGetEdocResultSchema,
  },
  updateStatus: {
    method: 'POST',
    params: ['docId', 'status', 'description'],
    required: ['docId', 'status'],
    body: '{}',
    contentType: 'application/json',
    result: AxisEnvelopeSchema,
  },
  countReceiveEdoc: { method: 'GET', params: [], required: [], body: 'none', contentType: 'application/json', result: AxisCountResultSchema },
  countReceiveStatus: { method: 'GET', params: [], required: [], body: 'none', contentType: 'application/json', result: AxisCountResultSchema },
  getAgenciesList: { method: 'POST', params: [], required: [], body: '{}', contentType: 'application/json', result: AxisAgenciesResultSchema },
  getAgenciesListQD20: {
    method: 'POST',
    params: ['level'],
    required: [],
    body: '{}',
    contentType: 'application/json',
    result: AxisAgenciesResultSchema,
  },
  registerAgency: { method: 'POST', params: [], required: [], body: 'json', contentType: 'application/json', result: AxisEnvelopeSchema },
  deleteAgency: {
    method: 'POST',
    params: ['AgencyCode'],
    required: ['AgencyCode'],
    body: '{}',
    contentType: 'application/json',
    result: AxisEnvelopeSchema,
  },
} as const satisfies Record<string, AxisOperationDef>;

export type AxisOperation = keyof typeof axisOperations;
export const AXIS_OPERATIONS = Object.keys(axisOperations) as AxisOperation[];

/** `ErrorDesc` of a failure: Vietnamese first, then English (`"… / …"`). */
export function axisErrorDesc(message: { vi: string; en: string }): string {
  return `${message.vi} / ${message.en}`;
}

/** The two halves of an `ErrorDesc` written by {@link axisErrorDesc} (the whole text twice when it has no ` / `). */
export function splitAxisErrorDesc(desc: string): { vi: string; en: string } {
  const i = desc.indexOf(' / ');
  return i < 0 ? { vi: desc, en: desc } : { vi: desc.slice(0, i), en: desc.slice(i + 3) };
}
