// A client of the national exchange axis protocol (and of the egov-vn hub's /vxp API): it signs and sends what the
// official SDK (SDKVXP-2.0.1) sends, and returns typed results or ExchangeError. fetch and WebCrypto: Node and browsers.
import type { Lang } from '@egov-vn/schemas';
import {
  type AxisAgency,
  AxisEnvelopeSchema,
  axisHashFile,
  type AxisMessageType,
  type AxisOperation,
  axisOperations,
  type AxisReceivedItem,
  type AxisRegisterAgency,
  axisRequestHeaders,
  type AxisSentItem,
  type AxisTransportStatus,
  ERROR_CODES,
  type ErrorCode,
  formatAxisDate,
  splitAxisErrorDesc,
} from '@egov-vn/exchange-api';
import type { z } from 'zod';
import { ExchangeError, type ExchangeErrorCode } from './errors.js';

export interface AxisClientOptions {
  /** Base URL; every operation is `<endpoint>/<operation>` (our hub: `http://127.0.0.1:8787/vxp`). */
  endpoint: string;
  /** The connecting system's code (`XroadVnpt-systemid`). */
  systemId: string;
  /** Shared secret of the system (HMAC-SHA256 key). */
  secret: string;
  /** Custom fetch (tests, proxies). */
  fetch?: typeof fetch;
  /** Per-request timeout in ms (default 30 000). */
  timeout?: number;
  /** Language of `ExchangeError.message` (default Vietnamese). */
  lang?: Lang;
  /**
   * Send `User-Agent: JAVASDKAgent/1.0.0 XRoad/VPCP` as the SDK does. Default: outside browsers only (a browser
   * sends its own User-Agent and ignores or refuses one set by a script).
   */
  userAgent?: boolean;
  /** The clock of the timestamps (tests). */
  clock?: () => Date;
}

export interface AxisCallOptions {
  signal?: AbortSignal;
}

export interface AxisSendOptions extends AxisCallOptions {
  /** Sender agency code (`XroadVnpt-from`): the package's `From`, one of the system's agencies. */
  from: string;
  /** `eDoc` (default). */
  servicetype?: string;
}

export interface AxisListOptions extends AxisCallOptions {
  messagetype?: AxisMessageType;
  /** `dd/MM/yyyy HH:mm:ss` (Việt Nam time), or a Date. */
  fromDate?: Date | string;
  toDate?: Date | string;
  servicetype?: string;
}

/** A client of the axis operations; each method is one operation of `axisOperations`. */
export interface AxisClient {
  /** `sendEdoc messagetype=edoc`: the package goes to every `To` organisation; the hub's DocId. */
  sendEdoc(edxml: string | Uint8Array, options: AxisSendOptions): Promise<{ docId: string }>;
  /** `sendEdoc messagetype=status`: a status package back to its `ResponseFor` organisation. */
  sendStatus(edxml: string | Uint8Array, options: AxisSendOptions): Promise<{ docId: string }>;
  /** What is pending for this system (documents, or status packages with `messagetype: 'status'`). */
  getReceivedEdocList(options?: AxisListOptions): Promise<AxisReceivedItem[]>;
  /** Each recipient's receive status of what this system sent (one message with `docId`). */
  getSentEdocList(options?: AxisCallOptions & { docId?: string; messagetype?: AxisMessageType; servicetype?: string }): Promise<AxisSentItem[]>;
  /** The package bytes (the answer carries them in base64). */
  getEdoc(docId: string, options?: AxisCallOptions): Promise<Uint8Array>;
  /** Transport acknowledgement: `done` takes the message off the pending list; `fail` and `processing` keep it. */
  updateStatus(docId: string, status: AxisTransportStatus, options?: AxisCallOptions & { description?: string }): Promise<void>;
  countReceiveEdoc(options?: AxisCallOptions): Promise<number>;
  countReceiveStatus(options?: AxisCallOptions): Promise<number>;
  getAgenciesList(options?: AxisCallOptions): Promise<AxisAgency[]>;
  getAgenciesListQD20(options?: AxisCallOptions & { level?: string }): Promise<AxisAgency[]>;
  registerAgency(agency: AxisRegisterAgency, options?: AxisCallOptions): Promise<void>;
  deleteAgency(code: string, options?: AxisCallOptions): Promise<void>;
}

const encoder = new TextEncoder();

/** A header value as the bytes of its UTF-8 (fetch accepts only byte strings); ASCII stays as it is. */
function byteString(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(value)) return value;
  let out = '';
  for (const b of encoder.encode(value)) out += String.fromCharCode(b);
  return out;
}

function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const KNOWN = new Set<string>(ERROR_CODES);
const inBrowser = () => 'document' in globalThis || 'WorkerGlobalScope' in globalThis;

type Params = Array<[string, string]>;

/** A client that speaks the axis protocol exactly as the official SDK (see `@egov-vn/exchange-api` `axis*`). */
export function createAxisClient(options: AxisClientOptions): AxisClient {
  const base = options.endpoint.replace(/\/+$/, '');
  const lang = options.lang ?? 'vi';
  const userAgent = options.userAgent ?? !inBrowser();
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function call<O extends AxisOperation>(
    operation: O,
    params: Params,
    body: Uint8Array | string | undefined,
    call: AxisCallOptions = {},
  ): Promise<z.output<(typeof axisOperations)[O]['result']>> {
    const def = axisOperations[operation];
    const now = options.clock?.() ?? new Date();
    const headers = await axisRequestHeaders(options.secret, { systemId: options.systemId, contentType: def.contentType, params, now }, { userAgent });
    const timeout = AbortSignal.timeout(options.timeout ?? 30_000);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await doFetch(`${base}/${operation}`, {
        method: def.method,
        headers: headers.map(([k, v]) => [k, byteString(v)] as [string, string]),
        ...(body === undefined ? {} : { body: body as BodyInit }),
        signal,
      });
    } catch (e) {
      const code: ExchangeErrorCode = call.signal?.aborted ? 'ABORTED' : timeout.aborted ? 'TIMEOUT' : 'NETWORK';
      throw new ExchangeError({ code, status: 0 }, { lang, cause: e });
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch (e) {
      throw new ExchangeError({ code: 'BAD_RESPONSE', status: res.status }, { lang, cause: e });
    }
    const envelope = AxisEnvelopeSchema.safeParse(json);
    if (envelope.success && (envelope.data.status === 'FAIL' || envelope.data.ErrorCode !== '0')) {
      const { status, ErrorCode: axisCode, ErrorDesc } = envelope.data;
      const code: ExchangeErrorCode = KNOWN.has(axisCode) ? (axisCode as ErrorCode) : 'AXIS_FAIL';
      throw new ExchangeError(
        { code, status: res.status, messages: splitAxisErrorDesc(ErrorDesc || axisCode), details: { axisErrorCode: axisCode, axisStatus: status } },
        { lang },
      );
    }
    const parsed = def.result.safeParse(json);
    if (!res.ok || !parsed.success) {
      const details = parsed.success ? undefined : { issues: [], zod: parsed.error.issues };
      throw new ExchangeError({ code: 'BAD_RESPONSE', status: res.status, ...(details ? { details } : {}) }, { lang });
    }
    return parsed.data as z.output<(typeof axisOperations)[O]['result']>;
  }

  const date = (d: Date | string) => (typeof d === 'string' ? d : formatAxisDate(d));

  async function send(edxml: string | Uint8Array, messagetype: AxisMessageType, o: AxisSendOptions) {
    const bytes = typeof edxml === 'string' ? encoder.encode(edxml) : edxml;
    const params: Params = [
      ['from', o.from],
      ['servicetype', o.servicetype ?? 'eDoc'],
      ['messagetype', messagetype],
      ['hash-file', await axisHashFile(bytes)],
    ];
    const r = await call('sendEdoc', params, bytes, o);
    return { docId: r.DocId };
  }

  return {
    sendEdoc: (edxml, o) => send(edxml, 'edoc', o),
    sendStatus: (edxml, o) => send(edxml, 'status', o),
    async getReceivedEdocList(o = {}) {
      const params: Params = [
        ['servicetype', o.servicetype ?? 'eDoc'],
        ['messagetype', o.messagetype ?? 'edoc'],
      ];
      if (o.fromDate !== undefined) params.push(['fromDate', date(o.fromDate)]);
      if (o.toDate !== undefined) params.push(['toDate', date(o.toDate)]);
      return (await call('getReceivedEdocList', params, undefined, o)).data;
    },
    async getSentEdocList(o = {}) {
      const params: Params = [['servicetype', o.servicetype ?? 'eDoc']];
      if (o.messagetype) params.push(['messagetype', o.messagetype]);
      if (o.docId) params.push(['docId', o.docId]);
      return (await call('getSentEdocList', params, '{}', o)).data;
    },
    async getEdoc(docId, o = {}) {
      return base64Bytes((await call('getEdoc', [['docId', docId]], '{}', o)).data);
    },
    async updateStatus(docId, status, o = {}) {
      const params: Params = [
        ['docId', docId],
        ['status', status],
      ];
      if (o.description) params.push(['description', o.description]);
      await call('updateStatus', params, '{}', o);
    },
    async countReceiveEdoc(o = {}) {
      return (await call('countReceiveEdoc', [], undefined, o)).count;
    },
    async countReceiveStatus(o = {}) {
      return (await call('countReceiveStatus', [], undefined, o)).count;
    },
    async getAgenciesList(o = {}) {
      return (await call('getAgenciesList', [], '{}', o)).data;
    },
    async getAgenciesListQD20(o = {}) {
      return (await call('getAgenciesListQD20', o.level ? [['level', o.level]] : [], '{}', o)).data;
    },
    async registerAgency(agency, o = {}) {
      // As the SDK's registerAgency(json, json) does: the fields are signed as parameters too, so the hub knows the
      // (unsigned) body is the one the system meant.
      const signed = (Object.entries(agency) as Array<[string, unknown]>)
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => [k, String(v)] as [string, string]);
      await call('registerAgency', signed, JSON.stringify(agency), o);
    },
    async deleteAgency(code, o = {}) {
      await call('deleteAgency', [['AgencyCode', code]], '{}', o);
    },
  };
}
